package ingest

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Entra ID also takes a certificate instead of a client secret: the
// certificate is uploaded to the application, and each token request
// carries a short-lived JWT (the client assertion) signed with its private
// key. Tenants that forbid client secrets, or rotate credentials through a
// PKI, need this. The JWT is built with the standard library: RS256 only.

const clientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// assertionLifetime: the JWT is used at once; ten minutes absorbs clock skew.
const assertionLifetime = 10 * time.Minute

// clientCert is the application's certificate credential.
type clientCert struct {
	key *rsa.PrivateKey
	der []byte // the certificate, whose thumbprints name it in the JWT header
}

// loadClientCert reads the PEM certificate file and parses the PEM RSA
// private key (PKCS#1 or PKCS#8), checking that they belong together.
func loadClientCert(certFile, keyPEM string) (*clientCert, error) {
	b, err := os.ReadFile(certFile)
	if err != nil {
		return nil, fmt.Errorf("oauth client cert file: %w", err)
	}
	cb, _ := pem.Decode(b)
	if cb == nil || cb.Type != "CERTIFICATE" {
		return nil, fmt.Errorf("oauth-client-cert-file %s: no PEM CERTIFICATE block", certFile)
	}
	cert, err := x509.ParseCertificate(cb.Bytes)
	if err != nil {
		return nil, fmt.Errorf("oauth-client-cert-file %s: %w", certFile, err)
	}
	kb, _ := pem.Decode([]byte(keyPEM))
	if kb == nil {
		return nil, fmt.Errorf("oauth-client-key-file: no PEM private key block")
	}
	var key any
	if key, err = x509.ParsePKCS1PrivateKey(kb.Bytes); err != nil {
		if key, err = x509.ParsePKCS8PrivateKey(kb.Bytes); err != nil {
			return nil, fmt.Errorf("oauth-client-key-file: not a PKCS#1 or PKCS#8 private key (encrypted keys are not supported)")
		}
	}
	rk, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("oauth-client-key-file: %T key, want RSA (Entra ID signs with RS256)", key)
	}
	if pub, ok := cert.PublicKey.(*rsa.PublicKey); !ok || !pub.Equal(&rk.PublicKey) {
		return nil, fmt.Errorf("oauth-client-key-file does not match the certificate in %s", certFile)
	}
	return &clientCert{key: rk, der: cert.Raw}, nil
}

// assertion returns the signed JWT Entra ID expects for tokenURL.
func (c *clientCert) assertion(clientID, tokenURL string, now time.Time) (string, error) {
	s256 := sha256.Sum256(c.der)
	s1 := sha1.Sum(c.der)
	jti := make([]byte, 16)
	rand.Read(jti)
	b64 := base64.RawURLEncoding
	header, err := json.Marshal(map[string]string{"alg": "RS256", "typ": "JWT",
		"x5t#S256": b64.EncodeToString(s256[:]), "x5t": b64.EncodeToString(s1[:])})
	if err != nil {
		return "", err
	}
	claims, err := json.Marshal(map[string]any{"aud": tokenURL, "iss": clientID, "sub": clientID,
		"jti": hex.EncodeToString(jti), "nbf": now.Unix(), "iat": now.Unix(), "exp": now.Add(assertionLifetime).Unix()})
	if err != nil {
		return "", err
	}
	signed := b64.EncodeToString(header) + "." + b64.EncodeToString(claims)
	digest := sha256.Sum256([]byte(signed))
	sig, err := rsa.SignPKCS1v15(nil, c.key, crypto.SHA256, digest[:])
	if err != nil {
		return "", fmt.Errorf("sign the client assertion: %w", err)
	}
	return signed + "." + b64.EncodeToString(sig), nil
}

// assertionSource fetches tokens with a fresh client assertion each time:
// clientcredentials.Config's EndpointParams are fixed, so the config is
// copied per request.
type assertionSource struct {
	ctx  context.Context
	cc   clientcredentials.Config
	cert *clientCert
}

func (s *assertionSource) Token() (*oauth2.Token, error) {
	jwt, err := s.cert.assertion(s.cc.ClientID, s.cc.TokenURL, time.Now())
	if err != nil {
		return nil, err
	}
	cc := s.cc
	cc.AuthStyle = oauth2.AuthStyleInParams // client_id in the form, no client_secret
	cc.EndpointParams = map[string][]string{"client_assertion_type": {clientAssertionType}, "client_assertion": {jwt}}
	return cc.Token(s.ctx)
}

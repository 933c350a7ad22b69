package main

import (
	"encoding/json"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestVerify(t *testing.T) {
	fx := newFixture(t)
	out, errOut, code := fx.run(t, "verify")
	if code != exitOK || !strings.Contains(out, "ok, 5 messages checked") {
		t.Fatalf("verify of a sound store: exit %d, %q %q", code, out, errOut)
	}
	// Lose one raw message behind the store's back.
	db, err := bolt.Open(fx.db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		k := make([]byte, 8)
		k[7] = byte(fx.ids["nl"])
		return tx.Bucket([]byte("raw")).Delete(k)
	})
	db.Close()
	out, errOut, code = fx.run(t, "verify")
	if code != exitDamaged || !strings.Contains(out, "message "+fx.id("nl")+": record "+fx.id("nl")+" has no raw message") || !strings.Contains(errOut, "store has problems: 1 found") {
		t.Errorf("verify of a damaged store: exit %d, %q %q", code, out, errOut)
	}
	js, _, code := fx.run(t, "verify", "--json")
	var v struct {
		OK       bool `json:"ok"`
		Problems []struct {
			What string `json:"what"`
			ID   uint64 `json:"id"`
		} `json:"problems"`
	}
	if err := json.Unmarshal([]byte(js), &v); err != nil || v.OK || len(v.Problems) != 1 || v.Problems[0].ID != fx.ids["nl"] || code != exitDamaged {
		t.Errorf("verify --json = %+v, %v, exit %d", v, err, code)
	}
}

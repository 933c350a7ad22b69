package web

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

// Roles: a viewer reads; an editor also corrects and accepts.
const (
	roleViewer = "viewer"
	roleEditor = "editor"
)

// Roles lists the roles a users file may give.
var Roles = []string{roleViewer, roleEditor}

// User is one person who may sign in.
type User struct {
	Name string
	Role string
	hash []byte
}

// Users is the users file: one "name:role:bcrypt-hash" line per person,
// "#" comments. It is read once at start; adduser rewrites it.
type Users struct {
	path  string
	users []User
}

var userName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$`)

// bcryptCost is bcrypt's default (about 50-100 ms a check): slow enough to
// make a stolen file expensive to guess, fast enough for a login.
var bcryptCost = bcrypt.DefaultCost

// LoadUsers reads a users file. A missing file is an empty one.
func LoadUsers(path string) (*Users, error) {
	u := &Users{path: path}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return u, nil
	}
	if err != nil {
		return nil, fmt.Errorf("users file: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, ":", 3)
		if len(parts) != 3 || !userName.MatchString(parts[0]) || !slices.Contains(Roles, parts[1]) {
			return nil, fmt.Errorf("users file %s:%d: want name:role:bcrypt-hash with role viewer or editor", path, n)
		}
		if _, err := bcrypt.Cost([]byte(parts[2])); err != nil {
			return nil, fmt.Errorf("users file %s:%d: not a bcrypt hash: %v", path, n, err)
		}
		u.users = append(u.users, User{Name: parts[0], Role: parts[1], hash: []byte(parts[2])})
	}
	return u, sc.Err()
}

// Len is how many people may sign in.
func (u *Users) Len() int { return len(u.users) }

// dummyHash keeps a login for an unknown name as slow as for a known one,
// so timing does not tell which names exist.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("not a password"), bcryptCost)

// Check returns the user when name and password match.
func (u *Users) Check(name, password string) (User, bool) {
	for _, x := range u.users {
		if x.Name == name {
			if bcrypt.CompareHashAndPassword(x.hash, []byte(password)) == nil {
				return x, true
			}
			return User{}, false
		}
	}
	bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
	return User{}, false
}

// Set adds or replaces a user and rewrites the file (mode 0600, through a
// temporary file renamed over it).
func (u *Users) Set(name, role, password string) error {
	if !userName.MatchString(name) {
		return fmt.Errorf("user name %q: letters, digits and . _ @ - only, at most 64", name)
	}
	if !slices.Contains(Roles, role) {
		return fmt.Errorf("role %q: want viewer or editor", role)
	}
	if len(password) < 10 || len(password) > 72 {
		return errors.New("password: 10 to 72 bytes (bcrypt reads no further)")
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcryptCost)
	if err != nil {
		return fmt.Errorf("hash password: %w", err)
	}
	nu := User{Name: name, Role: role, hash: h}
	if i := slices.IndexFunc(u.users, func(x User) bool { return x.Name == name }); i >= 0 {
		u.users[i] = nu
	} else {
		u.users = append(u.users, nu)
	}
	var b strings.Builder
	b.WriteString("# cyberintake web users: name:role:bcrypt-hash (cyberintake web adduser NAME)\n")
	for _, x := range u.users {
		fmt.Fprintf(&b, "%s:%s:%s\n", x.Name, x.Role, x.hash)
	}
	tmp := u.path + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o600); err != nil {
		return fmt.Errorf("write users file: %w", err)
	}
	if err := os.Rename(tmp, u.path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write users file: %w", err)
	}
	return nil
}

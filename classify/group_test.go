package classify

import "testing"

func TestTagsGroup(t *testing.T) {
	var tags Tags
	for name, field := range map[string]*[]string{
		"cause": &tags.Cause, "impact": &tags.Impact, "response": &tags.Response, "prevention": &tags.Prevention,
	} {
		if got := tags.Group(name); got != field {
			t.Errorf("Group(%q) is not the %s field", name, name)
		}
	}
	for _, name := range []string{"", "Cause", "tags", "causes"} {
		if tags.Group(name) != nil {
			t.Errorf("Group(%q) = non-nil, want nil", name)
		}
	}
}

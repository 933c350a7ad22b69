package store

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"cyberintake/classify"
	"cyberintake/mailparse"
)

// Values of fields as text, and checking what a person types. One place
// decides how a field reads and is written, so show, correct --edit,
// history and the web interface agree.

// Kinds a message can be corrected to.
var Kinds = []string{string(mailparse.KindReport), string(mailparse.KindAutoReply), string(mailparse.KindBounce), string(mailparse.KindUnrelated)}

// Languages a message can be corrected to.
var Languages = []string{"fr", "nl", "de", "en"}

// Fields lists the correctable fields (tags as "tags.GROUP"), in the order
// show and correct --edit print them.
func Fields() []string {
	f := []string{FieldKind, FieldLab, FieldLanguage, FieldA, FieldB, FieldC, FieldD, FieldE, FieldDowntime, FieldIncidentDate,
		FieldContactName, FieldContactEmail, FieldContactPhone, FieldReferences}
	for _, g := range TagGroups {
		f = append(f, FieldTagsPrefix+g)
	}
	return f
}

// maxValueBytes bounds one corrected value (an answer pasted from a PDF
// fits easily).
const maxValueBytes = 64 << 10

// tagGroup returns the group's labels of res and a setter.
func tagGroup(res *mailparse.Result, group string) (labels []string, set func([]string), ok bool) {
	p := res.Tags.Group(group)
	if p == nil {
		return nil, nil, false
	}
	return *p, func(l []string) { *p = l }, true
}

// splitTagKey reads "tags.GROUP.LABEL" (label "" for "tags.GROUP").
func splitTagKey(key string) (group, label string, ok bool) {
	rest, ok := strings.CutPrefix(key, FieldTagsPrefix)
	if !ok {
		return "", "", false
	}
	group, label, _ = strings.Cut(rest, ".")
	return group, label, slices.Contains(TagGroups, group)
}

// TagField is the correction key of one tag label.
func TagField(group, label string) string { return FieldTagsPrefix + group + "." + label }

// FormatDays writes a downtime the way corrections store it.
func FormatDays(d *float64) string {
	if d == nil {
		return ""
	}
	return strconv.FormatFloat(*d, 'f', -1, 64)
}

// resultValue reads field key of res as text.
func resultValue(res *mailparse.Result, key string) (string, error) {
	switch key {
	case FieldKind:
		return string(res.Kind), nil
	case FieldLab:
		if res.Lab == nil {
			return "", nil
		}
		return *res.Lab, nil
	case FieldLanguage:
		return res.Language, nil
	case FieldA, FieldB, FieldC, FieldD, FieldE:
		return res.Sections.Answers()[key[0]-'a'], nil
	case FieldDowntime:
		return FormatDays(res.DowntimeDays), nil
	case FieldIncidentDate:
		if res.IncidentDate == nil {
			return "", nil
		}
		return *res.IncidentDate, nil
	case FieldContactName:
		return res.Contact.Name, nil
	case FieldContactEmail:
		return res.Contact.Email, nil
	case FieldContactPhone:
		return res.Contact.Phone, nil
	case FieldReferences:
		return strings.Join(res.References, ", "), nil
	}
	if group, label, ok := splitTagKey(key); ok {
		labels, _, _ := tagGroup(res, group)
		if label == "" {
			return strings.Join(labels, ", "), nil
		}
		if slices.Contains(labels, label) {
			return TagPresent, nil
		}
		return TagAbsent, nil
	}
	return "", unknownField(key)
}

// setResultValue writes a checked value into res. Slices are replaced,
// never changed in place: res may share them with the parser's reading.
func setResultValue(res *mailparse.Result, key, v string) {
	switch key {
	case FieldKind:
		res.Kind = mailparse.Kind(v)
	case FieldLab:
		res.Lab = nil
		if v != "" {
			res.Lab = &v
		}
	case FieldLanguage:
		res.Language = v
	case FieldA:
		res.Sections.A = v
	case FieldB:
		res.Sections.B = v
	case FieldC:
		res.Sections.C = v
	case FieldD:
		res.Sections.D = v
	case FieldE:
		res.Sections.E = v
	case FieldDowntime:
		res.DowntimeDays = nil
		if d, err := strconv.ParseFloat(v, 64); err == nil && v != "" {
			res.DowntimeDays = &d
		}
	case FieldIncidentDate:
		res.IncidentDate = nil
		if v != "" {
			res.IncidentDate = &v
		}
	case FieldContactName:
		res.Contact.Name = v
	case FieldContactEmail:
		res.Contact.Email = v
	case FieldContactPhone:
		res.Contact.Phone = v
	case FieldReferences:
		res.References = splitList(v)
	default:
		group, label, ok := splitTagKey(key)
		if !ok || label == "" {
			return
		}
		labels, set, _ := tagGroup(res, group)
		out := make([]string, 0, len(labels)+1)
		for _, l := range labels {
			if l != label {
				out = append(out, l)
			}
		}
		if v == TagPresent {
			out = append(out, label)
			slices.Sort(out)
		}
		set(out)
	}
}

// splitList reads a comma-separated list, dropping blanks and repeats.
func splitList(v string) []string {
	out := []string{}
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func (e *ValueError) Error() string {
	s := e.Field + ": " + e.Msg
	if e.Value != "" {
		s = fmt.Sprintf("%s: %q: %s", e.Field, e.Value, e.Msg)
	}
	if len(e.Valid) > 0 {
		s += " (valid: " + strings.Join(e.Valid, ", ") + ")"
	}
	return s
}

func (e *ValueError) Is(target error) bool { return target == ErrInvalid }

func unknownField(f string) error {
	return &ValueError{Field: f, Msg: "not a correctable field", Valid: append(Fields(), "tags.GROUP+=LABEL", "tags.GROUP-=LABEL")}
}

// ParseChange reads one FIELD=VALUE, tags.GROUP+=LABEL or
// tags.GROUP-=LABEL argument. It does not check the value (ValidateChange).
func ParseChange(s string) (Change, error) {
	i := strings.IndexByte(s, '=')
	if i <= 0 {
		return Change{}, &ValueError{Field: s, Msg: "want FIELD=VALUE, tags.GROUP+=LABEL or tags.GROUP-=LABEL"}
	}
	c := Change{Field: s[:i], Op: OpSet, Value: s[i+1:]}
	if strings.HasPrefix(c.Field, FieldTagsPrefix) {
		switch c.Field[len(c.Field)-1] {
		case '+':
			c.Op, c.Field = OpAdd, c.Field[:len(c.Field)-1]
		case '-':
			c.Op, c.Field = OpRemove, c.Field[:len(c.Field)-1]
		}
	}
	return c, nil
}

// String writes c the way ParseChange reads it.
func (c Change) String() string { return c.Field + string(c.Op) + c.Value }

// ValidateChange checks c and returns its correction key and canonical
// value; the error is a *ValueError (errors.Is ErrInvalid).
func ValidateChange(c Change) (key, value string, err error) {
	v := c.Value
	if len(v) > maxValueBytes {
		return "", "", &ValueError{Field: c.Field, Msg: fmt.Sprintf("longer than %d KiB", maxValueBytes>>10)}
	}
	if !utf8.ValidString(v) {
		return "", "", &ValueError{Field: c.Field, Msg: "not valid UTF-8"}
	}
	if group, label, ok := splitTagKey(c.Field); strings.HasPrefix(c.Field, FieldTagsPrefix) {
		if !ok || label != "" {
			return "", "", &ValueError{Field: c.Field, Msg: "unknown tag group", Valid: prefixed(FieldTagsPrefix, TagGroups)}
		}
		if c.Op != OpAdd && c.Op != OpRemove {
			return "", "", &ValueError{Field: c.Field, Msg: "tags take += or -= and one label (tags." + group + "+=LABEL)"}
		}
		v = strings.TrimSpace(v)
		if valid := classify.Labels(group); !slices.Contains(valid, v) {
			return "", "", &ValueError{Field: c.Field, Value: v, Msg: "not a label of the taxonomy's " + group + " group", Valid: valid}
		}
		if c.Op == OpAdd {
			return TagField(group, v), TagPresent, nil
		}
		return TagField(group, v), TagAbsent, nil
	}
	if c.Op != OpSet {
		return "", "", &ValueError{Field: c.Field, Msg: "only tags take " + string(c.Op) + "; use " + c.Field + "=VALUE"}
	}
	multiLine := false
	switch c.Field {
	case FieldKind:
		v = strings.TrimSpace(v)
		if !slices.Contains(Kinds, v) {
			return "", "", &ValueError{Field: c.Field, Value: v, Msg: "not a kind", Valid: Kinds}
		}
	case FieldLanguage:
		v = strings.TrimSpace(v)
		if !slices.Contains(Languages, v) {
			return "", "", &ValueError{Field: c.Field, Value: v, Msg: "not a language of the letter", Valid: Languages}
		}
	case FieldDowntime:
		v = strings.TrimSpace(v)
		if v != "" {
			d, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
			if err != nil || d < 0 || math.IsInf(d, 0) || math.IsNaN(d) {
				return "", "", &ValueError{Field: c.Field, Value: v, Msg: "want a number of days, 0 or more (e.g. 2.5), or nothing for unknown"}
			}
			v = FormatDays(&d)
		}
	case FieldIncidentDate:
		v = strings.TrimSpace(v)
		if v != "" && !validIncidentDate(v) {
			return "", "", &ValueError{Field: c.Field, Value: v, Msg: "want YYYY-MM-DD or YYYY-MM (when the attack began), or nothing for unknown"}
		}
	case FieldLab, FieldContactName, FieldContactPhone:
		v = strings.TrimSpace(v)
	case FieldContactEmail:
		v = strings.TrimSpace(v)
		if v != "" && (strings.Count(v, "@") != 1 || strings.ContainsFunc(v, unicode.IsSpace) || strings.HasPrefix(v, "@") || strings.HasSuffix(v, "@")) {
			return "", "", &ValueError{Field: c.Field, Value: v, Msg: "not an e-mail address"}
		}
	case FieldReferences:
		v = strings.Join(splitList(v), ", ")
	case FieldA, FieldB, FieldC, FieldD, FieldE:
		v = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
		multiLine = true
	default:
		return "", "", unknownField(c.Field)
	}
	if bad := strings.IndexFunc(v, func(r rune) bool {
		return unicode.IsControl(r) && !(multiLine && (r == '\n' || r == '\t'))
	}); bad >= 0 {
		return "", "", &ValueError{Field: c.Field, Msg: "contains a control character"}
	}
	return c.Field, v, nil
}

func prefixed(p string, s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = p + x
	}
	return out
}

// validIncidentDate accepts what the parser gives: a day or a month.
func validIncidentDate(v string) bool {
	for _, layout := range []string{time.DateOnly, "2006-01"} {
		if _, err := time.Parse(layout, v); err == nil {
			return true
		}
	}
	return false
}

// The Go package of the hostile catalog gives back every string of every
// entry byte for byte as the JSON target has it (expect.json, written by
// hostile.py expect), and every code and status under the constant the view
// spells for it (identifiers_test.go, written alongside). run.sh copies this
// file into the package, with the package clause renamed.
package catalogerrors

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"
)

type expectEntry struct {
	Kind     string                 `json:"kind"`
	Domain   *string                `json:"domain"`
	Code     json.RawMessage        `json:"code"`
	Fields   map[string]interface{} `json:"fields"`
	NameUp   string                 `json:"name_upper"`
	StrCodes bool                   `json:"string_codes"`
}

func short(v interface{}) string {
	s := fmt.Sprintf("%q", v)
	if len(s) > 300 {
		return fmt.Sprintf("%s ... %s (%d bytes)", s[:150], s[len(s)-100:], len(s))
	}
	return s
}

func TestHostileStrings(t *testing.T) {
	raw, err := os.ReadFile(os.Getenv("HOSTILE_EXPECT"))
	if err != nil {
		t.Fatal(err)
	}
	var x struct {
		Entries []expectEntry `json:"entries"`
	}
	if err := json.Unmarshal(raw, &x); err != nil {
		t.Fatal(err)
	}
	checks, failures := 0, 0
	check := func(ok bool, where string, got, want interface{}) {
		checks++
		if ok {
			return
		}
		failures++
		if failures <= 25 {
			t.Errorf("FAIL go: %s\n       got  %s\n       want %s", where, short(got), short(want))
		}
	}
	for _, e := range x.Entries {
		var got *Entry
		var label string
		switch e.Kind {
		case "status":
			var n int
			_ = json.Unmarshal(e.Code, &n)
			got, label = LookupStatus(n), fmt.Sprintf("status %d", n)
		case "fallback":
			got, label = Fallback(Domain(*e.Domain)), "fallback of "+*e.Domain
		default:
			if e.StrCodes {
				var s string
				_ = json.Unmarshal(e.Code, &s)
				got, label = Lookup(Domain(*e.Domain), s), fmt.Sprintf("%s code %q", *e.Domain, s)
			} else {
				var n int64
				_ = json.Unmarshal(e.Code, &n)
				got, label = LookupInt(Domain(*e.Domain), n), fmt.Sprintf("%s code %d", *e.Domain, n)
			}
		}
		check(got != nil, label+": no entry", nil, nil)
		if got == nil {
			continue
		}
		str := func(v interface{}) string { // null is "" in Go
			s, _ := v.(string)
			return s
		}
		list := func(v interface{}) []string {
			out := []string{}
			if l, ok := v.([]interface{}); ok {
				for _, s := range l {
					out = append(out, s.(string))
				}
			}
			return out
		}
		for field, want := range e.Fields {
			var have interface{}
			switch field {
			case "code_str":
				have = got.CodeStr
			case "name":
				have = got.Name
			case "message":
				have = got.Message
			case "description":
				have = got.Description
			case "hint":
				have = got.Hint
			case "policy":
				have = got.Policy.Name
			case "advice":
				have = got.Policy.Advice
			case "delay_header":
				have = got.Policy.DelayHeader
			case "params":
				have, want = append([]string{}, got.Params...), list(want)
			case "ui_hint":
				if got.UI != nil {
					have = got.UI.Hint
				} else {
					have = ""
				}
				check((got.UI != nil) == (want != nil), label+": UI present", got.UI != nil, want != nil)
			case "ui_actions":
				h := []string{}
				if got.UI != nil {
					h = append(h, got.UI.Actions...)
				}
				have, want = h, list(want)
			case "deprecated":
				have, want = got.Deprecated, want != nil
			case "retired":
				have, want = got.Retired, want != nil
			default:
				t.Fatalf("unknown field %s", field)
			}
			if _, ok := have.(string); ok {
				want = str(want)
			}
			check(reflect.DeepEqual(have, want), label+": "+field+" differs", have, want)
		}
		if e.Kind == "code" {
			name := e.Fields["name"].(string)
			check(LookupName(Domain(*e.Domain), name) == got, label+": LookupName "+name, nil, nil)
		}
	}
	for _, id := range hostileIdentifiers() {
		var want *Entry
		if id.domain == "" {
			var n int
			fmt.Sscan(id.name, &n)
			want = LookupStatus(n)
		} else {
			want = LookupName(Domain(id.domain), id.name)
		}
		check(id.entry != nil && id.entry == want, "the constant of "+id.domain+" "+id.name+
			" is not its entry", nil, nil)
	}
	t.Logf("go: %d checks, %d failed", checks, failures)
	fmt.Printf("go: %d checks, %d failed\n", checks, failures)
}

// github_test.go: run.sh adds it to the package of the golden case
// tests/golden/github. Envelope paths with [*], parameters read from the
// body and header conditions where the vectors leave cases out; the
// expectations are worked out by hand from spec/FORMAT.md.
package githuberrors_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	cat "errcat.example/githuberrors"
)

var now = time.Unix(1765000000, 0)

func body(t *testing.T, text string) any {
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestPaths(t *testing.T) {
	for _, c := range []struct {
		body, match, code, message string
	}{
		// Each [*] reads the first element that has the rest of its path.
		{`{"errors": [{"resource": "Issue"}, {"code": "missing_field", "field": "title"}]}`,
			"code", "missing_field", "Required field title of Issue is missing"},
		// null counts as found, and fills nothing.
		{`{"errors": [{"code": "missing", "resource": null}, {"resource": "Repo"}]}`,
			"code", "missing", "${resource} does not exist"},
		{`{"errors": [{"code": "missing", "resource": "Repo"}]}`, "code", "missing", "Repo does not exist"},
		{`{"errors": [{"code": "missing", "resource": 7}]}`, "code", "missing", "7 does not exist"},
		{`{"errors": [{"code": "missing", "resource": true}]}`, "code", "missing", "true does not exist"},
		{`{"errors": [{"code": "missing", "resource": 1.5}]}`, "code", "missing", "${resource} does not exist"},
		{`{"errors": [{"code": "missing", "resource": [1]}]}`, "code", "missing", "${resource} does not exist"},
		{`{"errors": [{"code": "missing", "resource": {"a": 1}}]}`, "code", "missing", "${resource} does not exist"},
		// [*] finds nothing in what is not a list.
		{`{"errors": {"code": "missing"}}`, "status", "", "Unprocessable Entity"},
		{`{"errors": [{"code": "brand_new"}]}`, "fallback", "brand_new", "Validation failed (brand_new)"},
	} {
		e := cat.ClassifyAt(422, nil, body(t, c.body), 1, now)
		if e.Match.String() != c.match || e.Code != c.code || e.Message != c.message {
			t.Errorf("%s: %v %q %q, want %s %q %q", c.body, e.Match, e.Code, e.Message, c.match, c.code, c.message)
		}
	}
}

func TestConditions(t *testing.T) {
	retry := cat.Decision{Retry: true, Delay: time.Minute, Action: cat.ActionNone}
	refuse := cat.Decision{Action: cat.ActionCheckCredentials}
	for _, c := range []struct {
		header http.Header
		want   cat.Decision
	}{
		// A whole number: blanks around, an optional '-', 1 to 18 digits.
		{http.Header{"X-Ratelimit-Remaining": {" -0 "}}, retry},
		{http.Header{"X-Ratelimit-Remaining": {"\t0\t"}}, retry},
		{http.Header{"X-Ratelimit-Remaining": {"-123456789012345678"}}, retry},
		{http.Header{"X-Ratelimit-Remaining": {"0x"}}, refuse},
		{http.Header{"X-Ratelimit-Remaining": {"1234567890123456789"}}, refuse},
		{http.Header{"X-Ratelimit-Remaining": {""}}, refuse},
		// The first field counts.
		{http.Header{"X-Ratelimit-Remaining": {"5", "0"}}, refuse},
		// A test of presence holds for an empty value.
		{http.Header{"Retry-After": {""}}, retry},
		// The first condition that holds decides.
		{http.Header{"Retry-After": {"30"}, "X-Ratelimit-Remaining": {"0"}},
			cat.Decision{Retry: true, Delay: 30 * time.Second, Action: cat.ActionNone}},
	} {
		if e := cat.ClassifyAt(403, c.header, nil, 1, now); e.Decision != c.want {
			t.Errorf("%v: %+v, want %+v", c.header, e.Decision, c.want)
		}
	}
}

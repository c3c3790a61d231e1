// stripe_test.go: run.sh adds it to the package of the golden case
// tests/golden/stripe. Also, secondary domains, equals and echoed headers
// where the vectors leave cases out; the expectations are worked out by
// hand from spec/FORMAT.md.
package stripeerrors_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
	"time"

	cat "errcat.example/stripeerrors"
)

var now = time.Unix(1765000000, 0)

func TestAlso(t *testing.T) {
	for _, c := range []struct {
		body  string
		entry string   // match, domain and code of the primary entry
		also  []string // domain, code, match and name of each
	}{
		{`{"error": {"type": "card_error", "decline_code": "insufficient_funds"}}`,
			"code type card_error", []string{"decline insufficient_funds code INSUFFICIENT_FUNDS"}},
		// A secondary domain's code is never the entry.
		{`{"error": {"decline_code": "lost_card"}}`,
			"status  ", []string{"decline lost_card code LOST_CARD"}},
		// A later domain's listed code comes before an earlier fallback.
		{`{"error": {"code": "new_code", "type": "api_error"}}`,
			"code type api_error", []string{"code new_code fallback "}},
		{`{"error": {"code": "no_such_code", "decline_code": "weird"}}`,
			"fallback code no_such_code", []string{"decline weird fallback "}},
		{`{"error": {"code": "expired_card"}}`, "code code expired_card", nil},
	} {
		var body any
		if err := json.Unmarshal([]byte(c.body), &body); err != nil {
			t.Fatal(err)
		}
		e := cat.ClassifyAt(402, nil, body, 1, now)
		var domain cat.Domain
		if e.Match != cat.MatchStatus {
			domain = e.Entry.Domain
		}
		var also []string
		for _, a := range e.Also {
			also = append(also, string(a.Domain)+" "+a.Code+" "+a.Match.String()+" "+a.Entry.Name)
		}
		if got := e.Match.String() + " " + string(domain) + " " + e.Code; got != c.entry || !reflect.DeepEqual(also, c.also) {
			t.Errorf("%s: %q %q, want %q %q", c.body, got, also, c.entry, c.also)
		}
	}
}

func TestEquals(t *testing.T) {
	for _, c := range []struct {
		advice string
		want   cat.Decision
	}{
		{"false", cat.Decision{Action: cat.ActionReduceSize}},
		// equals compares with case.
		{"False", cat.Decision{Retry: true, Delay: 3 * time.Second, Action: cat.ActionResubmitSame}},
	} {
		h := http.Header{"Retry-After": {"3"}, "Stripe-Should-Retry": {c.advice}}
		if e := cat.ClassifyAt(429, h, nil, 1, now); e.Decision != c.want {
			t.Errorf("%s: %+v, want %+v", c.advice, e.Decision, c.want)
		}
	}
}

func TestEchoHeaders(t *testing.T) {
	h := http.Header{"Request-Id": {"req_1", "req_2"}, "Stripe-Should-Retry": {"true"}}
	body := map[string]any{"error": map[string]any{"type": "api_error", "param": "amount"}}
	e := cat.ClassifyAt(500, h, body, 1, now)
	if want := map[string]any{"error.param": "amount", "Request-Id": "req_1"}; !reflect.DeepEqual(e.Echo, want) {
		t.Errorf("echo %v, want %v", e.Echo, want)
	}
	if want := (cat.Decision{Retry: true, Delay: 500 * time.Millisecond, Action: cat.ActionResubmitSame}); e.Decision != want {
		t.Errorf("decision %+v, want %+v", e.Decision, want)
	}
}

// shop_test.go: run.sh adds it to the package of the golden case
// tests/golden/shop, the one with locales whose texts are known here.
package shoperrors_test

import (
	"net/http"
	"testing"

	cat "errcat.example/shoperrors"
)

// TestLocalization: what the vectors leave out, on French, Arabic and
// Polish; worked out by hand.
func TestLocalization(t *testing.T) {
	sent := map[string]any{"error": map[string]any{"code": "item-missing", "message": "Gone"}}
	if e := cat.ClassifyIn(404, http.Header{}, sent, 1, "fr"); e.Message != "Gone" || e.Locale != "" {
		t.Errorf("a body's message: %q in %q", e.Message, e.Locale)
	}
	body := map[string]any{"error": map[string]any{"code": "item-missing"}}
	e := cat.ClassifyIn(404, nil, body, 1, "fr-CA, ar;q=0.9")
	if e.Message != "L\u2019article ${sku} n\u2019est pas au catalogue" || e.Locale != "fr" {
		t.Errorf("a code's message: %q in %q", e.Message, e.Locale)
	}
	if e := cat.ClassifyIn(418, nil, nil, 1, "fr"); e.Message != "" || e.Locale != "" {
		t.Errorf("no entry: %q in %q", e.Message, e.Locale)
	}
	if got := cat.NegotiateAmong("fr-CA", []string{"en", "FR"}, "en"); got != "FR" {
		t.Errorf("NegotiateAmong: %q", got)
	}
	if got := cat.Negotiate(""); got != cat.SourceLocale {
		t.Errorf("Negotiate: %q", got)
	}
}

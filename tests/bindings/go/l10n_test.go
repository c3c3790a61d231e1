// l10n_test.go: run.sh adds it to the conformance test of a package whose
// catalog has locales, the one kind that has Negotiate and Localize.
package catalogerrors_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	cat "errcat.example/catalogerrors"
)

func init() { checkL10n = l10n }

type localizedWant struct {
	Text, Locale string
}

type l10nVectors struct {
	Source    string
	Locales   []string
	Negotiate []struct {
		Accept, Default, Expect string
		Available               []string
	}
	Texts []struct {
		query
		Locale string
		Expect struct {
			Message, Locale   string
			Description, Hint localizedWant
			UIHint            *localizedWant `json:"ui_hint"`
		}
	}
	Classify []struct {
		query
		Locale string
		Expect struct {
			Message string
			Locale  *string
		}
	}
}

func l10n(t *testing.T, raw json.RawMessage, now time.Time, c *checker) {
	var v l10nVectors
	decode(t, raw, &v)
	var p []string
	if !reflect.DeepEqual(cat.Locales(), v.Locales) || cat.SourceLocale != v.Source {
		p = append(p, fmt.Sprintf("locales %q from %q", cat.Locales(), cat.SourceLocale))
	}
	c.check("l10n.locales", 0, query{}, p)
	for i, q := range v.Negotiate {
		var p []string
		if got := cat.NegotiateAmong(q.Accept, q.Available, q.Default); got != q.Expect {
			p = append(p, fmt.Sprintf("NegotiateAmong(%q) = %q, want %q", q.Accept, got, q.Expect))
		}
		if reflect.DeepEqual(q.Available, v.Locales) && cat.Negotiate(q.Accept) != q.Expect {
			p = append(p, fmt.Sprintf("Negotiate(%q) = %q", q.Accept, cat.Negotiate(q.Accept)))
		}
		c.check("l10n.negotiate", i, query{Name: q.Accept}, p)
	}
	for i, q := range v.Texts {
		var p []string
		e := subject(q.query)
		x := q.Expect
		if got := cat.FormatIn(e, q.Locale, q.Args...); got != x.Message {
			p = append(p, fmt.Sprintf("FormatIn: %q", got))
		}
		if got := cat.Localize(e, q.Locale, cat.TextMessage); got.Locale != x.Locale {
			p = append(p, fmt.Sprintf("message in %q", got.Locale))
		}
		ui := localizedWant{"", v.Source}
		if x.UIHint != nil {
			ui = *x.UIHint
		} else if e.UI != nil {
			p = append(p, "a UI hint where none is expected")
		}
		for field, want := range map[cat.TextField]localizedWant{
			cat.TextDescription: x.Description, cat.TextHint: x.Hint, cat.TextUIHint: ui,
		} {
			if got := cat.Localize(e, q.Locale, field); got.Text != want.Text || got.Locale != want.Locale {
				p = append(p, fmt.Sprintf("text %d: %+v, want %+v", field, got, want))
			}
		}
		c.check("l10n.texts", i, q.query, p)
	}
	for i, q := range v.Classify {
		var p []string
		raw, _ := headers(q.Headers)
		e := cat.ClassifyAtIn(*q.Status, raw, q.Body, q.Attempt, now, q.Locale)
		want := ""
		if q.Expect.Locale != nil {
			want = *q.Expect.Locale
		}
		if e.Message != q.Expect.Message || e.Locale != want {
			p = append(p, fmt.Sprintf("got %q in %q", e.Message, e.Locale))
		}
		c.check("l10n.classify", i, q.query, p)
	}
}

// conformance_test.go: runs a catalog's conformance vectors against its
// generated Go package. run.sh copies this file next to the package, with
// "catalogerrors" replaced by the package's name, and sets ERRCAT_VECTORS
// (the vectors.json of the catalog) and ERRCAT_RESULT (a file that receives
// "passed failed").
package catalogerrors_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	cat "errcat.example/catalogerrors"
)

type query struct {
	Domain     cat.Domain
	Code       any // json.Number or string
	Name       string
	Status     *int
	Fallback   bool
	Class      any // json.Number or string: the code whose class is asked
	Attempt    int
	RetryAfter *int `json:"retry_after"`
	Args       []string
	Headers    map[string]any
	Body       any
	Expect     json.RawMessage
}

type vectors struct {
	Now                                                                        int64 // seconds since 1970
	Lookups, Names, Statuses, Fallbacks, Classes, Decisions, Formats, Classify []query
	L10n                                                                       json.RawMessage
}

// checkL10n runs the localization vectors, when the package has locales
// (l10n_test.go, which run.sh adds then, sets it).
var checkL10n func(t *testing.T, raw json.RawMessage, now time.Time, c *checker)

// lookupClass is the package's LookupClass when it has classes (classes_test.go,
// which run.sh adds then, sets it).
var lookupClass func(cat.Domain, string) *cat.Entry

// classOf gives the Class of an entry, a field that only a package with
// classes has: "" without one.
func classOf(e *cat.Entry) string {
	if e == nil {
		return ""
	}
	if f := reflect.ValueOf(*e).FieldByName("Class"); f.IsValid() {
		return f.String()
	}
	return ""
}

// classWanted is the class a vector's answer names, if it names one.
func classWanted(t *testing.T, expect json.RawMessage) (class *string, asked bool) {
	var w map[string]json.RawMessage
	decode(t, expect, &w)
	raw, asked := w["class"]
	if asked {
		decode(t, raw, &class)
	}
	return class, asked
}

// checkClass compares an entry's class with the one a vector's answer names.
func checkClass(t *testing.T, q query, e *cat.Entry) []string {
	if string(q.Expect) == "null" {
		return nil
	}
	if want, asked := classWanted(t, q.Expect); asked && classOf(e) != str(want) && (want != nil || classOf(e) != "") {
		return []string{"class " + classOf(e)}
	}
	return nil
}

// code spells a vector's code as Lookup takes it.
func code(c any) string {
	if n, ok := c.(json.Number); ok {
		return n.String()
	}
	s, _ := c.(string)
	return s
}

func lookupClassOf(t *testing.T, d cat.Domain, c any) *cat.Entry {
	if lookupClass == nil {
		t.Fatal("the package has no LookupClass")
	}
	return lookupClass(d, code(c))
}

type entryWant struct {
	Kind, Message, Retry, Action string
	CodeStr                      *string `json:"code_str"`
	Name                         *string
	Status                       int
}

type decisionWant struct {
	Retry   bool
	DelayMs int64 `json:"delay_ms"`
	Action  string
}

type classifyWant struct {
	Match    string
	Domain   *string
	CodeStr  *string `json:"code_str"`
	Name     *string
	Status   int
	Message  string
	Details  any
	Echo     map[string]any
	Decision decisionWant
}

// checker counts the vectors and reports each failure with its query.
type checker struct {
	t              *testing.T
	passed, failed int
}

func (c *checker) check(section string, i int, q query, problems []string) {
	if len(problems) == 0 {
		c.passed++
		return
	}
	c.failed++
	if c.failed <= 40 {
		qj, _ := json.Marshal(q)
		c.t.Errorf("%s[%d] %s: %s", section, i, qj, strings.Join(problems, "; "))
	}
}

func decode(t *testing.T, raw []byte, v any) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(v); err != nil {
		t.Fatalf("vectors: %v", err)
	}
}

func str(p *string) string {
	if p == nil {
		return "<null>"
	}
	return *p
}

// subject is the entry a query names: a status, a domain's fallback, or a
// code (a number or a string) of a domain.
func subject(q query) *cat.Entry {
	switch {
	case q.Status != nil:
		return cat.LookupStatus(*q.Status)
	case q.Fallback:
		return cat.Fallback(q.Domain)
	case q.Class != nil:
		if lookupClass == nil {
			return nil
		}
		return lookupClass(q.Domain, code(q.Class))
	}
	if n, ok := q.Code.(json.Number); ok {
		i, _ := n.Int64()
		return cat.LookupInt(q.Domain, i)
	}
	return cat.Lookup(q.Domain, q.Code.(string))
}

func checkEntry(t *testing.T, q query, e *cat.Entry) (p []string) {
	if string(q.Expect) == "null" {
		if e != nil {
			p = append(p, "found "+e.CodeStr+" where no entry was expected")
		}
		return p
	}
	var w entryWant
	decode(t, q.Expect, &w)
	if e == nil {
		return []string{"no entry found"}
	}
	if e.Kind.String() != w.Kind {
		p = append(p, "kind "+e.Kind.String())
	}
	if (w.CodeStr == nil) != (e.Kind == cat.KindFallback) || w.CodeStr != nil && e.CodeStr != *w.CodeStr {
		p = append(p, "code_str "+e.CodeStr)
	}
	if w.Name != nil && e.Name != *w.Name {
		p = append(p, "name "+e.Name)
	}
	if e.Status != w.Status || e.Message != w.Message {
		p = append(p, fmt.Sprintf("status %d message %q", e.Status, e.Message))
	}
	if e.Policy.Retry.String() != w.Retry || e.Policy.Action.String() != w.Action {
		p = append(p, "policy "+e.Policy.Retry.String()+" "+e.Policy.Action.String())
	}
	return append(p, checkClass(t, q, e)...)
}

func checkDecision(d cat.Decision, w decisionWant) []string {
	if d.Retry != w.Retry || d.Delay.Milliseconds() != w.DelayMs || d.Action.String() != w.Action ||
		d.Delay%1e6 != 0 {
		return []string{fmt.Sprintf("decision %v %v %v", d.Retry, d.Delay, d.Action)}
	}
	return nil
}

// headers turns the vector's headers into an http.Header twice: with the
// names as written (which the lookup must find without case) and
// canonicalized, as net/http gives them.
func headers(m map[string]any) (raw, canonical http.Header) {
	raw, canonical = http.Header{}, http.Header{}
	for k, v := range m {
		s := fmt.Sprint(v)
		if v == nil {
			s = ""
		}
		raw[k] = []string{s}
		canonical.Add(k, s)
	}
	return raw, canonical
}

func checkClassify(t *testing.T, q query, now time.Time) (p []string) {
	var w classifyWant
	decode(t, q.Expect, &w)
	raw, canonical := headers(q.Headers)
	e := cat.ClassifyAt(*q.Status, raw, q.Body, q.Attempt, now)
	if e.Match.String() != w.Match {
		return []string{"match " + e.Match.String()}
	}
	domain, code, name, status := "", "", "", 0
	if e.Entry != nil {
		domain, status = string(e.Entry.Domain), e.Entry.Status
	}
	if e.Match == cat.MatchCode || e.Match == cat.MatchFallback {
		code = e.Code
	}
	if e.Match == cat.MatchCode {
		name = e.Entry.Name
	}
	if w.Domain == nil && domain != "" || w.Domain != nil && domain != *w.Domain {
		p = append(p, "domain "+domain)
	}
	if w.CodeStr == nil && code != "" || w.CodeStr != nil && code != *w.CodeStr {
		p = append(p, "code_str "+code)
	}
	if w.Name == nil && name != "" || w.Name != nil && name != *w.Name {
		p = append(p, "name "+name)
	}
	if status != w.Status || e.Message != w.Message {
		p = append(p, fmt.Sprintf("status %d message %q", status, e.Message))
	}
	if !reflect.DeepEqual(e.Details, w.Details) {
		p = append(p, fmt.Sprintf("details %#v", e.Details))
	}
	if len(e.Echo) != len(w.Echo) || len(w.Echo) > 0 && !reflect.DeepEqual(e.Echo, w.Echo) {
		p = append(p, fmt.Sprintf("echo %#v", e.Echo))
	}
	p = append(p, checkDecision(e.Decision, w.Decision)...)
	p = append(p, checkClass(t, q, e.Entry)...)

	// The same response with the header names as net/http spells them.
	if c := cat.ClassifyAt(*q.Status, canonical, q.Body, q.Attempt, now); c.Decision != e.Decision {
		p = append(p, fmt.Sprintf("decision with canonical header names %+v", c.Decision))
	}
	// The same body decoded without UseNumber: integers as float64, which
	// keeps them exact up to 2^53.
	var plain any
	body, _ := json.Marshal(q.Body)
	if err := json.Unmarshal(body, &plain); err != nil {
		t.Fatal(err)
	}
	if c := cat.ClassifyAt(*q.Status, raw, plain, q.Attempt, now); exact(q.Body) && (c.Match != e.Match ||
		c.Entry != e.Entry || c.Code != e.Code || c.Message != e.Message || c.Decision != e.Decision) {
		p = append(p, fmt.Sprintf("a body of float64 numbers classifies as %+v", c))
	}
	return append(p, checkErrors(e)...)
}

// exact reports whether every number in v is a float64 exactly.
func exact(v any) bool {
	switch v := v.(type) {
	case json.Number:
		f, err := v.Float64()
		return err == nil && json.Number(strconv.FormatFloat(f, 'f', -1, 64)) == v
	case map[string]any:
		for _, x := range v {
			if !exact(x) {
				return false
			}
		}
	case []any:
		for _, x := range v {
			if !exact(x) {
				return false
			}
		}
	}
	return true
}

// checkErrors checks what errors.Is and errors.As see of a classified
// response: its typed code, and its status.
func checkErrors(e *cat.Error) (p []string) {
	var err error = e
	if err.Error() == "" {
		p = append(p, "empty Error()")
	}
	var got *cat.Error
	if !errors.As(err, &got) || got != e {
		p = append(p, "errors.As does not find the *Error")
	}
	if !errors.Is(err, cat.Status(e.Status)) {
		p = append(p, "errors.Is does not see the status")
	}
	if errors.Is(err, cat.Status(e.Status+1)) {
		p = append(p, "errors.Is sees another status")
	}
	inner := errors.Unwrap(err)
	if inner == nil || !errors.Is(err, inner) {
		return append(p, "Unwrap gives nothing errors.Is sees")
	}
	s, ok := inner.(fmt.Stringer)
	if !ok {
		return append(p, "the unwrapped error is not a Stringer")
	}
	switch e.Match {
	case cat.MatchCode:
		if s.String() != e.Entry.Name || inner.Error() != cat.Format(e.Entry) {
			p = append(p, fmt.Sprintf("the typed code says %q, %q", s.String(), inner.Error()))
		}
	case cat.MatchFallback:
		if s.String() != e.Code || inner.Error() != cat.Format(e.Entry, e.Code) {
			p = append(p, fmt.Sprintf("the typed code says %q, %q", s.String(), inner.Error()))
		}
	default:
		var st cat.Status
		if !errors.As(err, &st) || int(st) != e.Status {
			p = append(p, "errors.As does not find the Status")
		}
	}
	return p
}

func TestConformance(t *testing.T) {
	path := os.Getenv("ERRCAT_VECTORS")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("ERRCAT_VECTORS: %v", err)
	}
	var v vectors
	decode(t, text, &v)
	c := &checker{t: t}
	for i, q := range v.Lookups {
		c.check("lookups", i, q, checkEntry(t, q, subject(q)))
	}
	for i, q := range v.Statuses {
		c.check("statuses", i, q, checkEntry(t, q, subject(q)))
	}
	for i, q := range v.Fallbacks {
		c.check("fallbacks", i, q, checkEntry(t, q, cat.Fallback(q.Domain)))
	}
	for i, q := range v.Classes {
		c.check("classes", i, q, checkEntry(t, q, lookupClassOf(t, q.Domain, q.Code)))
	}
	for i, q := range v.Names {
		var want *string
		decode(t, q.Expect, &want)
		e := cat.LookupName(q.Domain, q.Name)
		var p []string
		if (e == nil) != (want == nil) || e != nil && e.CodeStr != *want {
			p = append(p, fmt.Sprintf("found %+v, want %s", e, str(want)))
		}
		c.check("names", i, q, p)
	}
	for i, q := range v.Decisions {
		var w decisionWant
		decode(t, q.Expect, &w)
		after := cat.NoRetryAfter
		if q.RetryAfter != nil {
			after = *q.RetryAfter
		}
		c.check("decisions", i, q, checkDecision(cat.Decide(subject(q), q.Attempt, after), w))
	}
	for i, q := range v.Formats {
		var want string
		decode(t, q.Expect, &want)
		var p []string
		if got := cat.Format(subject(q), q.Args...); got != want {
			p = append(p, fmt.Sprintf("got %q", got))
		}
		c.check("formats", i, q, p)
	}
	for i, q := range v.Classify {
		c.check("classify", i, q, checkClassify(t, q, time.Unix(v.Now, 0)))
	}
	if v.L10n != nil && checkL10n == nil {
		t.Error("the vectors localize, but the package has no Negotiate")
	} else if v.L10n != nil {
		checkL10n(t, v.L10n, time.Unix(v.Now, 0), c)
	}
	if c.passed+c.failed == 0 {
		t.Error("no vectors")
	}
	result := fmt.Sprintf("%d %d\n", c.passed, c.failed)
	if err := os.WriteFile(os.Getenv("ERRCAT_RESULT"), []byte(result), 0o644); err != nil {
		t.Fatal(err)
	}
}

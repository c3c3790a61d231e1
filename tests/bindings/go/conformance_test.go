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
	"net/http/httptest"
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
	Decode                                                                     []query
	Domains                                                                    []cat.Domain
	Produce                                                                    []produceQuery
	L10n                                                                       json.RawMessage
}

type produceQuery struct {
	query
	Form     string
	Params   map[string]any
	Instance *string
	Details  any
	Echo     map[string]any
	Locale   *string // only in a catalog with locales
}

type produceWant struct {
	Status   int
	Headers  [][2]string
	Body     any
	Classify json.RawMessage
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
	Also     *[]alsoWant // only in the vectors of a catalog with a secondary domain
}

type alsoWant struct {
	Domain  string
	CodeStr string `json:"code_str"`
	Name    *string
	Match   string
}

// also spells what Classify lists in Also as the vectors do.
func also(e *cat.Error) []alsoWant {
	got := []alsoWant{}
	for _, a := range e.Also {
		w := alsoWant{Domain: string(a.Domain), CodeStr: a.Code, Match: a.Match.String()}
		if a.Match == cat.MatchCode {
			w.Name = &a.Entry.Name
		}
		if a.Entry == nil || a.Entry.Domain != a.Domain || (a.Entry.Kind == cat.KindCode) != (a.Match == cat.MatchCode) {
			w.Match = "an entry of another domain or kind"
		}
		got = append(got, w)
	}
	return got
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
	if w.Also != nil && !reflect.DeepEqual(also(e), *w.Also) {
		got, _ := json.Marshal(also(e))
		p = append(p, "also "+string(got))
	}

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
		c.Entry != e.Entry || c.Code != e.Code || c.Message != e.Message || c.Decision != e.Decision ||
		!reflect.DeepEqual(c.Also, e.Also)) {
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

// checkDecode reads a vector's code as a response sent it: Decode never
// fails, and keeps the raw code and its domain.
func checkDecode(t *testing.T, q query) (p []string) {
	var w struct {
		Known bool
		Entry json.RawMessage
	}
	decode(t, q.Expect, &w)
	got := cat.Decode(q.Domain, code(q.Code))
	if got.Domain != q.Domain || got.Raw != code(q.Code) || got.Known != w.Known {
		p = append(p, fmt.Sprintf("Decode gives %+v", got))
	}
	sub := q
	sub.Expect = w.Entry
	return append(p, checkEntry(t, sub, got.Entry)...)
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
	for i, q := range v.Decode {
		c.check("decode", i, q, checkDecode(t, q))
	}
	for _, d := range append(v.Domains, "no_such_domain") {
		for _, raw := range []string{"", "1.5", "-", "99999999999999999999", "x"} {
			var p []string
			if got := cat.Decode(d, raw); got.Known || got.Raw != raw || got.Domain != d {
				p = append(p, fmt.Sprintf("Decode gives %+v", got))
			}
			c.check("decode", -1, query{Domain: d, Code: raw}, p)
		}
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
	for i, q := range v.Produce {
		c.check("produce", i, q.query, checkProduce(t, q, time.Unix(v.Now, 0)))
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

// checkProduce checks what Produce makes of a code or status, and what
// Classify reads in it.
func checkProduce(t *testing.T, q produceQuery, now time.Time) (p []string) {
	e := subject(q.query)
	if e == nil {
		return []string{"no entry"}
	}
	o := cat.ProduceOptions{Details: q.Details, Echo: q.Echo, Now: now}
	if q.Instance != nil {
		o.Instance = *q.Instance
	}
	o.Form = map[string]cat.Form{"envelope": cat.FormEnvelope, "problem": cat.FormProblem, "rpc": cat.FormRPC}[q.Form]
	if q.Locale != nil {
		// ProduceOptions has a Locale only in a catalog with locales.
		field := reflect.ValueOf(&o).Elem().FieldByName("Locale")
		if !field.IsValid() {
			return []string{"ProduceOptions has no Locale"}
		}
		field.SetString(*q.Locale)
	}
	given, _ := json.Marshal(q.Details)
	r, err := cat.Produce(e, q.Params, o)
	// The caller's details are written as given, never into.
	if after, _ := json.Marshal(q.Details); string(after) != string(given) {
		p = append(p, "the caller's details changed: "+string(after))
	}
	if string(q.Expect) == "null" {
		if err == nil {
			p = append(p, "produced where an error was expected")
		}
		return p
	}
	if err != nil {
		return []string{err.Error()}
	}
	var w produceWant
	decode(t, q.Expect, &w)
	if r.Status != w.Status || !reflect.DeepEqual(r.Header, w.Headers) {
		p = append(p, fmt.Sprintf("status %d headers %v", r.Status, r.Header))
	}
	// The body as a client reads it.
	raw, err := json.Marshal(r.Body)
	if err != nil {
		return append(p, err.Error())
	}
	var body any
	decode(t, raw, &body)
	if !reflect.DeepEqual(body, w.Body) {
		p = append(p, "body "+string(raw))
	}
	// The handler writes the same.
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, nil)
	if rec.Code != r.Status || rec.Body.String() != string(raw) || rec.Header().Get("Content-Type") != r.Header[0][1] {
		p = append(p, fmt.Sprintf("ServeHTTP wrote %d %q", rec.Code, rec.Body.String()))
	}
	headers := map[string]any{}
	for _, h := range r.Header {
		headers[h[0]] = h[1]
	}
	status := r.Status
	cq := query{Status: &status, Headers: headers, Body: body, Attempt: 1, Expect: w.Classify}
	for _, problem := range checkClassify(t, cq, now) {
		p = append(p, "classify: "+problem)
	}
	return p
}

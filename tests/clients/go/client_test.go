// The Go binding of tests/clients/clients.yaml against net/http: serves each
// response of responses.json from an httptest server on 127.0.0.1, fetches
// it with http.Get, and classifies it with the response's http.Header and
// with a copy whose names are in lower case (as an HTTP/2 server sends
// them), which Header.Values does not find. Writes one JSON line per
// response and shape to $CLIENTS_OUT.
package clientserrors

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
)

type cannedResponse struct {
	Case    string      `json:"case"`
	Status  int         `json:"status"`
	Headers [][2]string `json:"headers"`
	Body    *string     `json:"body"`
}

// answer is one line of the comparison: what Classify made of a response.
func answer(name, client string, e *Error) map[string]any {
	entry := "none"
	switch e.Match {
	case MatchCode:
		entry = "code " + string(e.Entry.Domain) + " " + e.Entry.Name
	case MatchFallback:
		entry = "fallback " + string(e.Entry.Domain)
	case MatchStatus:
		entry = "status " + strconv.Itoa(e.Entry.Status)
	}
	return map[string]any{
		"case":     name,
		"client":   client,
		"entry":    entry,
		"message":  e.Message,
		"retry":    e.Decision.Retry,
		"action":   e.Decision.Action.String(),
		"delay_ms": e.Decision.Delay.Milliseconds(),
	}
}

// parse reads the body as JSON (integers kept exact), or nil when it is
// empty or not JSON.
func parse(raw []byte) any {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var body any
	if d.Decode(&body) != nil {
		return nil
	}
	return body
}

func TestClients(t *testing.T) {
	raw, err := os.ReadFile(os.Getenv("CLIENTS_RESPONSES"))
	if err != nil {
		t.Fatal(err)
	}
	var responses []cannedResponse
	if err := json.Unmarshal(raw, &responses); err != nil {
		t.Fatal(err)
	}
	byCase := map[string]cannedResponse{}
	for _, r := range responses {
		byCase[r.Case] = r
	}
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r, ok := byCase[strings.TrimPrefix(req.URL.Path, "/")]
		if !ok {
			http.NotFound(w, req)
			return
		}
		for _, h := range r.Headers {
			// As written: Set would make RETRY-AFTER Retry-After. A Date
			// here stops the server adding its own.
			w.Header()[h[0]] = []string{h[1]}
		}
		w.WriteHeader(r.Status)
		if r.Body != nil {
			io.WriteString(w, *r.Body)
		}
	}))
	defer server.Close()

	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	for _, r := range responses {
		resp, err := http.Get(server.URL + "/" + r.Case)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		body := parse(raw)
		lower := http.Header{}
		for k, v := range resp.Header {
			lower[strings.ToLower(k)] = v
		}
		for _, shape := range []struct {
			client string
			header http.Header
		}{{"http.Header", resp.Header}, {"http.Header, lower-case names", lower}} {
			if err := enc.Encode(answer(r.Case, shape.client, Classify(resp.StatusCode, shape.header, body, 1))); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(os.Getenv("CLIENTS_OUT"), out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

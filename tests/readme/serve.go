// README.md's Go server snippet, which tests/readme/run.sh puts in place of
// the marker line below: a function fail(w, req, entry, params). Serves with
// net/http/httptest on 127.0.0.1 at a free port, which it writes to the file
// named by its first argument once it accepts connections:
//
//	/quote-expired  code QUOTE_EXPIRED
//	/busy           status 503
//	any other path  status 410
package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"

	"errcat.example/swaperrors"
)

// README SNIPPET

func main() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		switch req.URL.Path {
		case "/quote-expired":
			fail(w, req, swaperrors.ErrorsQuoteExpired.Entry(), nil)
		case "/busy":
			fail(w, req, swaperrors.StatusServiceUnavailable.Entry(), nil)
		default:
			fail(w, req, swaperrors.StatusGone.Entry(), nil)
		}
	}))
	defer srv.Close()
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	if err := os.WriteFile(os.Args[1]+".tmp", []byte(fmt.Sprintf("%d\n", port)), 0o644); err != nil {
		panic(err)
	}
	if err := os.Rename(os.Args[1]+".tmp", os.Args[1]); err != nil {
		panic(err)
	}
	select {}
}

// README.md's Go snippet, which tests/readme/run.sh puts in place of the
// marker line below, after a GET of the URL of the first argument. Prints
// the decision, and whether errors.Is recognises the code.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"errcat.example/swaperrors"
)

func main() {
	attempt := 1
	resp, err := http.Get(os.Args[1])
	if err != nil {
		panic(err)
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		panic(err)
	}

	// README SNIPPET
	fmt.Printf("retry=%t delay_ms=%d requote=%t\n", e.Decision.Retry, e.Decision.Delay.Milliseconds(),
		errors.Is(e, swaperrors.ErrorsQuoteExpired))
}

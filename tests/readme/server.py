"""The swap API, as far as README.md's client snippets need it: one error
response per path, in the envelope of README.md's catalog. Listens on
127.0.0.1 at a free port, which it writes to the file named by its argument
once it accepts connections.

    /quote-expired  410, code QUOTE_EXPIRED (retried after a requote)
    /busy           503 with Retry-After: 1, no code (retried after 1 s)
    /bad            400, no code (not retried)
"""

import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

RESPONSES: dict[str, tuple[int, dict[str, str], dict[str, str]]] = {
    "/quote-expired": (410, {}, {"error": "Quote expired", "code": "QUOTE_EXPIRED"}),
    "/busy": (503, {"Retry-After": "1"}, {"error": "Service unavailable"}),
    "/bad": (400, {}, {"error": "Bad request"}),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body = RESPONSES.get(
            self.path, (404, {}, {"error": "Not found"})
        )
        data = json.dumps(body, separators=(",", ":")).encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    server = HTTPServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write(f"{server.server_address[1]}\n")
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    server.serve_forever()


if __name__ == "__main__":
    main()

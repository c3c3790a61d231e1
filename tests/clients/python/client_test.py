"""The Python binding of tests/clients/clients.yaml against urllib.

Serves each response of responses.json from http.server on 127.0.0.1, fetches
it with urllib.request, and classifies it with the headers in every shape a
Python program holds them: urllib's HTTPMessage, a dict of it, a Mapping
whose names differ in case from the response's, and its list of
(name, value) pairs. Writes one JSON line per response and shape. Then the
server's side: a WSGI application (wsgiref) sends the response that
produce() makes of each code without placeholders and each status, and
urllib's response classifies as that entry, with its message and whether
and how to retry.
    python3 client_test.py RESPONSES OUT   (clients_errors on sys.path)
mypy --strict checks this file: every shape must type-check without a cast.
"""

from __future__ import annotations

import json
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Mapping
from http.client import HTTPMessage, HTTPResponse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Union
from wsgiref.simple_server import WSGIRequestHandler, make_server

import clients_errors as cat

Response = dict[str, Any]


def serve(responses: Mapping[str, Response]) -> ThreadingHTTPServer:
    """Starts a server on a free port of 127.0.0.1 that answers GET /CASE
    with the response of that case, headers exactly as written."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            r = responses[self.path.lstrip("/")]
            # send_response_only: no Date of its own, the case's is the one.
            self.send_response_only(r["status"])
            body = (r["body"] or "").encode()
            for name, value in r["headers"]:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def fetch(url: str) -> tuple[int, HTTPMessage, bytes]:
    """The status, headers and body of GET url, error or not."""
    response: Union[HTTPResponse, urllib.error.HTTPError]
    try:
        response = urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        # HTTPError's headers are the response's HTTPMessage, typed Message.
        headers = response.headers
        assert isinstance(headers, HTTPMessage), type(headers)
        return response.status or 0, headers, response.read()


def parse(body: bytes) -> object:
    """The body as JSON, or None when it is empty or not JSON."""
    try:
        return json.loads(body)
    except ValueError:
        return None


def answer(case: str, client: str, c: cat.Classification) -> dict[str, object]:
    """One line of the comparison: what classify() made of a response."""
    e = c.entry
    if e is None:
        entry = "none"
    elif e.kind is cat.Kind.CODE:
        entry = f"code {e.domain} {e.name}"
    elif e.kind is cat.Kind.FALLBACK:
        entry = f"fallback {e.domain}"
    else:
        entry = f"status {e.status}"
    d = c.decision
    return {
        "case": case,
        "client": client,
        "entry": entry,
        "message": c.message,
        "retry": d.retry,
        "action": d.action.value,
        "delay_ms": d.delay_ms,
    }


class QuietWSGI(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def produced_round_trip() -> int:
    """Serves produce()'s response of each code without placeholders and each
    status from a WSGI application, and checks what classify() makes of it
    as urllib receives it. Returns how many."""
    entries = [e.entry for e in [*cat.TradeCode, *cat.Status] if not e.entry.params]
    sent: dict[str, cat.ErrorResponse] = {}

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        index = int(environ["PATH_INFO"].lstrip("/"))
        sent[str(index)] = r = cat.produce(entries[index])
        body: list[bytes] = r.wsgi(start_response)
        return body

    server = make_server("127.0.0.1", 0, app, handler_class=QuietWSGI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for i, entry in enumerate(entries):
            status, message, raw = fetch(f"{base}{i}")
            c = cat.classify(status, message, parse(raw))
            want = cat.decide(entry)
            got = (c.entry, c.message, c.decision.retry, c.decision.action)
            assert status == sent[str(i)].status, (entry, status)
            assert got == (entry, sent[str(i)].message, want.retry, want.action), got
    finally:
        server.shutdown()
        server.server_close()
    return len(entries)


def main(responses_path: str, out_path: str) -> int:
    with open(responses_path, encoding="utf-8") as f:
        responses: dict[str, Response] = {r["case"]: r for r in json.load(f)}
    server = serve(responses)
    lines = []
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for case in responses:
            status, message, raw = fetch(base + case)
            body = parse(raw)
            pairs: list[tuple[str, str]] = message.items()
            swapped: Mapping[str, str] = {k.swapcase(): v for k, v in message.items()}
            shapes: list[tuple[str, cat.Headers]] = [
                ("urllib HTTPMessage", message),
                ("dict", dict(message)),
                ("Mapping, names in other case", swapped),
                ("list of pairs", pairs),
            ]
            for client, headers in shapes:
                lines.append(answer(case, client, cat.classify(status, headers, body)))
            # Straight into classify(), each without the cat.Headers annotation.
            assert cat.classify(status, message, body) == cat.classify(
                status, pairs, body
            )
            assert cat.classify(status, swapped, body) == cat.classify(
                status, dict(message), body
            )
    finally:
        server.shutdown()
        server.server_close()
    with open(out_path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")
    assert produced_round_trip() > 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

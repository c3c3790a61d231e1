"""README.md's Python server snippet, which tests/readme/run.sh puts in place
of the marker line below: the body of a WSGI application whose code (handle)
raises SwapProblem. Serves it with wsgiref on 127.0.0.1 at a free port, which
it writes to the file named by its argument once it accepts connections:

    /quote-expired  code QUOTE_EXPIRED
    /busy           status 503
    any other path  status 410
"""

import os
import sys
from collections.abc import Callable, Iterable
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, make_server

from swap_errors import ErrorsCode, Status, SwapProblem


def handle(environ: dict[str, Any]) -> bytes:
    """The application, whose every path fails."""
    if environ.get("PATH_INFO") == "/quote-expired":
        raise SwapProblem(ErrorsCode.QUOTE_EXPIRED)
    if environ.get("PATH_INFO") == "/busy":
        raise SwapProblem(Status.SERVICE_UNAVAILABLE)
    raise SwapProblem(Status.GONE)


def app(
    environ: dict[str, Any],
    start_response: Callable[[str, list[tuple[str, str]]], object],
) -> Iterable[bytes]:
    # README SNIPPET


class Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def main() -> None:
    server = make_server("127.0.0.1", 0, app, handler_class=Quiet)
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write(f"{server.server_address[1]}\n")
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    server.serve_forever()


main()

"""README.md's Python snippet, which tests/readme/run.sh puts in place of the
marker line below, in a function that sends `request` (the URL of
sys.argv[1]) and reads the error response with the generated module. Prints
the decision; a response not to retry raises SwapError out of the program."""

import sys

from swap_errors import Action


def send(request: str, attempt: int) -> object:
    # README SNIPPET
    print(
        f"retry={str(result.decision.retry).lower()}"
        f" delay_ms={result.decision.delay_ms}"
        f" requote={str(result.decision.action is Action.REQUOTE).lower()}"
    )
    return None


send(sys.argv[1], 1)

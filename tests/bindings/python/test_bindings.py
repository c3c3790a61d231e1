"""Runs every catalog's conformance vectors against its generated Python module.

Each root named by ERRCAT_OUT (colon-separated; default: the repository's
out/) holds <id>/vectors/vectors.json and <id>/python/<id>_errors.py. Every
vector is one subtest; the last line printed is "N passed, M failed".
"""

from __future__ import annotations

import enum
import importlib.util
import json
import asyncio
import inspect
import os
import sys
import unittest
import re
import wsgiref.util
import wsgiref.validate
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

# An HTTP field name (RFC 9110, section 5.1: a token).
HTTP_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")

REPO = Path(__file__).resolve().parents[3]
sys.dont_write_bytecode = True  # no __pycache__ beside the generated modules


def load_module(path: Path) -> ModuleType:
    """Imports a generated module from its file."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def catalogs() -> list[tuple[str, Path, Path]]:
    """(id, vectors.json, module) of every catalog under the roots."""
    roots = os.environ.get("ERRCAT_OUT") or str(REPO / "out")
    found = []
    for root in roots.split(":"):
        for vectors in sorted(Path(root).glob("*/vectors/vectors.json")):
            cat = vectors.parent.parent
            found.append((cat.name, vectors, cat / "python" / f"{cat.name}_errors.py"))
    return found


class Conformance(unittest.TestCase):
    """The vectors of one catalog, section by section."""

    catalog: str
    vectors: dict[str, Any]
    mod: ModuleType

    def subject(self, q: dict[str, Any]) -> Any:
        """The entry a vector names: by status, as a fallback, or by code."""
        if "status" in q:
            return self.mod.lookup_status(q["status"])
        if "fallback" in q:
            return self.mod.fallback(q["domain"])
        if "class" in q:
            return self.mod.lookup_class(q["domain"], q["class"])
        return self.mod.lookup(q["domain"], q["code"])

    def check_entry(self, entry: Any, expect: dict[str, Any] | None) -> None:
        if expect is None:
            self.assertIsNone(entry)
            return
        self.assertIsNotNone(entry)
        self.assertEqual(entry.kind.value, expect["kind"])
        self.assertEqual(entry.code_str, expect["code_str"])
        if expect["name"] is not None:
            self.assertEqual(entry.name, expect["name"])
        self.assertEqual(entry.status or 0, expect["status"])
        self.assertEqual(entry.message, expect["message"])
        self.assertEqual(entry.retry.retry.value, expect["retry"])
        self.assertEqual(entry.retry.action.value, expect["action"])
        if "class" in expect:
            self.assertEqual(entry.class_id, expect["class"])

    def test_lookups(self) -> None:
        for q in self.vectors["lookups"]:
            with self.subTest(q=q):
                self.check_entry(self.subject(q), q["expect"])

    def test_statuses(self) -> None:
        for q in self.vectors["statuses"]:
            with self.subTest(q=q):
                self.check_entry(self.subject(q), q["expect"])

    def test_fallbacks(self) -> None:
        for q in self.vectors["fallbacks"]:
            with self.subTest(q=q):
                self.check_entry(self.mod.fallback(q["domain"]), q["expect"])

    def test_classes(self) -> None:
        for q in self.vectors.get("classes", []):
            with self.subTest(q=q):
                entry = self.mod.lookup_class(q["domain"], q["code"])
                self.check_entry(entry, q["expect"])

    def test_decode(self) -> None:
        # Codes a newer server may send read, never raise.
        for q in self.vectors["decode"]:
            with self.subTest(q=q):
                got = self.mod.decode(q["domain"], q["code"])
                self.assertEqual(got.domain, q["domain"])
                self.assertEqual(got.raw, q["code"])
                self.assertEqual(got.known, q["expect"]["known"])
                self.check_entry(got.entry, q["expect"]["entry"])
        # Neither an unknown domain nor a code of the wrong kind raises.
        for domain in self.vectors["domains"] + ["no_such_domain"]:
            for code in (1.5, "", -(2**70)):
                got = self.mod.decode(domain, code)
                self.assertEqual((got.raw, got.known), (code, False))

    def test_names(self) -> None:
        for q in self.vectors["names"]:
            with self.subTest(q=q):
                entry = self.mod.lookup_name(q["domain"], q["name"])
                self.assertEqual(entry.code_str if entry else None, q["expect"])

    def test_decisions(self) -> None:
        for q in self.vectors["decisions"]:
            with self.subTest(q=q):
                d = self.mod.decide(self.subject(q), q["attempt"], q["retry_after"])
                got = {
                    "retry": d.retry,
                    "delay_ms": d.delay_ms,
                    "action": d.action.value,
                }
                self.assertEqual(got, q["expect"])

    def test_formats(self) -> None:
        for q in self.vectors["formats"]:
            with self.subTest(q=q):
                entry = self.subject(q)
                args = dict(zip(entry.params, q["args"]))
                self.assertEqual(self.mod.format_message(entry, args), q["expect"])
                self.assertEqual(self.mod.format_message(entry, **args), q["expect"])

    def test_classify(self) -> None:
        for q in self.vectors["classify"]:
            with self.subTest(q=q):
                c = self.mod.classify(
                    q["status"],
                    q["headers"],
                    q["body"],
                    q["attempt"],
                    now=self.vectors["now"],
                )
                got = self.classified(c, q["expect"])
                self.assertEqual(got, q["expect"])
                self.assertEqual(c.status, q["status"])

    def classified(self, c: Any, expect: dict[str, Any]) -> dict[str, Any]:
        """A Classification as the vectors spell it: "class" and "also" only
        where the expected answer has them (catalogs with classes, with a
        secondary domain)."""
        entry = c.entry
        is_code = entry is not None and entry.kind.value == "code"
        got: dict[str, Any] = {
            "match": entry.kind.value if entry else "none",
            "domain": entry.domain if entry else None,
            "code_str": c.code,
            "name": entry.name if is_code else None,
            "status": (entry.status or 0) if entry else 0,
            "message": c.message,
            "details": c.details,
            "echo": dict(c.echo),
        }
        if "class" in expect:
            got["class"] = entry.class_id if entry else None
        if "also" in expect:
            got["also"] = [
                {
                    "domain": a.domain,
                    "code_str": a.code,
                    "name": a.entry.name if a.entry.kind.value == "code" else None,
                    "match": a.entry.kind.value,
                }
                for a in c.also
            ]
        got["decision"] = {
            "retry": c.decision.retry,
            "delay_ms": c.decision.delay_ms,
            "action": c.decision.action.value,
        }
        return got

    def test_produce(self) -> None:
        """produce() makes the reference's response, and classify() reads it
        back as the reference does; a typed function per code agrees."""
        mod = self.mod
        for q in self.vectors.get("produce", []):
            with self.subTest(q=q):
                entry = self.subject(q)
                kw: dict[str, Any] = {
                    "form": mod.Form(q["form"]),
                    "instance": q["instance"],
                    "details": q["details"],
                    "echo": q.get("echo"),
                    "now": self.vectors["now"],
                }
                if "locale" in q:
                    kw["locale"] = q["locale"]
                if q["expect"] is None:
                    with self.assertRaises(mod.ProduceError):
                        mod.produce(entry, q["params"], **kw)
                    with self.assertRaises(mod.ProduceError):
                        mod.__dict__[self.problem_name(q)](
                            entry, q["params"], echo=q.get("echo")
                        )
                    continue
                given = json.dumps(q["details"])
                r = mod.produce(entry, q["params"], **kw)
                # The caller's details are written as given, never into.
                self.assertEqual(json.dumps(q["details"]), given)
                x = q["expect"]
                self.assertEqual(r.status, x["status"])
                self.assertEqual([list(h) for h in r.headers], x["headers"])
                self.assertEqual(r.body, x["body"])
                self.assertEqual(json.loads(r.content()), x["body"])
                c = mod.classify(
                    r.status, r.headers, r.body, 1, now=self.vectors["now"]
                )
                self.assertEqual(self.classified(c, x["classify"]), x["classify"])
                self.check_served(r)
                if q["params"] and "domain" in q:
                    typed = self.typed_produce()[(q["domain"], entry.name)]
                    names = list(inspect.signature(typed).parameters)
                    spelt = dict(zip(names, q["params"].values()))
                    self.assertEqual(typed(**spelt, **kw), r)
                problem = mod.__dict__[self.problem_name(q)](
                    entry,
                    q["params"],
                    instance=q["instance"],
                    details=q["details"],
                    echo=q.get("echo"),
                )
                asked = {"locale": q["locale"]} if "locale" in q else {}
                response = problem.response(kw["form"], now=kw["now"], **asked)
                self.assertEqual(response, r)
                self.assertEqual(str(problem), r.message)

    def check_served(self, r: Any) -> None:
        """What a WSGI application (checked by wsgiref's validator) and an ASGI
        application send of a response: its status, headers and body."""
        sent: list[Any] = []

        def start_response(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Any:
            sent.extend([status, headers])
            return sent.append

        def application(environ: Any, start: Any) -> list[bytes]:
            body: list[bytes] = r.wsgi(start)
            return body

        # wsgiref's validator refuses a header name that is no HTTP token,
        # which a catalog's header may have (the hostile one's do): the
        # application is then called as it is, and checked all the same.
        app: Any = application
        if all(HTTP_TOKEN.fullmatch(name) for name, _ in r.headers):
            app = wsgiref.validate.validator(application)
        environ: dict[str, Any] = {}
        wsgiref.util.setup_testing_defaults(environ)
        chunks = app(environ, start_response)
        content = b"".join(chunks)
        close = getattr(chunks, "close", None)
        if close is not None:
            close()  # as a WSGI server does
        length = ("Content-Length", str(len(content)))
        text = r.reason or {500: "Internal Server Error"}.get(r.status, "")
        self.assertEqual(r.status_text(), text)
        self.assertEqual(sent, [f"{r.status} {text}", [*r.headers, length]])
        self.assertEqual(json.loads(content), r.body)
        messages: list[dict[str, object]] = []

        async def send(message: dict[str, object]) -> None:
            messages.append(message)

        asyncio.run(r.asgi(send))
        headers = [(n.lower().encode(), v.encode()) for n, v in sent[1]]
        start = {"type": "http.response.start", "status": r.status, "headers": headers}
        self.assertEqual(
            messages, [start, {"type": "http.response.body", "body": content}]
        )

    def problem_name(self, q: dict[str, Any]) -> str:
        """The name of the module's exception for servers."""
        (name,) = [
            name
            for name, value in vars(self.mod).items()
            if name.endswith("Problem") and isinstance(value, type)
        ]
        return name

    def typed_produce(self) -> dict[tuple[str, str], Any]:
        """The typed produce function of each code, by (domain, name): its
        docstring names them."""
        found = {}
        for name, value in vars(self.mod).items():
            if name.startswith("produce_"):
                words = value.__doc__.split()
                found[(words[2], words[3].rstrip(","))] = value
        return found

    def l10n(self) -> dict[str, Any] | None:
        """The localization vectors, or None for a catalog without locales,
        whose module must then have none of the localization API."""
        l10n: dict[str, Any] | None = self.vectors.get("l10n")
        if l10n is None:
            self.assertFalse(hasattr(self.mod, "negotiate"))
            self.assertFalse(hasattr(self.mod, "localize"))
        return l10n

    def test_negotiate(self) -> None:
        l10n = self.l10n()
        if l10n is None:
            return
        self.assertEqual(self.mod.LOCALES, tuple(l10n["locales"]))
        self.assertEqual(self.mod.SOURCE_LOCALE, l10n["source"])
        for q in l10n["negotiate"]:
            with self.subTest(q=q):
                got = self.mod.negotiate(q["accept"], q["available"], q["default"])
                self.assertEqual(got, q["expect"])
                if q["available"] == l10n["locales"]:
                    self.assertEqual(self.mod.negotiate(q["accept"]), q["expect"])

    def test_localized_texts(self) -> None:
        l10n = self.l10n()
        if l10n is None:
            return
        for q in l10n["texts"]:
            with self.subTest(q=q):
                entry = self.subject(q)
                x = q["expect"]
                args = dict(zip(entry.params, q["args"]))
                message = self.mod.format_message(entry, args, q["locale"])
                self.assertEqual(message, x["message"])
                found = self.mod.localize(entry, q["locale"])
                self.assertEqual(found.locale, x["locale"])
                for field in ("description", "hint", "ui_hint"):
                    found = self.mod.localize(entry, q["locale"], field)
                    want = x[field] or {"text": "", "locale": l10n["source"]}
                    self.assertEqual((found.text, found.locale), tuple(want.values()))
                    if x[field] is None:
                        self.assertIsNone(entry.ui)

    def test_localized_classify(self) -> None:
        l10n = self.l10n()
        for q in l10n["classify"] if l10n else []:
            with self.subTest(q=q):
                c = self.mod.classify(
                    q["status"],
                    q["headers"],
                    q["body"],
                    q["attempt"],
                    now=self.vectors["now"],
                    locale=q["locale"],
                )
                self.assertEqual(
                    {"message": c.message, "locale": c.locale}, q["expect"]
                )

    def test_enums(self) -> None:
        """Every member of the module's enums carries the entry its lookup
        gives, and each domain has an enum holding all its codes."""
        mod = self.mod
        enums: list[Any] = [
            value
            for value in vars(mod).values()
            if isinstance(value, type)
            and issubclass(value, mod.HasEntry)
            and issubclass(value, enum.Enum)
        ]
        seen = set()
        for cls in enums:
            for member in cls:
                with self.subTest(member=member):
                    entry = member.entry
                    self.assertEqual(member.value, entry.code)
                    self.assertEqual(member.message, entry.message)
                    self.assertEqual(member.status, entry.status)
                    self.assertIs(member.retry, entry.retry)
                    self.assertIs(member.ui, entry.ui)
                    if entry.domain is None:
                        self.assertIs(cls, mod.Status)
                        self.assertIs(mod.lookup_status(member), entry)
                    else:
                        # A retired code stays a member, but lookups skip it.
                        self.assertIs(
                            mod.lookup(entry.domain, member),
                            None if entry.retired else entry,
                        )
                        self.assertIs(
                            mod.lookup_name(entry.domain, entry.name),
                            None if entry.retired else entry,
                        )
                        self.assertIs(mod.decide(member).action, entry.retry.action)
                        seen.add((entry.domain, entry.code))
        for q in self.vectors["lookups"]:
            if q["expect"] is not None:
                self.assertIn((q["domain"], q["code"]), seen)

    def test_error(self) -> None:
        """The module's exception carries what classify() read."""
        mod = self.mod
        errors: list[Any] = [
            value
            for value in vars(mod).values()
            if isinstance(value, type)
            and issubclass(value, Exception)
            and value.__module__ == mod.__name__
            and not issubclass(value, ValueError)  # ProduceError
            and not value.__name__.endswith("Problem")  # for servers
        ]
        (error,) = errors
        for q in self.vectors["classify"]:
            with self.subTest(q=q):
                c = mod.classify(
                    q["status"],
                    q["headers"],
                    q["body"],
                    q["attempt"],
                    now=self.vectors["now"],
                )
                with self.assertRaises(error) as caught:
                    raise error(c)
                e = caught.exception
                self.assertEqual(str(e), c.message)
                self.assertIs(e.classification, c)
                self.assertIs(e.entry, c.entry)
                self.assertEqual(
                    (e.status, e.code, e.message, e.details, e.echo, e.decision),
                    (c.status, c.code, c.message, c.details, c.echo, c.decision),
                )


class EdgeReading(unittest.TestCase):
    """Reading rules that the vectors leave out, on tests/bindings/python/
    edge.yaml; expectations worked out by hand from spec/FORMAT.md."""

    mod: ModuleType

    def read(
        self, body: object, headers: dict[str, object] | None = None, **kw: Any
    ) -> tuple[object, ...]:
        c = self.mod.classify(
            kw.get("status", 500), headers or {}, body, kw.get("attempt", 1)
        )
        d = c.decision
        kind = c.entry.kind.value if c.entry else "none"
        return (
            kind,
            c.entry.domain if c.entry else None,
            c.code,
            c.message,
            d.retry,
            d.delay_ms,
        )

    def test_numeric_codes(self) -> None:
        unlisted = ("fallback", "numbers", "7", "Unlisted number 7", True, 1000)
        cases: list[tuple[object, tuple[object, ...]]] = [
            ({"code": 7}, unlisted),
            ({"code": "007"}, unlisted),
            (
                {"code": "-0"},
                (
                    "code",
                    "numbers",
                    "0",
                    "Zero ${code} is not a placeholder here",
                    False,
                    0,
                ),
            ),
            ({"code": 500}, ("fallback", "empty", "500", "Anything: 500", False, 0)),
            (
                {"code": "9223372036854775799"},
                (
                    "fallback",
                    "empty",
                    "9223372036854775799",
                    "Anything: 9223372036854775799",
                    False,
                    0,
                ),
            ),
            (
                {"code": "-9223372036854775799"},
                (
                    "fallback",
                    "empty",
                    "-9223372036854775799",
                    "Anything: -9223372036854775799",
                    False,
                    0,
                ),
            ),
        ]
        nothing = ("none", None, None, "", False, 0)
        for bad in (
            True,
            7.0,
            "+5",
            " 5",
            "5 ",
            "",
            "-",
            "1_0",
            "\u0665",
            "9223372036854775800",
            "-9223372036854775800",
            [7],
            {"x": 7},
            None,
            "9" * 5000,
        ):
            cases.append(({"code": bad}, nothing))
        for body, want in cases:
            with self.subTest(body=body):
                self.assertEqual(self.read(body), want)

    def test_order_and_paths(self) -> None:
        # A code listed by a later domain wins over an earlier domain's fallback.
        body = {"error": {"code": "zzz"}, "code": 0, "message": 5}
        self.assertEqual(
            self.read(body)[:4],
            ("code", "numbers", "0", "Zero ${code} is not a placeholder here"),
        )
        self.assertEqual(
            self.read({"error": {"code": "zzz"}})[:4],
            ("fallback", "class", "zzz", "Unknown symbolic code zzz"),
        )
        self.assertEqual(self.read({"error": "async"})[0], "none")
        self.assertEqual(
            self.read({"error": {"code": 5}})[0], "none"
        )  # a string domain reads strings only
        body = {
            "error": {"code": "async", "message": 5, "details": {"a": [1]}},
            "request": {"id": None},
            'we"ird': "w",
            "trace": "t",
        }
        c = self.mod.classify(418, {}, body, 0)
        self.assertEqual(
            (c.code, c.message, c.details), ("async", "Keyword code", {"a": [1]})
        )
        self.assertEqual(dict(c.echo), {"request.id": None, 'we"ird': "w"})
        self.assertEqual(
            (c.decision.retry, c.decision.delay_ms), (True, 250)
        )  # attempt 0 counts as 1
        c = self.mod.classify(
            418,
            {},
            {"code": 1, "message": "From the body", "details": None, "trace": [1]},
            1,
        )
        self.assertEqual(
            (c.code, c.message, c.details, dict(c.echo)),
            ("1", "From the body", None, {"trace": [1]}),
        )
        c = self.mod.classify(418, {}, [1, 2], 1)
        self.assertEqual(
            (c.entry.kind.value, c.message), ("status", "I'm a \"teapot\"")
        )

    def test_headers(self) -> None:
        def delay(
            headers: dict[str, object], body: object = None, status: int = 429
        ) -> object:
            return self.read(body, headers, status=status)[5]

        day = 86_400_000
        self.assertEqual(delay({"RETRY-AFTER": 3}), 3000)
        self.assertEqual(delay({"retry-after": "\t5 "}), 5000)
        self.assertEqual(delay({"Retry-After": "0"}), 0)
        # A header's delay is at most a day.
        self.assertEqual(delay({"Retry-After": 86_399}), day - 1000)
        self.assertEqual(delay({"Retry-After": "9" * 30}), day)
        self.assertEqual(delay({"Retry-After": 2_147_484}), day)
        for absent in (-1, True, 5.0, "5s", "-5", "", " ", "\u0665", ["5"], None):
            with self.subTest(value=absent):
                self.assertEqual(delay({"Retry-After": absent}), day)
        self.assertEqual(
            delay({"Retry-After": "x", "retry-after": "5"}), day
        )  # the first wins
        # A date counts from the Date header, else from now, else the clock;
        # a fraction of a second rounds up.
        date: dict[str, object] = {"Retry-After": "Sun, 06 Nov 1994 08:49:37 GMT"}
        sent = 784_111_777  # that date
        for now in (
            sent - 90,
            sent - 89.001,
            datetime(1994, 11, 6, 8, 48, 7, tzinfo=timezone.utc),
            datetime(1994, 11, 6, 8, 48, 7),  # naive: UTC
            datetime(1994, 11, 6, 9, 48, 7, tzinfo=timezone(timedelta(hours=1))),
        ):
            with self.subTest(now=now):
                c = self.mod.classify(429, date, None, now=now)
                self.assertEqual(c.decision.delay_ms, 90_000)
        dated: dict[str, object] = {**date, "date": "Sun, 06 Nov 1994 08:49:00 GMT"}
        c = self.mod.classify(429, dated, None, now=sent - 90)
        self.assertEqual(c.decision.delay_ms, 37_000)
        self.assertEqual(delay(date), 0)  # 1994 is past
        body = {"code": 7}
        self.assertEqual(delay({"X-BACKOFF": "9"}, body, 500), 9000)
        self.assertEqual(
            delay({"x-bac\u212aoff": "9"}, body, 500), 1000
        )  # ASCII case only
        self.assertEqual(self.read(body, {}, attempt=3)[5], 3000)

    def test_decide(self) -> None:
        mod = self.mod
        cases = [
            (mod.lookup_status(418), 1, None, (True, 250)),
            (mod.lookup_status(418), 4, None, (True, 2000)),
            (mod.lookup_status(418), 5, None, (False, 0)),  # max_attempts 5
            (mod.lookup_status(418), 3, 1, (True, 1000)),  # no delay header: ignored
            (mod.lookup_status(429), 40, None, (True, mod.MAX_DELAY_MS)),
            (mod.lookup_status(429), 10**9, None, (True, mod.MAX_DELAY_MS)),
            (mod.lookup_status(429), 1, -1, (True, 86_400_000)),
            (mod.lookup_status(503), 1, 7, (True, 5000)),  # max_ms caps the header
            (mod.fallback("numbers"), 3, None, (True, 3000)),
            (None, 1, 5, (False, 0)),
        ]
        for entry, attempt, after, want in cases:
            with self.subTest(entry=entry, attempt=attempt, after=after):
                d = mod.decide(entry, attempt, after)
                self.assertEqual((d.retry, d.delay_ms), want)

    def test_format(self) -> None:
        mod = self.mod
        quoted = mod.lookup("class", 'quote"d')
        self.assertEqual(
            mod.format_message(quoted, word=True, amount=1.5),
            'Say "true" for $1.5 \\ ok',
        )
        self.assertEqual(
            mod.format_message(quoted, {"word": "w"}, amount=None),
            'Say "w" for $${amount} \\ ok',
        )
        self.assertEqual(
            mod.format_message(quoted, {"word": "a"}, word="b"),
            'Say "b" for $${amount} \\ ok',
        )
        self.assertEqual(
            mod.format_message(quoted, entry="x", args="y"),
            quoted.message.replace("$$", "$"),
        )
        zero = mod.NumbersCode.ZERO
        self.assertEqual(
            mod.format_message(zero, code=False), "Zero false is not a placeholder here"
        )
        self.assertEqual(
            mod.format_message(mod.fallback("class"), code="X"),
            "Unknown symbolic code X",
        )
        self.assertEqual(
            mod.format_message(mod.lookup("class", "none"), a=0, b=False, c=""),
            "0false and ${a}",
        )

    def test_data(self) -> None:
        mod = self.mod
        quoted = mod.lookup_name("class", "QUOTED")
        self.assertIs(mod.Class_Code('quote"d').entry, quoted)
        self.assertEqual(quoted.params, ("word", "amount"))
        self.assertEqual(
            quoted.ui,
            mod.UiHint(
                mod.Severity.WARNING,
                mod.Audience.DEVELOPER,
                'Hint "quoted"',
                ("retry",),
            ),
        )
        self.assertTrue(quoted.deprecated and not quoted.retired)
        self.assertTrue(mod.Class_Code.ASYNC_.entry.retired)
        # Retired: lookups skip it, classify() still recognises it.
        self.assertIsNone(mod.lookup("class", "async"))
        self.assertIsNone(mod.lookup_name("class", "ASYNC"))
        old = mod.classify(503, {}, {"error": {"code": "async"}})
        self.assertIs(old.entry, mod.Class_Code.ASYNC_.entry)
        self.assertEqual(old.code, "async")
        self.assertEqual(
            mod.Class_Code.NONE_.ui.actions, ("top-up", "retry", "contact-support")
        )
        self.assertEqual(mod.Class_Code.DEJA_VU.value, "d\u00e9j\u00e0-vu")
        self.assertEqual(
            mod.Class_Code.DEJA_VU.message, "Unicode \u2713 \u2028 in a message"
        )
        teapot = mod.Status(418)
        self.assertEqual(
            teapot.entry.description,
            "Line one\nline two\ttabbed\r\n\u2028 separator \u2029 end",
        )
        self.assertEqual(teapot.hint, "Ends with a backslash \\")
        self.assertEqual(teapot.retry.max_attempts, 5)
        self.assertEqual(list(mod.EmptyCode), [])
        self.assertIsNone(mod.lookup("empty", 0))
        self.assertIsNone(mod.lookup("nowhere", 0))
        self.assertIsNone(mod.lookup_name("nowhere", "ZERO"))
        self.assertIsNone(mod.fallback("nowhere"))
        self.assertIn("backslash \\ at the end \\", mod.__doc__ or "")
        policy = mod.fallback("numbers").retry
        self.assertEqual(
            (policy.name, policy.delay_header, policy.idempotent),
            ("linear-header", "X-Backoff", True),
        )


class Localization(unittest.TestCase):
    """What the vectors leave out of localization, on the golden catalog
    tests/golden/shop (French, Arabic, Polish); worked out by hand."""

    mod: ModuleType

    def test_classify(self) -> None:
        mod = self.mod
        body = {"error": {"code": "item-missing"}}
        c = mod.classify(404, {}, body)  # no locale asked: the source's
        self.assertEqual(
            (c.message, c.locale), ("Item ${sku} is not in the catalog", "en")
        )
        c = mod.classify(404, {}, body, locale="fr-CA, ar;q=0.9")
        self.assertEqual(c.message, "L\u2019article ${sku} n\u2019est pas au catalogue")
        self.assertEqual(c.locale, "fr")
        # The body's own message stays as sent, in no known locale.
        sent = {"error": {"code": "item-missing", "message": "Gone"}}
        c = mod.classify(404, {}, sent, locale="fr")
        self.assertEqual((c.message, c.locale), ("Gone", None))
        c = mod.classify(418, {}, None, locale="fr")
        self.assertEqual((c.message, c.locale), ("", None))

    def test_format(self) -> None:
        mod = self.mod
        missing = mod.CartCode.ITEM_MISSING
        self.assertEqual(
            mod.format_message(missing, sku="X1", locale="PL"),
            "Produktu X1 nie ma w katalogu",
        )
        self.assertEqual(
            mod.format_message(missing, {"sku": "X1"}), "Item X1 is not in the catalog"
        )
        # pl's hint was made from an older text: stale, not used.
        self.assertEqual(
            mod.localize(missing, "pl", "hint"),
            mod.Localized("Check the SKU against the product list.", "en"),
        )
        self.assertEqual(
            mod.localize(mod.Status(404), "ar").text,
            "\u063a\u064a\u0631 \u0645\u0648\u062c\u0648\u062f",
        )
        self.assertEqual(mod.negotiate(None), "en")
        self.assertEqual(mod.negotiate("fr-CA", ["en", "FR"], "en"), "FR")


class Counting(unittest.TextTestResult):
    """Counts subtests too: one per vector, plus each test that passed."""

    passed = 0
    failed = 0

    def addSuccess(self, test: unittest.TestCase) -> None:
        super().addSuccess(test)
        self.passed += 1

    def addFailure(self, test: unittest.TestCase, err: Any) -> None:
        super().addFailure(test, err)
        self.failed += 1

    def addError(self, test: unittest.TestCase, err: Any) -> None:
        super().addError(test, err)
        self.failed += 1

    def addSubTest(
        self, test: unittest.TestCase, subtest: unittest.TestCase, err: Any
    ) -> None:
        super().addSubTest(test, subtest, err)
        if err is None:
            self.passed += 1
        else:
            self.failed += 1


def suite() -> unittest.TestSuite:
    """One Conformance case per catalog."""
    tests = unittest.TestSuite()
    loader = unittest.TestLoader()
    for catalog, vectors, module in catalogs():
        case = type(
            f"Conformance_{catalog}",
            (Conformance,),
            {
                "catalog": catalog,
                "vectors": json.loads(vectors.read_text(encoding="utf-8")),
                "mod": load_module(module),
            },
        )
        tests.addTests(loader.loadTestsFromTestCase(case))
        if catalog == "edge":
            edge = type(
                "EdgeReading_edge", (EdgeReading,), {"mod": sys.modules[module.stem]}
            )
            tests.addTests(loader.loadTestsFromTestCase(edge))
        if catalog == "shop":
            shop = type(
                "Localization_shop", (Localization,), {"mod": sys.modules[module.stem]}
            )
            tests.addTests(loader.loadTestsFromTestCase(shop))
    return tests


def main() -> int:
    runner = unittest.TextTestRunner(resultclass=Counting, verbosity=1)
    result = runner.run(suite())
    assert isinstance(result, Counting)
    if not result.testsRun:
        print("no catalog found")
        return 1
    print(f"{result.passed} passed, {result.failed} failed")
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())

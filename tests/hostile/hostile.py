"""Helpers of tests/hostile/run.sh (python3, standard library only).

  hostile.py expand SRC DST        writes SRC with @@HUGE@@ and @@HUGE_MESSAGE@@
                                   replaced by 64 KiB strings (YAML-escaped)
  hostile.py yaml JSON YAML        the canonical JSON holds the YAML's strings
                                   (needs PyYAML; exit 3 when it is missing)
  hostile.py expect JSON VIEW DIR GOPKG
                                   writes DIR/expect.json, DIR/expect.h (C) and
                                   DIR/expect.rs (Rust): every string of every
                                   entry, as the JSON target has it, and the
                                   identifier the view spells for each code;
                                   DIR/identifiers_test.go (package GOPKG): the
                                   Go constant of every code and status
  hostile.py python EXPECT MODULE  the Python module gives back every string
  hostile.py json DIR              every .json file under DIR parses
  hostile.py template              prints READBACK_TEMPLATE
  hostile.py readback JSON OUT     OUT (errcat render of READBACK_TEMPLATE with
                                   --data JSON --escape json) holds the JSON's
                                   strings: errcat reads its own JSON back
  hostile.py markdown MD EXPECT    every table row keeps its column count; no
                                   fence left open, no indented code block or
                                   ordered list, no tag or comment from the
                                   catalog
  hostile.py html HTML EXPECT      the hostile text is text: one <script> (the
                                   page's own), no element or comment from the
                                   catalog, and the catalog's strings readable
                                   in the page's text

Each check prints what differs and exits 1 on a failure.
"""

from __future__ import annotations

import html.parser
import importlib.util
import json
import os
import re
import sys
from typing import Any, Callable

HUGE_BYTES = 64 * 1024

# One round of everything hostile; the 64 KiB strings repeat it.
CHUNK = (
    "\"dq\" 'sq' \\ \\\\ \n\t\r\r\n */ /* // ??= ??/ `t` ${x} #{y} {{z}} }} "
    "</script><script>window.__pwned=1</script> <!-- &amp; | a|b %s %n "
    "\u2028\u2029\u202e\u0085\ufeff \U0001f600 e\u0301 "
)


def huge(message: bool) -> str:
    """A string of exactly HUGE_BYTES bytes of UTF-8, ending in a backslash.
    In a message every '$' is doubled, so that it has no placeholder."""
    chunk = CHUNK.replace("$", "$$") if message else CHUNK
    out, size = [], 0
    while True:
        for ch in chunk:
            n = len(ch.encode())
            if size + n > HUGE_BYTES - 1:
                out.append("x" * (HUGE_BYTES - 1 - size))
                out.append("\\")
                return "".join(out)
            out.append(ch)
            size += n


def yaml_quote(s: str) -> str:
    """s as a YAML double-quoted scalar of plain ASCII."""
    out = ['"']
    for ch in s:
        cp = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= cp < 0x7F:
            out.append(ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif cp <= 0xFFFF:
            out.append("\\u%04X" % cp)
        else:
            out.append("\\U%08X" % cp)
    out.append('"')
    return "".join(out)


def cmd_expand(src: str, dst: str) -> int:
    with open(src, encoding="utf-8") as f:
        text = f.read()
    text = text.replace('"@@HUGE_MESSAGE@@"', yaml_quote(huge(True)))
    text = text.replace('"@@HUGE@@"', yaml_quote(huge(False)))
    with open(dst, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


# --- The expected strings -------------------------------------------------


def entry_fields(e: dict[str, Any], kind: str) -> dict[str, Any]:
    """The strings of an entry that the bindings carry, by field."""
    policy = e["retry"]
    ui = e.get("ui")
    f: dict[str, Any] = {}
    if kind == "code":
        f["code_str"] = str(e["code"])
        f["name"] = e["name"]
    if kind == "status":
        f["code_str"] = str(e["status"])
        f["message"] = e["title"]
    else:
        f["message"] = e["message"]
    f["description"] = e["description"]
    f["hint"] = e["hint"]
    f["policy"] = policy["policy"]
    f["advice"] = policy["advice"]
    f["delay_header"] = policy["delay"]["header"]
    if kind != "status":
        f["params"] = [p["name"] for p in e["params"]]
        f["ui_hint"] = ui["hint"] if ui else None
        f["ui_actions"] = list(ui["actions"]) if ui else None
        f["deprecated"] = e["deprecated"]["reason"] if e.get("deprecated") else None
    if kind == "code":
        f["retired"] = e["retired"]["reason"] if e.get("retired") else None
    return f


def expectations(doc: dict[str, Any], view: dict[str, Any]) -> dict[str, Any]:
    """Every entry of the catalog with its strings, and the identifiers the
    view spells for its codes, domains and statuses."""
    entries = []
    for di, d in enumerate(doc["domains"]):
        vd = view["domains"][di]
        for ci, c in enumerate(d["codes"]):
            vc = vd["codes"][ci]
            entries.append(
                {
                    "kind": "code",
                    "domain": d["id"],
                    "domain_index": di,
                    "string_codes": d["code_type"] == "string",
                    "code": c["code"],
                    "domain_pascal": vd["id_pascal"],
                    "domain_upper": vd["id_upper"],
                    "name_upper": vc["name_upper"],
                    "name_pascal": vc["name_pascal"],
                    "fields": entry_fields(c, "code"),
                }
            )
        if d["fallback"]:
            entries.append(
                {
                    "kind": "fallback",
                    "domain": d["id"],
                    "domain_index": di,
                    "string_codes": d["code_type"] == "string",
                    "code": None,
                    "domain_pascal": vd["id_pascal"],
                    "domain_upper": vd["id_upper"],
                    "fields": entry_fields(d["fallback"], "fallback"),
                }
            )
    for si, s in enumerate(doc["statuses"]):
        vs = view["statuses"][si]
        entries.append(
            {
                "kind": "status",
                "domain": None,
                "domain_index": -1,
                "code": s["status"],
                "name_upper": vs["name_upper"],
                "name_pascal": vs["name_pascal"],
                "fields": entry_fields(s, "status"),
            }
        )
    return {
        "entries": entries,
        "catalog": doc["catalog"],
        "domains": doc["domains"],
        "envelope": doc["envelope"],
        "headers": doc["headers"],
        "policies": doc["retry_policies"],
    }


def c_string(s: str) -> str:
    """s as a C string literal: every byte but letters, digits and spaces in
    octal, so that nothing (a quote, a trigraph, a comment) can form."""
    out = ['"']
    for b in s.encode():
        ch = chr(b)
        out.append(ch if ch.isascii() and (ch.isalnum() or ch == " ") else "\\%03o" % b)
    out.append('"')
    return "".join(out)


def rust_string(s: str) -> str:
    out = ['"']
    for ch in s:
        out.append(
            ch if ch.isascii() and (ch.isalnum() or ch == " ") else "\\u{%x}" % ord(ch)
        )
    out.append('"')
    return "".join(out)


C_KINDS = {"code": 0, "fallback": 1, "status": 2}
LIST_FIELDS = ("params", "ui_actions")


def flat(entries: list[dict[str, Any]]) -> list[tuple[dict[str, Any], str, int, Any]]:
    """(entry, field, index, value): a list field gives its length as index
    -1 (value None when the list is absent) and one row per item."""
    rows = []
    for e in entries:
        for field, value in e["fields"].items():
            if field in LIST_FIELDS:
                rows.append((e, field, -1, None if value is None else len(value)))
                for i, item in enumerate(value or []):
                    rows.append((e, field, i, item))
            else:
                rows.append((e, field, 0, value))
    return rows


def write_c(entries: list[dict[str, Any]], path: str) -> None:
    lines = [
        "/* Generated by tests/hostile/hostile.py: what every entry must hold. */",
        "static const struct xrec {",
        "    int kind, domain, is_str;",
        "    const char *code;",
        "    long long num;",
        "    const char *field;",
        "    int index;",
        "    const char *want; /* NULL: absent */",
        "    size_t len;       /* bytes of want; for a list's index -1, its length */",
        "} xrecs[] = {",
    ]
    for e, field, index, value in flat(entries):
        code = e["code"]
        is_str = isinstance(code, str)
        if index == -1:
            want, length = ("NULL", 0) if value is None else ('""', value)
        else:
            want = "NULL" if value is None else c_string(value)
            length = 0 if value is None else len(value.encode())
        lines.append(
            "    {%d, %d, %d, %s, %dLL, \"%s\", %d, %s, %du},"
            % (
                C_KINDS[e["kind"]],
                e["domain_index"],
                is_str,
                c_string(code) if is_str else "NULL",
                code if isinstance(code, int) else 0,
                field,
                index,
                want,
                length,
            )
        )
    lines.append("};")
    lines.append("static const size_t xrec_count = sizeof xrecs / sizeof xrecs[0];")
    lines.append("static const size_t xentry_count = %d;" % len(entries))
    with open(path, "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")


def write_rust(entries: list[dict[str, Any]], path: str) -> None:
    def opt(v: Any) -> str:
        return "None" if v is None else "Some(%s)" % rust_string(v)

    lines = [
        "// Generated by tests/hostile/hostile.py: what every entry must hold.",
        "pub struct X {",
        "    pub kind: &'static str,",
        "    pub domain: Option<&'static str>,",
        "    pub code: Option<&'static str>,",
        "    pub status: u16,",
        "    pub field: &'static str,",
        "    pub index: i64,",
        "    pub want: Option<&'static str>,",
        "    pub len: usize,",
        "}",
        "pub const XRECS: &[X] = &[",
    ]
    for e, field, index, value in flat(entries):
        code = e["code"]
        status = code if e["kind"] == "status" else 0
        if index == -1:
            want, length = ("None", 0) if value is None else ('Some("")', value)
        else:
            want, length = opt(value), 0
        lines.append(
            "    X { kind: %s, domain: %s, code: %s, status: %d, field: %s, index: %d, "
            "want: %s, len: %d },"
            % (
                rust_string(e["kind"]),
                opt(e["domain"]),
                "None" if code is None or e["kind"] == "status" else opt(str(code)),
                status,
                rust_string(field),
                index,
                want,
                length,
            )
        )
    lines.append("];")
    lines.append("pub const ENTRY_COUNT: usize = %d;" % len(entries))
    # The codes by the identifiers the view spells: a keyword-safe spelling
    # that does not compile, or names another entry, fails here.
    lines.append(
        "pub fn by_identifier() -> Vec<(&'static str, &'static str, &'static crate_under_test::Entry)> {"
    )
    lines.append("    vec![")
    for e in entries:
        if e["kind"] == "code":
            lines.append(
                "        (%s, %s, crate_under_test::codes::%s::%s.entry()),"
                % (
                    rust_string(e["domain"]),
                    rust_string(e["fields"]["name"]),
                    e["domain_pascal"],
                    e["name_pascal"],
                )
            )
    lines.append("    ]")
    lines.append("}")
    with open(path, "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")


def write_go(entries: list[dict[str, Any]], path: str, package: str) -> None:
    """Go: the codes and statuses by the constants the view spells."""

    def go_string(s: str) -> str:
        return json.dumps(s)  # a JSON string of ASCII is a Go string literal

    lines = [
        "// Generated by tests/hostile/hostile.py.",
        "package " + package,
        "",
        "type identified struct {",
        "\tdomain, name string",
        "\tentry        *Entry",
        "}",
        "",
        "func hostileIdentifiers() []identified {",
        "\treturn []identified{",
    ]
    for e in entries:
        if e["kind"] == "code":
            lines.append(
                "\t\t{%s, %s, %s%s.Entry()},"
                % (
                    go_string(e["domain"]),
                    go_string(e["fields"]["name"]),
                    e["domain_pascal"],
                    e["name_pascal"],
                )
            )
        elif e["kind"] == "status":
            lines.append(
                "\t\t{\"\", %s, Status%s.Entry()},"
                % (go_string(str(e["code"])), e["name_pascal"])
            )
    lines.append("\t}")
    lines.append("}")
    with open(path, "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")


def cmd_expect(json_path: str, view_path: str, out: str, go_package: str) -> int:
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    with open(view_path, encoding="utf-8") as f:
        view = json.load(f)
    x = expectations(doc, view)
    with open(os.path.join(out, "expect.json"), "w", encoding="ascii") as f:
        json.dump(x, f, ensure_ascii=True, indent=1)
    # The bindings' lookups skip retired codes (only classify recognises
    # them), so their checks get the other entries; C reads every entry
    # through <id>_recognise.
    live = dict(x, entries=[e for e in x["entries"] if e["fields"].get("retired") is None])
    with open(os.path.join(out, "expect-bindings.json"), "w", encoding="ascii") as f:
        json.dump(live, f, ensure_ascii=True, indent=1)
    write_c(x["entries"], os.path.join(out, "expect.h"))
    write_rust(live["entries"], os.path.join(out, "expect.rs"))
    write_go(live["entries"], os.path.join(out, "identifiers_test.go"), go_package)
    print("%d entries, %d strings" % (len(x["entries"]), len(flat(x["entries"]))))
    return 0


# --- Checks -----------------------------------------------------------------


class Failures:
    def __init__(self, what: str) -> None:
        self.what = what
        self.n = 0
        self.checked = 0

    def check(self, ok: bool, where: str, got: Any = None, want: Any = None) -> None:
        self.checked += 1
        if ok:
            return
        self.n += 1
        if self.n <= 25:
            msg = "FAIL %s: %s" % (self.what, where)
            if got is not None or want is not None:
                msg += "\n       got  %s\n       want %s" % (short(got), short(want))
            print(msg)

    def done(self) -> int:
        if self.n > 25:
            print("FAIL %s: ... %d failures in all" % (self.what, self.n))
        print("%s: %d checks, %d failed" % (self.what, self.checked, self.n))
        return 1 if self.n else 0


def short(v: Any) -> str:
    r = repr(v)
    return r if len(r) <= 300 else r[:150] + " ... " + r[-100:] + " (%d chars)" % len(r)


def walk_strings(v: Any, path: str = "$") -> list[tuple[str, str]]:
    """Every string of a JSON value, keys included, with its path."""
    out = []
    if isinstance(v, str):
        out.append((path, v))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            out.extend(walk_strings(x, "%s[%d]" % (path, i)))
    elif isinstance(v, dict):
        for k, x in v.items():
            out.append((path + ".<key>", k))
            out.extend(walk_strings(x, "%s.%s" % (path, k)))
    return out


def cmd_yaml(json_path: str, yaml_path: str) -> int:
    """Every string scalar of the YAML (PyYAML's reading) is in the JSON:
    nothing was lost or changed on the way in."""
    try:
        yaml = importlib.import_module("yaml")
    except ImportError:
        print("PyYAML is not installed: skipped")
        return 3
    with open(yaml_path, encoding="utf-8") as f:
        src = yaml.safe_load(f)
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    have = {s for _, s in walk_strings(doc)}
    fails = Failures("yaml -> json")
    for path, s in walk_strings(src):
        if path.endswith(".<key>") and s in ("errcat", "catalog", "include"):
            continue
        fails.check(
            s in have, "string at %s of the YAML is not in the JSON" % path, None, s
        )
    return fails.done()


def cmd_json(root: str) -> int:
    fails = Failures("json")
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith(".json"):
                continue
            path = os.path.join(dirpath, name)
            try:
                with open(path, "rb") as f:
                    json.loads(f.read().decode("utf-8"))
                ok, why = True, ""
            except (ValueError, UnicodeDecodeError) as err:
                ok, why = False, str(err)
            fails.check(ok, "%s does not parse: %s" % (path, why))
    return fails.done()


# Rendered with --escape json: every code's and status's strings, as errcat's
# own reader (the one of catalogs and of render --data) reads the JSON target.
READBACK_TEMPLATE = (
    "[{{#domains}}{{#codes}}"
    '["{{code}}", "{{message}}", "{{description}}", "{{hint}}"],\n'
    "{{/codes}}{{/domains}}{{#statuses}}"
    '["{{status}}", "{{title}}", "{{description}}", "{{hint}}"],\n'
    "{{/statuses}}null]\n"
)


def cmd_template() -> int:
    sys.stdout.write(READBACK_TEMPLATE)
    return 0


def cmd_readback(json_path: str, rendered_path: str) -> int:
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    with open(rendered_path, encoding="utf-8") as f:
        got = json.load(f)[:-1]
    want = [
        [str(c["code"]), c["message"], c["description"], c["hint"]]
        for d in doc["domains"]
        for c in d["codes"]
    ]
    want += [
        [str(s["status"]), s["title"], s["description"], s["hint"]]
        for s in doc["statuses"]
    ]
    fails = Failures("readback")
    fails.check(
        len(got) == len(want),
        "%d entries read back, %d in the JSON" % (len(got), len(want)),
    )
    for g, w in zip(got, want):
        for i, field in enumerate(("code", "message", "description", "hint")):
            fails.check(
                g[i] == w[i], "code %s: %s differs" % (short(w[0]), field), g[i], w[i]
            )
    return fails.done()


def load_expect(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def label(e: dict[str, Any]) -> str:
    if e["kind"] == "status":
        return "status %s" % e["code"]
    if e["kind"] == "fallback":
        return "fallback of %s" % e["domain"]
    return "%s code %s" % (e["domain"], short(e["code"]))


def cmd_python(expect_path: str, module_path: str) -> int:
    x = load_expect(expect_path)
    sys.dont_write_bytecode = True
    name = os.path.splitext(os.path.basename(module_path))[0]
    spec = importlib.util.spec_from_file_location(name, module_path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    fails = Failures("python")
    for e in x["entries"]:
        if e["kind"] == "status":
            got = mod.lookup_status(e["code"])
        elif e["kind"] == "fallback":
            got = mod.fallback(e["domain"])
        else:
            got = mod.lookup(e["domain"], e["code"])
        fails.check(got is not None, "%s: no entry" % label(e))
        if got is None:
            continue
        for field, want in e["fields"].items():
            have: Any
            if field == "policy":
                have = got.retry.name
            elif field == "advice":
                have = got.retry.advice
            elif field == "delay_header":
                have = got.retry.delay_header
            elif field == "params":
                have = list(got.params)
            elif field == "ui_hint":
                have = got.ui.hint if got.ui else None
            elif field == "ui_actions":
                have = list(got.ui.actions) if got.ui else None
            elif field in ("deprecated", "retired"):
                have, want = getattr(got, field), want is not None
            else:
                have = getattr(got, field)
            fails.check(
                have == want and type(have) is type(want),
                "%s: %s differs" % (label(e), field),
                have,
                want,
            )
        if e["kind"] == "code":
            fails.check(
                mod.lookup_name(e["domain"], e["fields"]["name"]) is got,
                "%s: lookup_name(%r)" % (label(e), e["fields"]["name"]),
            )
            cls = getattr(mod, e["domain_pascal"] + "Code", None)
            member = getattr(cls, e["name_upper"], None) if cls else None
            fails.check(
                member is not None
                and member.entry is got
                and member.value == e["code"],
                "%s: %sCode.%s is not its member"
                % (label(e), e["domain_pascal"], e["name_upper"]),
            )
        if e["kind"] == "status":
            member = getattr(mod.Status, e["name_upper"], None)
            fails.check(
                member is not None and member.entry is got,
                "%s: Status.%s is not its member" % (label(e), e["name_upper"]),
            )
    # Prose lives in docstrings: they must read back as written.
    cat = x["catalog"]
    doc = mod.__doc__ or ""
    for key in ("title", "version", "description"):
        fails.check(
            cat[key] in doc if key != "description" else unmarked(cat[key]) in unmarked(doc),
            "the module docstring holds the catalog's %s" % key,
            doc[:200],
            cat[key],
        )
    for d in x["domains"]:
        cls = getattr(
            mod,
            [e for e in x["entries"] if e["domain"] == d["id"]][0]["domain_pascal"]
            + "Code",
        )
        for key in ("title", "description"):
            prose = key == "description"
            fails.check(
                (unmarked(d[key]) in unmarked(cls.__doc__ or ""))
                if prose
                else d[key] in (cls.__doc__ or ""),
                "the docstring of the class of domain %s holds its %s" % (d["id"], key),
                cls.__doc__,
                d[key],
            )
    return fails.done()


TABLE_ROW = re.compile(r"^\s*\|")


def unmarked(s: str) -> str:
    """s without the characters that prose markup may take away (spec/FORMAT.md,
    Prose): emphasis delimiters, backticks and backslashes. A description, hint
    or advice is CommonMark inline text: the docs render it, comments hold its
    plain text; either holds what is left of it here."""
    return re.sub(r"[`*_\\]", "", s)


def cells(line: str) -> int:
    """The number of unescaped '|' of a table row."""
    n, i = 0, 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == "|":
            n += 1
        i += 1
    return n


def fenced_lines(lines: list[str], fails: Failures) -> set[int]:
    """The numbers of the lines in fenced code blocks (the fences included).
    A fence that never closes is reported, and then read as text, so that
    the rest of the document is still checked."""
    inside: set[int] = set()
    no = 0
    while no < len(lines):
        m = re.match(r"^ {0,3}(`{3,}|~{3,})", lines[no])
        if not m:
            no += 1
            continue
        fence = m.group(1)
        close = next(
            (
                j
                for j in range(no + 1, len(lines))
                if re.match(
                    r"^ {0,3}%s%s*\s*$" % (re.escape(fence), fence[0]), lines[j]
                )
            ),
            None,
        )
        if close is None:
            fails.check(
                False,
                "line %d: a fence that never closes (the rest of the document "
                "is code)" % (no + 1),
                lines[no][:200],
            )
            no += 1
            continue
        inside.update(range(no + 1, close + 2))
        no = close + 1
    return inside


def cmd_markdown(md_path: str, expect_path: str) -> int:
    with open(md_path, encoding="utf-8") as f:
        text = f.read()
    fails = Failures("markdown")
    lines = text.split("\n")
    fails.check("\r" not in text, "a CR is in the Markdown")
    fenced = fenced_lines(lines, fails)
    header = None
    for no, line in enumerate(lines, 1):
        if no in fenced:
            header = None
            continue
        if TABLE_ROW.match(line):
            if header is None:
                header = cells(line)
                continue
            fails.check(
                cells(line) == header,
                "line %d: a table row with %d cells, its header %d"
                % (no, cells(line) - 1, header - 1),
                line[:200],
            )
        else:
            header = None
        # Block structure the templates never write: an indented code block
        # (after a blank line), an ordered list item.
        if re.match(r"^( {4,}|\t)\S", line) and no > 1 and not lines[no - 2].strip():
            fails.check(False, "line %d: an indented code block" % no, line[:200])
        if re.match(r"^ {0,3}\d{1,9}[.)]( |\t|$)", line):
            fails.check(False, "line %d: an ordered list item" % no, line[:200])
        # Nothing the catalog says may become a tag or a comment: outside
        # fences and code spans, every unescaped '<' opens a template's own.
        bad = [
            t
            for t in unescaped_tags(line)
            if t.lstrip("/") in DANGEROUS_TAGS or (t == "!--" and no != 1)
        ]
        fails.check(
            not bad,
            "line %d: unescaped %s" % (no, ", ".join("<%s>" % t for t in bad)),
            line[:200],
        )
        fails.check(
            re.search(r"(?i)\]\(\s*<?\s*(?!https?:)[a-z][a-z0-9+.-]*:", strip_escapes(line)) is None,
            "line %d: a link to another scheme than http and https" % no,
            line[:200],
        )
        fails.check(
            re.search(r"(?i)<[a-z][^>]*\son[a-z]+\s*=", strip_escapes(line)) is None,
            "line %d: an event handler attribute" % no,
            line[:200],
        )
    return fails.done()


DANGEROUS_TAGS = {
    "script",
    "img",
    "style",
    "iframe",
    "svg",
    "object",
    "embed",
    "input",
    "form",
    "base",
    "meta",
    "link",
}


def strip_escapes(line: str) -> str:
    """line without its backslash escapes and code spans."""
    out, i = [], 0
    while i < len(line):
        c = line[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            n = len(line[i:]) - len(line[i:].lstrip("`"))
            end = line.find("`" * n, i + n)
            if end >= 0:
                i = end + n
                continue
            i += n
            continue
        out.append(c)
        i += 1
    return "".join(out)


def unescaped_tags(line: str) -> list[str]:
    """The names of the tags (or "!--") that unescaped '<'s open."""
    tags = []
    for m in re.finditer(r"<(!--|/?[A-Za-z][A-Za-z0-9-]*)", strip_escapes(line)):
        tags.append(m.group(1).lower())
    return tags


class PageParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.in_script = False
        self.text: list[str] = []
        self.comments: list[str] = []
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self.hrefs.extend(v or "" for k, v in attrs if k == "href")
        self.handlers.extend("%s %s" % (tag, k) for k, _ in attrs if k.startswith("on"))
        if tag == "script":
            self.in_script = True
            self.scripts.append("")
        elif tag == "br":
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def cmd_html(html_path: str, expect_path: str) -> int:
    """The checks of one page, or of every page of a folder (the site is a
    page per domain): each page alone for its elements, and the text of all
    pages for the catalog's."""
    x = load_expect(expect_path)
    paths = (
        sorted(os.path.join(html_path, f) for f in os.listdir(html_path) if f.endswith(".html"))
        if os.path.isdir(html_path)
        else [html_path]
    )
    fails = Failures("html")
    texts: list[str] = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            page = f.read()
        p = PageParser()
        p.feed(page)
        p.close()
        name = os.path.basename(path)
        fails.check(
            len(p.scripts) == 1,
            "%s has %d <script> elements, not its own one" % (name, len(p.scripts)),
        )
        fails.check(
            all("__pwned" not in s for s in p.scripts),
            "%s: catalog text inside a <script>" % name,
        )
        fails.check("img" not in p.tags, "%s: an <img> from the catalog is an element" % name)
        fails.check(not p.handlers, "%s: event handler attributes: %s" % (name, p.handlers[:5]))
        # Prose links only to http, https or relative URLs.
        schemes = [h for h in p.hrefs if re.match(r"(?i)\s*(?!https?:)[a-z][a-z0-9+.-]*:", h)]
        fails.check(not schemes, "%s: a link to another scheme: %s" % (name, schemes[:3]))
        fails.check(
            all("comment" not in c and "-->" not in c for c in p.comments),
            "%s: catalog text became an HTML comment" % name,
            p.comments[:3],
        )
        texts.append("".join(p.text))
    # Every entry's message, description and hint is in the pages' text as
    # written (line breaks may show as <br> or stay as they are), prose but
    # for its markup.
    text = "\n".join(texts)

    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", s).strip()

    ntext = norm(text)
    utext = norm(unmarked(text))
    for e in x["entries"]:
        for field in ("message", "description", "hint"):
            want = e["fields"][field]
            if field == "message" and e["kind"] != "status":
                want = re.sub(r"\$\$", "$", want)  # shown as read: $$ is a $
            if not want or (field != "message" and "](" in want):
                continue  # a link's destination is no text
            fails.check(
                norm(want) in ntext if field == "message" else norm(unmarked(want)) in utext,
                "%s: its %s is not in the page's text" % (label(e), field),
                None,
                want,
            )
    return fails.done()


def main(argv: list[str]) -> int:
    cmds: dict[str, tuple[Callable[..., int], int]] = {
        "expand": (cmd_expand, 2),
        "yaml": (cmd_yaml, 2),
        "expect": (cmd_expect, 4),
        "python": (cmd_python, 2),
        "json": (cmd_json, 1),
        "readback": (cmd_readback, 2),
        "template": (cmd_template, 0),
        "markdown": (cmd_markdown, 2),
        "html": (cmd_html, 2),
    }
    if len(argv) < 2 or argv[1] not in cmds or len(argv) - 2 != cmds[argv[1]][1]:
        print(__doc__, file=sys.stderr)
        return 2
    fn, _ = cmds[argv[1]]
    return fn(*argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""The docs of a locale show its translations, and nothing the templates or
the catalog write stays in English.

  check_pages.py translated POT PO PAGE...
      every text of POT that PO translates (not fuzzy, not empty, its msgid
      still the POT's) shows translated on the pages (html or markdown), and
      its English text, where it differs, shows nowhere on them (but inside
      a translation that quotes it, or in code: example bodies, paths).
  check_pages.py pseudo PO OUT
      writes OUT, the PO file PO (a template: .pot) with every text
      translated as ⟦text⟧, each run of words between placeholders marked
      so that the parts of a label (${name} cuts it) are marked too.
  check_pages.py marked JSON PAGE...
      every text of the pages (html, markdown), but code, is marked ⟦...⟧, is no words
      at all (numbers, punctuation) or a name of the catalog (JSON, its json
      target): each phrase came from a translation.
"""
import html
import html.parser
import json
import re
import sys

# ---- PO files (what gettext writes: no need for a full reader) ----


def unquote(lines):
    return "".join(
        re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), l[1:-1])
        for l in lines
    )


def entries(path):
    """Each entry of a PO file: {ctxt, id, plural, str: [..], fuzzy, notes}."""
    out = []
    for block in re.split(r"\n\s*\n", open(path, encoding="utf-8").read()):
        e = {"ctxt": None, "id": None, "plural": None, "str": [], "fuzzy": False, "head": []}
        key, buf = None, []

        def flush():
            if key is None:
                return
            if key.startswith("msgstr"):
                e["str"].append(unquote(buf))
            else:
                e[{"msgctxt": "ctxt", "msgid": "id", "msgid_plural": "plural"}[key]] = unquote(buf)

        for line in block.strip().split("\n"):
            if line.startswith("#~"):
                key = None
                break
            if line.startswith("#"):
                e["fuzzy"] |= line.startswith("#,") and "fuzzy" in line
                if key is None:
                    e["head"].append(line)
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
            if m:
                flush()
                key, buf = m.group(1), [m.group(2)]
            elif line.startswith('"'):
                buf.append(line)
        flush()
        if e["id"] is not None:
            out.append(e)
    return out


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


PLACEHOLDER = re.compile(r"(\$\{[A-Za-z_][A-Za-z0-9_]*\})")


def mark(text):
    return "".join(
        p if PLACEHOLDER.fullmatch(p) else "⟦" + p + "⟧" for p in PLACEHOLDER.split(text) if p
    )


def pseudo(src, dst):
    out = []
    for e in entries(src):
        lines = list(e["head"])
        if e["ctxt"] is not None:
            lines.append("msgctxt " + quote(e["ctxt"]))
        lines.append("msgid " + quote(e["id"]))
        if e["id"] == "":
            head = e["str"][0] if e["str"] else ""
            head = re.sub(r"Plural-Forms:[^\n]*\n", "", head)
            head += "Language: fr\nPlural-Forms: nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;\n"
            lines.append("msgstr " + quote(head))
        elif e["plural"] is not None:
            lines.append("msgid_plural " + quote(e["plural"]))
            for i, form in enumerate([e["id"], e["plural"], e["plural"]]):
                lines.append("msgstr[%d] %s" % (i, quote(mark(form))))
        else:
            lines.append("msgstr " + quote(mark(e["id"])))
        out.append("\n".join(l for l in lines if not l.startswith("#,")))
    open(dst, "w", encoding="utf-8").write("\n\n".join(out) + "\n")


# ---- pages ----


class Text(html.parser.HTMLParser):
    """A page's text: 'all' every text but scripts and styles, 'prose' the
    same without code (pre, code, kbd), 'nodes' each text node of 'prose'."""

    SKIP = {"script", "style"}
    CODE = {"pre", "code", "kbd"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.all, self.prose, self.nodes = [], [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "meta", "link", "input", "img", "hr", "wbr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.SKIP & set(self.stack):
            return
        self.all.append(data)
        if not self.CODE & set(self.stack):
            self.prose.append(data)
            if data.strip():
                self.nodes.append((data.strip(), self.stack[-1] if self.stack else ""))
        else:
            self.prose.append(" ")


def flat(s):
    return re.sub(r"\s+", " ", s).strip()


def page_text(path):
    """The text a reader reads on a page, and the same without code."""
    src = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        p = Text()
        p.feed(src)
        return flat("".join(p.all)), flat("".join(p.prose))
    # Markdown: its markup and escapes off; code spans and fences apart.
    src = re.sub(r"```.*?```", " ", src, flags=re.S)
    src = re.sub(r"(?<!\\)</?(code|em|strong|a|span|sup|sub)\b[^>]*>", "", src)
    src = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", src)
    src = src.replace("**", "").replace("`", "")
    text = flat(html.unescape(src))
    return text, text


def plain(prose):
    """A text as the docs show it: its inline markup off."""
    prose = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", prose)
    return flat(prose.replace("`", "").replace("**", ""))


def translated(pot, po, pages):
    source = {e["ctxt"]: e for e in entries(pot) if e["ctxt"] is not None}
    shown = [page_text(p) for p in pages]
    texts = []
    for e in entries(po):
        s = source.get(e["ctxt"])
        if e["fuzzy"] or not s or s["id"] != e["id"] or not e["str"] or not all(e["str"]):
            continue
        # A plural message shows its plain text: its last form.
        texts.append((e["ctxt"], plain(s["plural"] or s["id"]), plain(e["str"][-1])))
    missing, english = [], []
    for ctxt, en, tr in texts:
        if not any(tr in t for t, _ in shown):
            missing.append("%s: %r not shown" % (ctxt, tr))
    # The English texts, once every translation shown is taken out (one may
    # quote an English message) and code left out (example bodies).
    rest = []
    for _, prose in shown:
        for _, _, tr in sorted(texts, key=lambda t: -len(t[2])):
            prose = prose.replace(tr, " ")
        rest.append(prose)
    for ctxt, en, tr in texts:
        if en != tr and any(en in r for r in rest):
            english.append("%s: the English %r still shown" % (ctxt, en))
    for line in missing + english:
        print(line)
    print("%d texts checked on %d pages" % (len(texts), len(pages)))
    return not missing and not english and texts


def names(catalog_json):
    """What a page shows as written in every locale: the catalog's ids and
    names (of domains, codes, classes, policies, headers, parameters), its
    locales' tags, its version, a status's reference (a document's name,
    "RFC9110, Section 15.5.1") and errcat's default policy."""
    out = {"default"}

    def walk(v, key=None):
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, k)
        elif isinstance(v, list):
            for x in v:
                walk(x, key)
        elif isinstance(v, str) and key in ("id", "name", "code", "header", "source", "translations",
                                                      "reference", "version"):
            out.update([w.strip(".,;:") for w in v.split()] if key == "reference" else [v])

    walk(json.load(open(catalog_json, encoding="utf-8")))
    return out


def markdown_pieces(src):
    """The texts of a markdown page, cut where code, markup or a table's
    cell sits (the cuts: \\0)."""
    src = re.sub(r"```.*?```", "\0", src, flags=re.S)
    src = re.sub(r"<code>.*?</code>|`[^`]*`", "\0", src)
    src = re.sub(r'<a id="[^"]*"></a>', "", src)
    src = re.sub(r"\]\([^)]*\)", "\0", src)
    src = re.sub(r"(?<!\\)<[^>]+>", "\0", src)
    src = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", src)
    src = re.sub(r"^\s*(#+|-|>|\d+\.)\s", "\0", src, flags=re.M)
    return html.unescape(src.replace("|", "\0").replace("*", ""))


def html_pieces(src):
    p = Text()
    p.feed(src)
    return "\0".join(t for t, _ in p.nodes)


# What a page writes as is in every language: the protocol's name, a
# GitHub alert's kind ("> [!TIP]"), a URL.
AS_IS = re.compile(r"HTTP|\[![A-Z]+\]|https?://\S+")


def as_is(word, known):
    """Whether a word of a page is one no translation gives."""
    word = word.strip(".,;:·—()“”\"'")
    name = word.strip("[]")  # a markdown link's text: [NAME](#anchor)
    return (name in known or PLACEHOLDER.fullmatch(word) or AS_IS.fullmatch(word)
            or not re.search(r"[^\W\d_]", word))


def marked(catalog_json, pages):
    known = names(catalog_json)
    bad = []
    for path in pages:
        src = open(path, encoding="utf-8").read()
        text = markdown_pieces(src) if path.endswith(".md") else html_pieces(src)
        # A marked text may hold markup (emphasis, a link): its nodes are
        # one text. What is left once every marked text is out is what no
        # translation gave: numbers, punctuation and the catalog's names.
        rest = re.sub(r"⟦.*?⟧", "\0", text, flags=re.S)
        for piece in rest.split("\0"):
            if all(as_is(w, known) for w in piece.split()):
                continue
            bad.append("%s: %r" % (path, piece.strip()))
    for line in bad:
        print(line)
    return not bad and pages


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "pseudo":
        pseudo(args[0], args[1])
        ok = True
    elif mode == "translated":
        ok = translated(args[0], args[1], args[2:])
    else:
        ok = marked(args[0], args[1:])
    sys.exit(0 if ok else 1)

"""Checks that templates/README.md lists exactly the blocks of the built-in
templates.

    python3 tests/templates/blocks.py TEMPLATES_DIR

The README's table under "### Blocks" has a row per block: target, file
(the template's name less .mustache; both left empty when they are those of
the row above), the block's name as `code`, and what it holds. A block is
{{$name}} in a template, or <%$name%> in one that switches to <% %>."""
import os
import re
import sys

BLOCK = re.compile(r"(?:\{\{|<%)\$\s*([A-Za-z0-9_.-]+)\s*(?:\}\}|%>)")


def in_templates(root):
    found = set()
    for target in sorted(os.listdir(root)):
        for sub in ("", "index"):
            folder = os.path.join(root, target, sub)
            if not os.path.isdir(folder):
                continue
            for name in sorted(os.listdir(folder)):
                if not name.endswith(".mustache"):
                    continue
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    for block in BLOCK.findall(f.read()):
                        found.add((target, os.path.join(sub, name[: -len(".mustache")]), block))
    return found


def in_readme(path):
    listed = set()
    section = False
    target = file = ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                section = line.strip() == "### Blocks"
                continue
            if not section or not line.startswith("|") or line.startswith("|--"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 4 or cells[0] == "Target":
                continue
            target = cells[0] or target
            file = cells[1].strip("`") or file
            listed.add((target, file, cells[2].strip("`")))
    return listed


def main():
    root = sys.argv[1]
    readme = os.path.join(root, "README.md")
    have, listed = in_templates(root), in_readme(readme)
    if not listed:
        sys.exit(f"{readme}: no table of blocks under '### Blocks'")
    bad = 0
    for t, f, b in sorted(have - listed):
        print(f"{readme}: block {b} of {t}/{f} is not in the table")
        bad += 1
    for t, f, b in sorted(listed - have):
        print(f"{readme}: the table lists block {b} of {t}/{f}, which the templates lack")
        bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

"""Checks that templates/README.md documents exactly the keys of the view.

    python3 tests/templates/view_keys.py README VIEW.json...

Every object of the view has a kind (the view itself, a catalog, an entry,
a policy, ...), named by where it sits; the README's ```view-keys block
lists, one line per kind, the kind and then its keys (an indented line
goes on with the kind above). The keys that the
views (the union over VIEW.json files: build them from catalogs that use
every feature) have must be the keys listed, both ways. Example bodies and
headers are the catalog's own JSON: their keys are not the view's."""
import json
import re
import sys

# (kind, key) -> the kind of the object (or of the items of the list) there.
CHILD = {
    ("view", "catalog"): "catalog", ("view", "envelope"): "envelope",
    ("view", "headers"): "header", ("view", "retry_policies"): "policy",
    ("view", "request_headers"): "header", ("view", "response_headers"): "header",
    ("view", "statuses"): "status", ("view", "domains"): "domain",
    ("view", "status_lookup"): "status_lookup", ("view", "policy_table"): "policy",
    ("envelope", "fields"): "field", ("envelope", "echo_items"): "item",
    ("field", "children"): "field", ("field", "items"): "field",
    ("field", "prefix_items"): "field",
    ("status", "retry"): "policy", ("status", "examples"): "example",
    ("status", "header_defs"): "header", ("status", "headers_items"): "item",
    ("domain", "envelope"): "envelope", ("domain", "codes"): "entry",
    ("domain", "fallback"): "entry", ("domain", "lookup"): "lookup",
    ("domain", "string_lookup"): "string_lookup",
    ("domain", "name_lookup"): "string_lookup",
    ("entry", "message_parts"): "message_part", ("entry", "params"): "param",
    ("entry", "retry"): "policy", ("entry", "ui"): "ui",
    ("entry", "examples"): "example", ("entry", "deprecated"): "state",
    ("entry", "retired"): "state", ("entry", "header_defs"): "header",
    ("domain", "classes"): "class", ("class", "codes"): "entry",
    ("class", "message_parts"): "message_part", ("class", "params"): "param",
    ("class", "retry"): "policy", ("class", "ui"): "ui",
    ("class", "examples"): "example", ("class", "deprecated"): "state",
    ("class", "header_defs"): "header", ("entry", "aliases"): "alias",
    ("alias", "deprecated"): "state", ("domain", "code_aliases"): "alias",
    ("policy", "delay"): "delay", ("example", "header_list"): "header_value",
    ("ui", "actions_items"): "item",
    ("view", "texts"): "text", ("view", "locales"): "locales",
    ("locales", "translations_items"): "item",
    ("view", "locale_tables"): "locale_table", ("view", "locale_links"): "locale_link",
    ("entry", "translations"): "translation", ("class", "translations"): "translation",
    ("status", "translations"): "translation", ("domain", "translations"): "translation",
    ("envelope", "echo_header_items"): "item", ("policy", "when"): "condition",
    ("condition", "then"): "policy", ("entry", "from_params"): "from_param",
    ("class", "from_params"): "from_param",
    ("entry", "plural"): "plural", ("class", "plural"): "plural",
    ("plural", "form_list"): "form", ("translation", "message_form_list"): "form",
    ("view", "plural_rules"): "plural_rule", ("plural_rule", "conditions"): "plural_condition",
    ("view", "plural_table"): "plural_row",
}
# Maps keyed by the catalog's own words (a plural category) are not the view's keys.
OPAQUE = {("example", "body"), ("example", "headers"), ("plural", "forms"),
          ("translation", "message_forms")}


def walk(value, kind, found):
    if isinstance(value, list):
        for item in value:
            walk(item, kind, found)
    elif isinstance(value, dict):
        keys = found.setdefault(kind, set())
        for key, child in value.items():
            keys.add(key)
            if (kind, key) not in OPAQUE:
                # A kind this script does not know is named by its key, so
                # that the README must list it before the check passes.
                walk(child, CHILD.get((kind, key), key), found)


def main():
    readme, views = sys.argv[1], sys.argv[2:]
    found = {}
    for path in views:
        with open(path, encoding="utf-8") as f:
            walk(json.load(f), "view", found)
    text = open(readme, encoding="utf-8").read()
    block = re.search(r"^```view-keys\n(.*?)^```", text, re.S | re.M)
    if not block:
        sys.exit(f"{readme}: no ```view-keys block")
    listed = {}
    kind = None
    for line in block.group(1).splitlines():
        words = line.split()
        if not words:
            continue
        if not line[0].isspace():  # else the line goes on with the same kind
            kind, words = words[0], words[1:]
        listed.setdefault(kind, set()).update(words)
    bad = 0
    for kind in sorted(set(found) | set(listed)):
        for key in sorted(found.get(kind, set()) - listed.get(kind, set())):
            print(f"{readme}: the view has {kind}.{key}, the README does not list it")
            bad += 1
        for key in sorted(listed.get(kind, set()) - found.get(kind, set())):
            print(f"{readme}: the README lists {kind}.{key}, no view has it")
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

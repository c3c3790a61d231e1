"""The JSON target of tests/golden/shop: every usable translation, and none
of the fuzzy, stale or unknown ones. Usage: check_json.py SHOP.json"""
import json
import sys

d = json.load(open(sys.argv[1], encoding="utf-8"))


def by_locale(element):
    """An element's translations as {locale: {key: text}}."""
    out = {}
    for t in element["translations"]:
        t = dict(t)
        out[t.pop("locale")] = t
    return out


assert d["locales"] == {"source": "en", "translations": ["fr", "ar", "pl"]}, d["locales"]
cart = d["domains"][0]
codes = {c["name"]: c for c in cart["codes"]}
item = by_locale(codes["ITEM_MISSING"])
assert item["fr"] == {
    "message": "L’article ${sku} n’est pas au catalogue",
    "hint": "Vérifiez la référence dans la liste des produits.",
    "ui_hint": "Retirez l’article du panier.",
}, item["fr"]
assert item["ar"] == {"message": "المنتج ${sku} غير موجود في الكتالوج"}, item["ar"]
# Wrapped lines joined; the stale hint left out.
assert item["pl"] == {"message": "Produktu ${sku} nie ma w katalogu"}, item["pl"]
# The fuzzy Polish entry is not used.
assert set(by_locale(codes["CART_FULL"])) == {"fr"}, codes["CART_FULL"]
assert by_locale(cart["fallback"]) == {"fr": {"message": "Erreur de panier ${code}"}}
assert by_locale(cart) == {"fr": {"title": "Erreurs du panier"}}
assert by_locale(d["statuses"][0]) == {
    "fr": {"title": "Introuvable", "description": "La ressource n’existe pas."},
    "ar": {"title": "غير موجود"},
}
assert by_locale(d["statuses"][1]) == {"fr": {"title": "Conflit"}}
# The texts that only the docs show: the catalog's own, a parameter's.
assert by_locale(d["catalog"]) == {"fr": {"title": "API de la boutique"}}, d["catalog"]
assert by_locale(codes["ITEM_MISSING"]["params"][0]) == {
    "fr": {"description": "la référence de l’article"}
}, codes["ITEM_MISSING"]["params"]
print("ok")

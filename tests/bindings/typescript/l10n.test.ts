/**
 * What the vectors leave out of localization, on the module of the golden
 * catalog tests/golden/shop (French, Arabic, Polish); worked out by hand (the
 * Python tests check the same).
 */
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import * as shop from "./shop_errors.js";

describe("shop: localization", () => {
  it("classifies in the locale asked for", () => {
    const body = { error: { code: "item-missing" } };
    let c = shop.classify(404, {}, body); // no locale asked: the source's
    assert.deepEqual(
      [c.message, c.locale],
      ["Item ${sku} is not in the catalog", "en"],
    );
    c = shop.classify(404, {}, body, 1, Date.now(), "fr-CA, ar;q=0.9");
    assert.deepEqual(
      [c.message, c.locale],
      ["L\u2019article ${sku} n\u2019est pas au catalogue", "fr"],
    );
    // The body's own message stays as sent, in no known locale.
    const sent = { error: { code: "item-missing", message: "Gone" } };
    c = shop.classify(404, {}, sent, 1, Date.now(), "fr");
    assert.deepEqual([c.message, c.locale], ["Gone", null]);
    c = shop.classify(418, {}, null, 1, Date.now(), "fr");
    assert.deepEqual([c.message, c.locale], ["", null]);
  });

  it("formats and finds texts with their fallbacks", () => {
    const missing = shop.CART_CODES.ITEM_MISSING;
    assert.equal(
      shop.formatMessage(missing, { sku: "X1" }, "PL"),
      "Produktu X1 nie ma w katalogu",
    );
    assert.equal(
      shop.formatMessage(missing, { sku: "X1" }),
      "Item X1 is not in the catalog",
    );
    // pl's hint was made from an older text: stale, not used.
    assert.deepEqual(shop.localize(missing, "pl", "hint"), {
      text: "Check the SKU against the product list.",
      locale: "en",
    });
    assert.equal(
      shop.localize(shop.STATUSES.NOT_FOUND, "ar").text,
      "\u063a\u064a\u0631 \u0645\u0648\u062c\u0648\u062f",
    );
    assert.equal(shop.negotiate(null), "en");
    assert.equal(shop.negotiate("fr-CA", ["en", "FR"], "en"), "FR");
  });
});

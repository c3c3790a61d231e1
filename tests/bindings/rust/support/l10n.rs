//! The localization vectors of a crate whose catalog has locales: run.sh
//! copies this file to the crate's tests/support/l10n.rs then, and
//! no_l10n.rs there otherwise (a crate without locales has no negotiate).

use catalog_errors as cat;

use cat::json::Value;
use cat::{Localized, TextField};
use std::time::SystemTime;

use crate::{field, subject, text, Checker};

fn items(v: &Value) -> &[Value] {
    match v {
        Value::Array(items) => items,
        _ => &[],
    }
}

fn strings(v: &Value) -> Vec<&str> {
    items(v).iter().filter_map(Value::as_str).collect()
}

/// Whether a text found is the `{text, locale}` a vector expects.
fn same(got: Localized, want: &Value) -> bool {
    Some(got.text) == text(field(want, "text")) && Some(got.locale) == text(field(want, "locale"))
}

/// A produce case asked for a locale.
pub fn ask_locale<'a>(
    options: &mut cat::ProduceOptions<'a>,
    locale: &'a str,
) -> Result<(), String> {
    options.locale = Some(locale);
    Ok(())
}

pub fn check(l10n: &Value, now: SystemTime, c: &mut Checker) {
    let source = text(field(l10n, "source")).unwrap_or("");
    let locales = strings(field(l10n, "locales"));
    let problems = if cat::LOCALES == locales && cat::SOURCE_LOCALE == source {
        Vec::new()
    } else {
        vec![format!(
            "locales {:?} from {}",
            cat::LOCALES,
            cat::SOURCE_LOCALE
        )]
    };
    c.check("l10n.locales", 0, l10n, problems);
    for (i, q) in items(field(l10n, "negotiate")).iter().enumerate() {
        let accept = text(field(q, "accept")).unwrap_or("");
        let available = strings(field(q, "available"));
        let fallback = text(field(q, "default")).unwrap_or("");
        let want = text(field(q, "expect"));
        let mut problems = Vec::new();
        let got = cat::negotiate_among(accept, &available, fallback);
        if Some(got) != want {
            problems.push(format!("negotiate_among: {got:?}"));
        }
        if available == locales && Some(cat::negotiate(accept)) != want {
            problems.push(format!("negotiate: {:?}", cat::negotiate(accept)));
        }
        c.check("l10n.negotiate", i, q, problems);
    }
    for (i, q) in items(field(l10n, "texts")).iter().enumerate() {
        let locale = text(field(q, "locale")).unwrap_or("");
        let args = strings(field(q, "args"));
        let x = field(q, "expect");
        let mut problems = Vec::new();
        let Some(e) = subject(q) else {
            c.check("l10n.texts", i, q, vec!["no entry".to_owned()]);
            continue;
        };
        let message = cat::format_in(e, locale, &args);
        if Some(message.as_str()) != text(field(x, "message")) {
            problems.push(format!("format_in: {message:?}"));
        }
        let found = cat::localize(e, locale, TextField::Message);
        if Some(found.locale) != text(field(x, "locale")) {
            problems.push(format!("message in {:?}", found.locale));
        }
        let none = Localized {
            text: "",
            locale: cat::SOURCE_LOCALE,
        };
        for (f, key) in [
            (TextField::Description, "description"),
            (TextField::Hint, "hint"),
            (TextField::UiHint, "ui_hint"),
        ] {
            let got = cat::localize(e, locale, f);
            let ok = match field(x, key) {
                Value::Null => got == none && e.ui.is_none(),
                want => same(got, want),
            };
            if !ok {
                problems.push(format!("{key}: {got:?}"));
            }
        }
        c.check("l10n.texts", i, q, problems);
    }
    for (i, q) in items(field(l10n, "classify")).iter().enumerate() {
        let status = field(q, "status")
            .as_i64()
            .and_then(|s| u16::try_from(s).ok());
        let headers: [(&str, &str); 0] = [];
        let locale = text(field(q, "locale")).unwrap_or("");
        let x = field(q, "expect");
        let e = cat::classify_at_in(
            status.unwrap_or(0),
            headers,
            field(q, "body"),
            1,
            now,
            locale,
        );
        let problems = if Some(e.message.as_str()) == text(field(x, "message"))
            && e.locale == text(field(x, "locale"))
        {
            Vec::new()
        } else {
            vec![format!("got {:?} in {:?}", e.message, e.locale)]
        };
        c.check("l10n.classify", i, q, problems);
    }
    check_shop(now, c);
}

/// What the vectors leave out, on the golden catalog tests/golden/shop (the
/// one with locales; worked out by hand): a body's own message stays as
/// sent, in no known locale.
fn check_shop(now: SystemTime, c: &mut Checker) {
    let Ok(domain) = "cart".parse::<cat::Domain>() else {
        return;
    };
    let body = cat::json::parse(r#"{"error": {"code": "item-missing", "message": "Gone"}}"#);
    let body = body.unwrap_or(Value::Null);
    let e = cat::classify_at_in(404, [("a", "b")], &body, 1, now, "fr");
    let problems = if (e.message.as_str(), e.locale) == ("Gone", None) && e.entry.is_some() {
        Vec::new()
    } else {
        vec![format!("got {:?} in {:?}", e.message, e.locale)]
    };
    c.check("l10n.shop", 0, &body, problems);
    let found = cat::lookup(domain, "item-missing").map(|e| cat::format_in(e, "PL", &["X1"]));
    let problems = match found.as_deref() {
        Some("Produktu X1 nie ma w katalogu") => Vec::new(),
        got => vec![format!("got {got:?}")],
    };
    c.check("l10n.shop", 1, &body, problems);
}

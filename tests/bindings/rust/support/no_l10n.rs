//! The localization vectors of a crate whose catalog has no locales: there
//! must be none (see l10n.rs).

use catalog_errors as cat;

use cat::json::Value;
use std::time::SystemTime;

pub fn check(l10n: &Value, _now: SystemTime, c: &mut crate::Checker) {
    let problems = match l10n {
        Value::Null => Vec::new(),
        _ => vec!["the vectors localize, but the crate has no negotiate".to_owned()],
    };
    c.check("l10n", 0, l10n, problems);
}

/// A produce case asked for a locale: the crate has no locales to give.
pub fn ask_locale(_options: &mut cat::ProduceOptions<'_>, locale: &str) -> Result<(), String> {
    Err(format!(
        "the vectors ask produce for {locale}, but the crate has no locales"
    ))
}

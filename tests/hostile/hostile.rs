//! The Rust crate of the hostile catalog gives back every string of every
//! entry byte for byte as the JSON target has it (expect.rs, written by
//! hostile.py expect as Rust literals of plain ASCII), and every code under
//! the path the view spells for it. run.sh copies this file into the
//! crate's tests/ with the crate's name in place of catalog_errors.
#![allow(deprecated)] // the catalog deprecates codes on purpose

use catalog_errors as crate_under_test;
use crate_under_test::{lookup, lookup_name, lookup_status, Domain, Entry};

include!("data/expect.rs");

fn show(s: Option<&str>) -> String {
    let s = format!("{s:?}");
    if s.len() > 300 {
        let (mut a, mut b) = (150, s.len() - 100);
        while !s.is_char_boundary(a) {
            a -= 1;
        }
        while !s.is_char_boundary(b) {
            b += 1;
        }
        format!("{} ... {} ({} bytes)", &s[..a], &s[b..], s.len())
    } else {
        s
    }
}

fn find(x: &X) -> Option<&'static Entry> {
    match x.kind {
        "status" => lookup_status(x.status),
        "fallback" => x.domain.unwrap().parse::<Domain>().ok()?.fallback(),
        _ => lookup(x.domain.unwrap().parse::<Domain>().ok()?, x.code.unwrap()),
    }
}

#[test]
fn hostile_strings() {
    let (mut checks, mut failures) = (0usize, 0usize);
    let mut fail = |x: &X, why: &str, got: Option<&str>| {
        failures += 1;
        if failures <= 25 {
            eprintln!(
                "FAIL rust: {} {:?} {:?}: {}[{}]: {why}\n       got  {}\n       want {}",
                x.kind,
                x.domain,
                x.code.map(|c| show(Some(c))),
                x.field,
                x.index,
                show(got),
                show(x.want)
            );
        }
    };
    for x in XRECS {
        checks += 1;
        let Some(e) = find(x) else {
            fail(x, "no entry", None);
            continue;
        };
        let list: Option<&[&str]> = match x.field {
            "params" => Some(e.params),
            "ui_actions" => e.ui.as_ref().map(|u| u.actions),
            _ => None,
        };
        let got: Option<&str> = match x.field {
            "code_str" => e.code_str,
            "name" => e.name,
            "message" => Some(e.message),
            "description" => Some(e.description),
            "hint" => Some(e.hint),
            "policy" => e.policy.name,
            "advice" => Some(e.policy.advice),
            "delay_header" => e.policy.delay_header,
            "ui_hint" => e.ui.as_ref().map(|u| u.hint),
            "deprecated" => e.deprecated,
            "retired" => e.retired,
            "params" | "ui_actions" if x.index < 0 => {
                let ok = match (list, x.want) {
                    (None, None) => true,
                    (Some(l), Some(_)) => l.len() == x.len,
                    _ => false,
                };
                if !ok {
                    fail(x, "wrong list", None);
                }
                continue;
            }
            "params" | "ui_actions" => list.and_then(|l| l.get(x.index as usize).copied()),
            other => panic!("unknown field {other}"),
        };
        if got.map(str::as_bytes) != x.want.map(str::as_bytes) {
            fail(x, "differs", got);
        }
    }
    // Retired codes are not in the expectations: lookups skip them.
    let entries: usize = Domain::all()
        .map(|d| {
            d.codes().iter().filter(|e| e.retired.is_none()).count()
                + usize::from(d.fallback().is_some())
        })
        .sum::<usize>()
        + (100..600).filter(|&s| lookup_status(s).is_some()).count();
    checks += 1;
    if entries != ENTRY_COUNT {
        failures += 1;
        eprintln!("FAIL rust: {entries} entries, the JSON has {ENTRY_COUNT}");
    }
    for (domain, name, entry) in by_identifier() {
        checks += 1;
        let want = lookup_name(domain.parse().unwrap(), name);
        if want.map(|w| std::ptr::eq(w, entry)) != Some(true) {
            failures += 1;
            eprintln!("FAIL rust: the path of {domain} {name} is not its entry");
        }
    }
    println!("rust: {checks} checks, {failures} failed");
    eprintln!("rust: {checks} checks, {failures} failed");
    assert_eq!(failures, 0);
}

//! The class lookups of a crate whose catalog has classes: run.sh copies
//! this file to the crate's tests/support/classes.rs then, and
//! no_classes.rs there otherwise (a crate without classes has neither
//! `lookup_class` nor `Entry::class`).

use catalog_errors as cat;

use cat::{Domain, Entry};

/// The entry of the class of `code` (its spelling as sent) in `domain`.
pub fn lookup_class(domain: Domain, code: &str) -> Option<&'static Entry> {
    cat::lookup_class(domain, code)
}

/// The id of the class of `entry`, if any.
pub fn class_of(entry: &Entry) -> Option<&'static str> {
    entry.class()
}

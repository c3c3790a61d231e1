//! conformance.rs: runs a catalog's conformance vectors against its
//! generated Rust crate, reading them with the crate's own JSON parser.
//! run.sh copies this file into the crate's tests/ with `catalog_errors`
//! replaced by the crate's name, and sets ERRCAT_VECTORS (the vectors.json
//! of the catalog) and ERRCAT_RESULT (a file that receives "passed failed").

use catalog_errors as cat;

#[path = "support/classes.rs"]
mod classes;
#[path = "support/l10n.rs"]
mod l10n;

use cat::json::{self, Value};
use cat::{Domain, Entry, Kind, Match};
use std::collections::BTreeMap;
use std::error::Error as _;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

static NULL: Value = Value::Null;

fn field<'a>(q: &'a Value, key: &str) -> &'a Value {
    q.get(key).unwrap_or(&NULL)
}

fn text(v: &Value) -> Option<&str> {
    v.as_str()
}

struct Checker {
    passed: usize,
    failed: usize,
}

impl Checker {
    fn check(&mut self, section: &str, i: usize, q: &Value, problems: Vec<String>) {
        if problems.is_empty() {
            self.passed += 1;
            return;
        }
        self.failed += 1;
        if self.failed <= 40 {
            eprintln!("FAIL {section}[{i}] {q}: {}", problems.join("; "));
        }
    }
}

/// The entry a query names: a status, a domain's fallback, or a code (a
/// number or a string) of a domain.
fn subject(q: &Value) -> Option<&'static Entry> {
    if let Some(status) = q.get("status") {
        return cat::lookup_status(u16::try_from(status.as_i64()?).ok()?);
    }
    let domain: Domain = text(field(q, "domain"))?.parse().ok()?;
    if q.get("fallback").is_some() {
        return domain.fallback();
    }
    if let Some(code) = q.get("class") {
        return lookup_class(domain, code);
    }
    match field(q, "code") {
        Value::Int(n) => cat::lookup_int(domain, *n),
        Value::String(s) => cat::lookup(domain, s),
        _ => None,
    }
}

/// The entry of the class of a vector's code (a number or a string).
fn lookup_class(domain: Domain, code: &Value) -> Option<&'static Entry> {
    match code {
        Value::Int(n) => classes::lookup_class(domain, &n.to_string()),
        Value::String(s) => classes::lookup_class(domain, s),
        _ => None,
    }
}

/// Compares the class of `e` with the one `want` names, if it names one.
fn check_class(want: &Value, e: Option<&Entry>) -> Vec<String> {
    match want.get("class") {
        Some(class) if text(class) != e.and_then(classes::class_of) => {
            vec![format!("class {:?}", e.and_then(classes::class_of))]
        }
        _ => Vec::new(),
    }
}

fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Code => "code",
        Kind::Fallback => "fallback",
        Kind::Status => "status",
    }
}

fn matched(m: Match) -> &'static str {
    match m {
        Match::None => "none",
        Match::Code => "code",
        Match::Fallback => "fallback",
        Match::Status => "status",
    }
}

fn status_of(e: Option<&Entry>) -> i64 {
    e.and_then(|e| e.status).map_or(0, i64::from)
}

fn check_entry(q: &Value, e: Option<&'static Entry>) -> Vec<String> {
    check_want(field(q, "expect"), e)
}

/// Compares an entry with the one a vector's answer spells.
fn check_want(want: &Value, e: Option<&'static Entry>) -> Vec<String> {
    let mut p = Vec::new();
    let e = match (want, e) {
        (Value::Null, None) => return p,
        (Value::Null, Some(e)) => return vec![format!("found {e:?} where none was expected")],
        (_, None) => return vec!["no entry found".to_owned()],
        (_, Some(e)) => e,
    };
    if kind(e.kind) != text(field(want, "kind")).unwrap_or("") {
        p.push(format!("kind {:?}", e.kind));
    }
    if e.code_str != text(field(want, "code_str")) {
        p.push(format!("code_str {:?}", e.code_str));
    }
    if let Some(name) = text(field(want, "name")) {
        if e.name != Some(name) {
            p.push(format!("name {:?}", e.name));
        }
    }
    if Some(status_of(Some(e))) != field(want, "status").as_i64()
        || Some(e.message) != text(field(want, "message"))
    {
        p.push(format!("status {:?} message {:?}", e.status, e.message));
    }
    if Some(e.policy.retry.as_str()) != text(field(want, "retry"))
        || Some(e.policy.action.as_str()) != text(field(want, "action"))
    {
        p.push(format!("policy {:?}", e.policy));
    }
    p.extend(check_class(want, Some(e)));
    p
}

/// Reads a vector's code as a response sent it: `decode` never fails, and
/// keeps the raw code and its domain.
fn check_decode(q: &Value) -> Vec<String> {
    let domain: Domain = match text(field(q, "domain")).map(str::parse) {
        Some(Ok(domain)) => domain,
        _ => return vec!["no such domain".to_owned()],
    };
    let raw = match field(q, "code") {
        Value::Int(n) => n.to_string(),
        code => text(code).unwrap_or("").to_owned(),
    };
    let want = field(q, "expect");
    let got = cat::decode(domain, &raw);
    let mut p = Vec::new();
    if got.domain() != domain
        || got.raw() != raw
        || Some(&Value::Bool(got.is_known())) != want.get("known")
    {
        p.push(format!("decode gives {got:?}"));
    }
    if let cat::Decoded::Known { code, .. } = &got {
        if Some(code.entry()) != got.entry() {
            p.push("a known code's entry is not its own".to_owned());
        }
    }
    p.extend(check_want(field(want, "entry"), got.entry()));
    p
}

fn check_decision(d: cat::Decision, want: &Value) -> Vec<String> {
    let ms = field(want, "delay_ms")
        .as_i64()
        .and_then(|ms| u64::try_from(ms).ok());
    if Some(&Value::Bool(d.retry)) != want.get("retry")
        || Some(d.delay) != ms.map(Duration::from_millis)
        || Some(d.action.as_str()) != text(field(want, "action"))
    {
        return vec![format!("decision {d:?}")];
    }
    Vec::new()
}

/// The vector's headers as name and value pairs, each value as text.
fn headers(q: &Value) -> Vec<(String, String)> {
    match field(q, "headers") {
        Value::Object(members) => members
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn check_classify(q: &Value, now: SystemTime) -> Vec<String> {
    let want = field(q, "expect");
    let body = field(q, "body");
    let status = field(q, "status")
        .as_i64()
        .and_then(|s| u16::try_from(s).ok());
    let attempt = field(q, "attempt")
        .as_i64()
        .and_then(|a| u32::try_from(a).ok());
    let (status, attempt) = match (status, attempt) {
        (Some(s), Some(a)) => (s, a),
        _ => return vec!["bad query".to_owned()],
    };
    let pairs = headers(q);
    let e = cat::classify_at(
        status,
        pairs.iter().map(|(k, v)| (k, v)),
        body,
        attempt,
        now,
    );
    let mut p = Vec::new();
    if Some(matched(e.matched)) != text(field(want, "match")) {
        return vec![format!("match {:?}", e.matched)];
    }
    let domain = e.entry.and_then(|e| e.domain).map(|d| d.id());
    if domain != text(field(want, "domain")) {
        p.push(format!("domain {domain:?}"));
    }
    if e.code_str.as_deref() != text(field(want, "code_str")) {
        p.push(format!("code_str {:?}", e.code_str));
    }
    p.extend(check_class(want, e.entry));
    let name = e
        .entry
        .filter(|_| e.matched == Match::Code)
        .and_then(|e| e.name);
    if name != text(field(want, "name")) {
        p.push(format!("name {name:?}"));
    }
    if Some(status_of(e.entry)) != field(want, "status").as_i64()
        || Some(e.message.as_str()) != text(field(want, "message"))
    {
        p.push(format!(
            "status {:?} message {:?}",
            e.entry.map(|e| e.status),
            e.message
        ));
    }
    if &e.details != field(want, "details") {
        p.push(format!("details {}", e.details));
    }
    let echo: BTreeMap<String, Value> = match field(want, "echo") {
        Value::Object(members) => members.iter().cloned().collect(),
        _ => BTreeMap::new(),
    };
    if e.echo != echo {
        p.push(format!("echo {:?}", e.echo));
    }
    p.extend(check_decision(e.decision, field(want, "decision")));
    if let Some(Value::Array(want_also)) = want.get("also") {
        p.extend(check_also(&e.also, want_also));
    }

    // The same response with the headers as borrowed pairs.
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (&k[..], &v[..])).collect();
    if cat::classify_at(status, borrowed, body, attempt, now) != e {
        p.push("headers as &str pairs classify otherwise".to_owned());
    }
    // The body survives a round trip through the crate's JSON writer.
    if json::parse(&body.to_string()).as_ref() != Ok(body) {
        p.push(format!("the body does not survive JSON: {body}"));
    }
    p.extend(check_error(&e));
    p
}

/// Compares the other domains' codes of a classification with the vector's
/// `also`: each domain, code, name (of a listed code) and match, in order.
fn check_also(also: &[cat::Also], want: &[Value]) -> Vec<String> {
    let same = also.len() == want.len()
        && also.iter().zip(want).all(|(a, w)| {
            let name = a.entry.name.filter(|_| a.entry.kind == Kind::Code);
            Some(a.domain.id()) == text(field(w, "domain"))
                && Some(a.code.as_str()) == text(field(w, "code_str"))
                && name == text(field(w, "name"))
                && Some(kind(a.entry.kind)) == text(field(w, "match"))
        });
    if same {
        Vec::new()
    } else {
        vec![format!("also {also:?}")]
    }
}

/// Checks what a classified response says as an error: its text, and its
/// typed code.
fn check_error(e: &cat::Error) -> Vec<String> {
    let mut p = Vec::new();
    if e.to_string().is_empty() {
        p.push("empty Display".to_owned());
    }
    match (e.matched, e.code(), e.source()) {
        (Match::Code, Some(code), Some(source)) => {
            let entry = e.entry.map(|e| e as *const Entry);
            if Some(code.entry() as *const Entry) != entry
                || code.to_string() != cat::format(code.entry(), &[])
                || source.to_string() != code.to_string()
            {
                p.push(format!("the code {code:?} disagrees with the entry"));
            }
            let number = code.number().map(|n| n.to_string());
            if number.is_some() && number != e.code_str {
                p.push(format!("the code's number {number:?}"));
            }
        }
        (Match::Code, _, _) => p.push("no typed code for a code".to_owned()),
        (_, None, None) => {}
        (_, code, _) => p.push(format!("a typed code {code:?} without a code match")),
    }
    p
}

/// Texts that are not JSON, and texts whose value is known.
fn check_parser(c: &mut Checker) {
    let bad = [
        "",
        "01",
        "[1,]",
        "{\"a\" 1}",
        "[1 2]",
        "\"\\ud800\"",
        "\"\\udc00x\"",
        "\"\\x\"",
        "\"a\nb\"",
        "nul",
        "-",
        "1.",
        "1e",
        "[",
        "{\"a\":1,}",
        "\"\\u12g4\"",
        "1 2",
    ];
    for (i, t) in bad.iter().enumerate() {
        let q = Value::String((*t).to_owned());
        let problems = match json::parse(t) {
            Ok(v) => vec![format!("parsed as {v}")],
            Err(e) if e.offset() > t.len() => vec![format!("offset {} past the end", e.offset())],
            Err(_) => Vec::new(),
        };
        c.check("json: not JSON", i, &q, problems);
    }
    let deep = "[".repeat(200) + &"]".repeat(200);
    let problems = match json::parse(&deep) {
        Ok(_) => vec!["200 nested arrays parsed".to_owned()],
        Err(_) => Vec::new(),
    };
    c.check("json: too deep", 0, &NULL, problems);
    let good: [(&str, Value); 8] = [
        (" -0 ", Value::Int(0)),
        ("9223372036854775807", Value::Int(i64::MAX)),
        ("9223372036854775808", Value::Float(9223372036854775808.0)),
        ("5.0", Value::Float(5.0)),
        ("-1.5e3", Value::Float(-1500.0)),
        (
            "\"\\ud83d\\ude00\\u00e9\\n\\/\"",
            Value::String("\u{1f600}\u{e9}\n/".to_owned()),
        ),
        (
            "{\"a\":[true,false,null],\"a\":{}}",
            Value::Object(vec![
                (
                    "a".to_owned(),
                    Value::Array(vec![Value::Bool(true), Value::Bool(false), NULL.clone()]),
                ),
                ("a".to_owned(), Value::Object(Vec::new())),
            ]),
        ),
        (
            "\"\u{7f}\u{2028}\"",
            Value::String("\u{7f}\u{2028}".to_owned()),
        ),
    ];
    for (i, (t, want)) in good.iter().enumerate() {
        let q = Value::String((*t).to_owned());
        let mut problems = Vec::new();
        match json::parse(t) {
            Ok(v) if &v == want => {
                if json::parse(&v.to_string()).as_ref() != Ok(&v) {
                    problems.push(format!("{v} does not read back"));
                }
            }
            other => problems.push(format!("parsed as {other:?}")),
        }
        c.check("json: values", i, &q, problems);
    }
    let first = json::parse("{\"k\":1,\"k\":2}").ok();
    let got = first.as_ref().and_then(|v| v.get("k"));
    let problems = if got == Some(&Value::Int(1)) {
        Vec::new()
    } else {
        vec![format!("{got:?}")]
    };
    c.check("json: the first of repeated names", 0, &NULL, problems);
}

#[test]
fn conformance() {
    let path = std::env::var("ERRCAT_VECTORS").expect("ERRCAT_VECTORS");
    let vectors = std::fs::read_to_string(&path).expect("the vectors");
    let v = json::parse(&vectors).expect("the vectors are JSON");
    let section = |name: &str| match field(&v, name) {
        Value::Array(items) => items.clone(),
        _ => Vec::new(),
    };
    let mut c = Checker {
        passed: 0,
        failed: 0,
    };
    for (i, q) in section("lookups").iter().enumerate() {
        c.check("lookups", i, q, check_entry(q, subject(q)));
    }
    for (i, q) in section("statuses").iter().enumerate() {
        c.check("statuses", i, q, check_entry(q, subject(q)));
    }
    for (i, q) in section("fallbacks").iter().enumerate() {
        let domain: Option<Domain> = text(field(q, "domain")).and_then(|d| d.parse().ok());
        c.check(
            "fallbacks",
            i,
            q,
            check_entry(q, domain.and_then(Domain::fallback)),
        );
    }
    for (i, q) in section("classes").iter().enumerate() {
        let domain: Option<Domain> = text(field(q, "domain")).and_then(|d| d.parse().ok());
        let entry = domain.and_then(|d| lookup_class(d, field(q, "code")));
        c.check("classes", i, q, check_entry(q, entry));
    }
    for (i, q) in section("decode").iter().enumerate() {
        c.check("decode", i, q, check_decode(q));
    }
    for d in Domain::all() {
        for raw in ["", "1.5", "-", "99999999999999999999", "x"] {
            let got = cat::decode(d, raw);
            let problems = if got.is_known() || got.raw() != raw || got.domain() != d {
                vec![format!("decode gives {got:?}")]
            } else {
                Vec::new()
            };
            c.check("decode", 0, &NULL, problems);
        }
    }
    for (i, q) in section("names").iter().enumerate() {
        let domain: Option<Domain> = text(field(q, "domain")).and_then(|d| d.parse().ok());
        let name = text(field(q, "name")).unwrap_or("");
        let found = domain
            .and_then(|d| cat::lookup_name(d, name))
            .and_then(|e| e.code_str);
        let problems = if found == text(field(q, "expect")) {
            Vec::new()
        } else {
            vec![format!("found {found:?}")]
        };
        c.check("names", i, q, problems);
    }
    for (i, q) in section("decisions").iter().enumerate() {
        let attempt = field(q, "attempt")
            .as_i64()
            .and_then(|a| u32::try_from(a).ok());
        let after = field(q, "retry_after")
            .as_i64()
            .and_then(|s| u64::try_from(s).ok());
        let problems = match (subject(q), attempt) {
            (Some(e), Some(attempt)) => {
                check_decision(cat::decide(e, attempt, after), field(q, "expect"))
            }
            _ => vec!["no entry or no attempt".to_owned()],
        };
        c.check("decisions", i, q, problems);
    }
    for (i, q) in section("formats").iter().enumerate() {
        let args: Vec<&str> = match field(q, "args") {
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let got = subject(q).map(|e| cat::format(e, &args));
        let problems = if got.as_deref() == text(field(q, "expect")) {
            Vec::new()
        } else {
            vec![format!("got {got:?}")]
        };
        c.check("formats", i, q, problems);
    }
    // The reference time of the classify cases, in seconds since 1970.
    let now = field(&v, "now")
        .as_i64()
        .and_then(|s| u64::try_from(s).ok());
    let now = UNIX_EPOCH + Duration::from_secs(now.unwrap_or(0));
    for (i, q) in section("classify").iter().enumerate() {
        c.check("classify", i, q, check_classify(q, now));
    }
    for (i, q) in section("produce").iter().enumerate() {
        c.check("produce", i, q, check_produce(q, now));
    }
    l10n::check(field(&v, "l10n"), now, &mut c);
    check_parser(&mut c);
    let result = format!("{} {}\n", c.passed, c.failed);
    std::fs::write(
        std::env::var("ERRCAT_RESULT").expect("ERRCAT_RESULT"),
        result,
    )
    .unwrap();
    assert_eq!(
        c.failed,
        0,
        "{} of {} vectors failed",
        c.failed,
        c.passed + c.failed
    );
}

/// What produce makes of a code or status, and what classify reads in it.
fn check_produce(q: &Value, now: SystemTime) -> Vec<String> {
    let Some(entry) = subject(q) else {
        return vec!["no entry".to_owned()];
    };
    // A string is a decimal's text where it reads as a number: the samples
    // of string placeholders do not.
    let params: Vec<(&str, cat::Param<'_>)> = match field(q, "params") {
        Value::Object(members) => members
            .iter()
            .map(|(name, v)| {
                let value = match v {
                    Value::Bool(b) => cat::Param::Bool(*b),
                    Value::Int(n) => cat::Param::Int(*n),
                    Value::String(s)
                        if json::parse(s).is_ok_and(|n| {
                            n.as_i64().is_some() || matches!(n, Value::Float(_))
                        }) =>
                    {
                        cat::Param::Decimal(s)
                    }
                    _ => cat::Param::Str(v.as_str().unwrap_or_default()),
                };
                (name.as_str(), value)
            })
            .collect(),
        _ => Vec::new(),
    };
    let form = match text(field(q, "form")) {
        Some("problem") => cat::Form::Problem,
        Some("rpc") => cat::Form::Rpc,
        _ => cat::Form::Envelope,
    };
    let details = field(q, "details");
    let echo: Vec<(&str, Value)> = match field(q, "echo") {
        Value::Object(members) => members
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect(),
        _ => Vec::new(),
    };
    // A catalog without locales has no ProduceOptions::locale to default.
    #[allow(clippy::needless_update)]
    let mut options = cat::ProduceOptions {
        form,
        instance: text(field(q, "instance")),
        details: (details != &Value::Null).then_some(details),
        echo: &echo,
        now: Some(now),
        ..Default::default()
    };
    if let Some(locale) = text(field(q, "locale")) {
        if let Err(problem) = l10n::ask_locale(&mut options, locale) {
            return vec![problem];
        }
    }
    let want = field(q, "expect");
    let r = match (cat::produce(entry, &params, &options), want) {
        (Err(_), Value::Null) => return Vec::new(),
        (Ok(_), Value::Null) => return vec!["produced where an error was expected".to_owned()],
        (Err(e), _) => return vec![e.to_string()],
        (Ok(r), _) => r,
    };
    let mut p = Vec::new();
    let headers: Vec<Value> = r
        .headers
        .iter()
        .map(|(k, v)| {
            Value::Array(vec![
                Value::String((*k).to_owned()),
                Value::String(v.clone()),
            ])
        })
        .collect();
    if Some(i64::from(r.status)) != field(want, "status").as_i64()
        || &Value::Array(headers) != field(want, "headers")
    {
        p.push(format!("status {} headers {:?}", r.status, r.headers));
    }
    // The body as a client reads it.
    let body = json::parse(&r.body.to_string());
    if body.as_ref() != Ok(field(want, "body")) {
        p.push(format!("body {}", r.body));
    }
    let read = Value::Object(vec![
        ("status".to_owned(), Value::Int(i64::from(r.status))),
        (
            "headers".to_owned(),
            Value::Object(
                r.headers
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), Value::String(v.clone())))
                    .collect(),
            ),
        ),
        ("body".to_owned(), body.unwrap_or(Value::Null)),
        ("attempt".to_owned(), Value::Int(1)),
        ("expect".to_owned(), field(want, "classify").clone()),
    ]);
    p.extend(
        check_classify(&read, now)
            .into_iter()
            .map(|e| format!("classify: {e}")),
    );
    p
}

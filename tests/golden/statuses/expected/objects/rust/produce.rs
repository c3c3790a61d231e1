//! Producing error responses: [`produce`] turns a code or a status and the
//! values of its placeholders into the response a server sends.

use crate::json::Value;
use crate::table::{CATALOG_ENVELOPE, DOMAINS};
use crate::{decide, format, lookup_status, DelayType, Entry, Kind};
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// The body of a produced error response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Form {
    /// The catalog's own envelope (`application/json`).
    #[default]
    Envelope,
    /// RFC 9457 problem details (`application/problem+json`).
    Problem,
    /// A `google.rpc.Status` in its JSON form (`application/json`).
    Rpc,
}

/// A gRPC status code (`google.rpc.Code`), numbered as code.proto numbers
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum GrpcCode {
    Ok = 0,
    Cancelled,
    Unknown,
    InvalidArgument,
    DeadlineExceeded,
    NotFound,
    AlreadyExists,
    PermissionDenied,
    ResourceExhausted,
    FailedPrecondition,
    Aborted,
    OutOfRange,
    Unimplemented,
    Internal,
    Unavailable,
    DataLoss,
    Unauthenticated,
}

const GRPC_CODES: [GrpcCode; 17] = [
    GrpcCode::Ok,
    GrpcCode::Cancelled,
    GrpcCode::Unknown,
    GrpcCode::InvalidArgument,
    GrpcCode::DeadlineExceeded,
    GrpcCode::NotFound,
    GrpcCode::AlreadyExists,
    GrpcCode::PermissionDenied,
    GrpcCode::ResourceExhausted,
    GrpcCode::FailedPrecondition,
    GrpcCode::Aborted,
    GrpcCode::OutOfRange,
    GrpcCode::Unimplemented,
    GrpcCode::Internal,
    GrpcCode::Unavailable,
    GrpcCode::DataLoss,
    GrpcCode::Unauthenticated,
];

const GRPC_HTTP: [u16; 17] = [
    200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401,
];

impl GrpcCode {
    /// The HTTP status of the code, as google.rpc's code.proto maps it (and
    /// grpc-gateway applies it).
    pub fn http_status(self) -> u16 {
        GRPC_HTTP[self as usize]
    }
}

/// What [`produce`] needs of an entry beside the [`Entry`] itself.
struct Making {
    domain: Option<&'static str>,
    code: &'static str,
    /// The type of each placeholder, in the order of `Entry::params`.
    types: &'static [&'static str],
    /// The problem's title; the status text of a status.
    title: &'static str,
    problem_type: &'static str,
    grpc: usize,
    /// The status carries the policy's delay header: [`produce`] sends it.
    sends_delay: bool,
    /// ErrorInfo's reason and domain.
    reason: &'static str,
    info_domain: &'static str,
    help_url: Option<&'static str>,
}

#[rustfmt::skip]
static MAKING: &[Making] = &[
    Making { domain: None, code: "400", types: &[], title: "Bad Request", problem_type: "about:blank", grpc: 3, sends_delay: false, reason: "BAD_REQUEST", info_domain: "objects", help_url: Some("https://storage.example/docs/problems#status-400") },
    Making { domain: None, code: "401", types: &[], title: "Unauthorized", problem_type: "about:blank", grpc: 16, sends_delay: false, reason: "UNAUTHORIZED", info_domain: "objects", help_url: Some("https://storage.example/docs/problems#status-401") },
    Making { domain: None, code: "404", types: &[], title: "Not Found", problem_type: "about:blank", grpc: 5, sends_delay: false, reason: "NOT_FOUND", info_domain: "objects", help_url: Some("https://storage.example/docs/problems#status-404") },
    Making { domain: None, code: "409", types: &[], title: "Conflict", problem_type: "about:blank", grpc: 10, sends_delay: false, reason: "CONFLICT", info_domain: "objects", help_url: Some("https://storage.example/docs/problems#status-409") },
    Making { domain: None, code: "412", types: &[], title: "Precondition Failed", problem_type: "about:blank", grpc: 2, sends_delay: false, reason: "PRECONDITION_FAILED", info_domain: "objects", help_url: Some("https://storage.example/docs/problems#status-412") },
    Making { domain: None, code: "429", types: &[], title: "Too Many Requests", problem_type: "about:blank", grpc: 8, sends_delay: true, reason: "TOO_MANY_REQUESTS", info_domain: "objects", help_url: Some("https://storage.example/docs/problems#status-429") },
    Making { domain: None, code: "500", types: &[], title: "Internal Server Error", problem_type: "about:blank", grpc: 13, sends_delay: false, reason: "INTERNAL_SERVER_ERROR", info_domain: "objects", help_url: Some("https://storage.example/docs/problems#status-500") },
    Making { domain: None, code: "503", types: &[], title: "Service Unavailable", problem_type: "about:blank", grpc: 14, sends_delay: true, reason: "SERVICE_UNAVAILABLE", info_domain: "objects", help_url: Some("https://storage.example/docs/problems#status-503") },
];

/// Where [`produce`] puts the HTTP status and the status text in the
/// envelope, for the catalog (`None`) and each domain.
#[rustfmt::skip]
static STATUS_PATHS: &[(Option<&str>, Option<&str>, Option<&str>)] = &[
    (None, Some("status"), Some("title")),
];

fn making(entry: &Entry) -> Option<&'static Making> {
    if entry.kind == Kind::Fallback || entry.retired.is_some() {
        return None;
    }
    let domain = entry.domain.map(|d| d.id());
    let code = entry.code_str?;
    MAKING.iter().find(|m| m.domain == domain && m.code == code)
}

/// The gRPC status of a code or a status: the catalog's `grpc`, else the one
/// google.rpc's code.proto maps its HTTP status to; `None` for an entry that
/// [`produce`] cannot send (a fallback, a retired code).
pub fn grpc_code(entry: &Entry) -> Option<GrpcCode> {
    making(entry).map(|m| GRPC_CODES[m.grpc])
}

/// A value of a placeholder for [`produce`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Param<'a> {
    /// For a `string` placeholder.
    Str(&'a str),
    /// For an `integer` placeholder.
    Int(i64),
    /// For a `decimal` placeholder: its JSON text (`"0.015"`).
    Decimal(&'a str),
    /// For a `boolean` placeholder.
    Bool(bool),
}

#[allow(missing_docs)]
impl<'a> Param<'a> {
    // The constructors the typed functions call, named by placeholder type.
    pub fn string(s: &'a str) -> Self {
        Param::Str(s)
    }
    pub fn integer(n: i64) -> Self {
        Param::Int(n)
    }
    pub fn decimal(s: &'a str) -> Self {
        Param::Decimal(s)
    }
    pub fn boolean(b: bool) -> Self {
        Param::Bool(b)
    }
}

/// The options of [`produce`]; the default gives the envelope, without
/// instance or details, at the clock's time.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProduceOptions<'a> {
    /// The body's form.
    pub form: Form,
    /// The problem's instance ([`Form::Problem`]).
    pub instance: Option<&'a str>,
    /// What the envelope's details path holds ([`Form::Envelope`]).
    pub details: Option<&'a Value>,
    /// Values of the envelope's echo fields, keyed as [`crate::classify`] keys
    /// them: a request field (any JSON value) goes at its path
    /// ([`Form::Envelope`]), an echoed header (a string) is sent in every
    /// form.
    pub echo: &'a [(&'a str, Value)],
    /// Where a point in time counts from; the clock when `None`.
    pub now: Option<SystemTime>,
}

/// An error response for a server to send, what [`produce`] makes: a status,
/// headers and a body, which any server crate can send.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// The status text (`"Too Many Requests"`).
    pub status_text: &'static str,
    /// `Content-Type` first, then the delay header when the status carries it.
    pub headers: Vec<(&'static str, String)>,
    /// The JSON body: its text is `body.to_string()`.
    pub body: Value,
    /// The formatted message.
    pub message: String,
}

/// Why [`produce`] made no response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProduceError(String);

impl fmt::Display for ProduceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProduceError {}

fn is_json_number(s: &str) -> bool {
    let b = s.strip_prefix('-').unwrap_or(s).as_bytes();
    let digits = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = match digits(0) {
        0 => return false,
        n if b[0] == b'0' && n > 1 => return false,
        n => n,
    };
    if b.get(i) == Some(&b'.') {
        match digits(i + 1) {
            0 => return false,
            n => i += 1 + n,
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        match digits(i) {
            0 => return false,
            n => i += n,
        }
    }
    i == b.len()
}

/// A placeholder's value as JSON holds it, and as the message writes it.
fn param_value(name: &str, kind: &str, v: &Param<'_>) -> Result<(Value, String), ProduceError> {
    match (kind, v) {
        ("string", Param::Str(s)) => Ok((Value::String(s.to_string()), s.to_string())),
        ("integer", Param::Int(n)) => Ok((Value::Int(*n), n.to_string())),
        ("decimal", Param::Decimal(s)) if is_json_number(s) => {
            Ok((Value::String(s.to_string()), s.to_string()))
        }
        ("boolean", Param::Bool(b)) => Ok((Value::Bool(*b), b.to_string())),
        _ => Err(ProduceError(format!(
            "placeholder {name} takes a {kind}, not {v:?}"
        ))),
    }
}

/// Puts `value` at `path` of `body`: a member name makes an object, `[N]` an
/// array of at least N + 1 elements (null until written), `[*]` element 0
/// (where classify's `[*]` reads first). A path that meets a value already
/// there (but a null element) or a member of another shape is left out (the
/// first part of the envelope wins), as is one with an index above 63.
/// `leaves` holds the paths written with a value (`[*]` spelt `[0]`): a value
/// written at a path, the caller's details say, is never written into.
fn put(
    body: &mut Vec<(String, Value)>,
    path: Option<&str>,
    value: Value,
    leaves: &mut Vec<String>,
) {
    let Some(path) = path else { return };
    // None (for [*]) orders before any index.
    let index = |step: &str| {
        step.split_once(']')
            .and_then(|(n, _)| n.parse::<usize>().ok())
    };
    if path.split('[').skip(1).any(|step| index(step) >= Some(64)) {
        return;
    }
    let at = path.replace("[*]", "[0]");
    let beneath = |leaf: &String| {
        at.strip_prefix(leaf.as_str())
            .is_some_and(|rest| rest.starts_with(['.', '[']))
    };
    if leaves.iter().any(beneath) {
        return;
    }
    let null = matches!(value, Value::Null);
    let mut root = Value::Object(std::mem::take(body));
    let placed = put_at(&mut root, path, value);
    if let Value::Object(members) = root {
        *body = members;
    }
    if placed && !null {
        leaves.push(at);
    }
}

/// Puts `value` at the rest of a path of `put` under `node`; whether it did.
fn put_at(node: &mut Value, path: &str, value: Value) -> bool {
    let path = path.strip_prefix('.').unwrap_or(path);
    let end = match path.strip_prefix('[') {
        Some(_) => path.find(']').map_or(path.len(), |end| end + 1),
        None => path.find(['.', '[']).unwrap_or(path.len()),
    };
    let (step, rest) = path.split_at(end);
    let (slot, free) = match (node, step.strip_prefix('[')) {
        (Value::Object(members), None) => match members.iter().position(|(k, _)| k == step) {
            Some(_) if rest.is_empty() => return false,
            Some(at) => (&mut members[at].1, false),
            None => {
                members.push((step.to_string(), Value::Null));
                (&mut members.last_mut().expect("just pushed").1, true)
            }
        },
        (Value::Array(items), Some(index)) => {
            // [*] is element 0
            let i = index.trim_end_matches(']').parse::<usize>().unwrap_or(0);
            if items.len() <= i {
                items.resize(i + 1, Value::Null);
            }
            let free = matches!(items[i], Value::Null);
            (&mut items[i], free)
        }
        _ => return false,
    };
    if rest.is_empty() {
        if free {
            *slot = value;
        }
        return free;
    }
    if free {
        *slot = if rest.starts_with('[') {
            Value::Array(Vec::new())
        } else {
            Value::Object(Vec::new())
        };
    }
    put_at(slot, rest, value)
}

/// A time in seconds since 1970 as an IMF-fixdate (civil_from_days, written
/// out so that no time zone or locale takes part).
fn imf_fixdate(t: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (days, s) = (t.div_euclid(86400), t.rem_euclid(86400));
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        DAYS[days.rem_euclid(7) as usize],
        day,
        MONTHS[(month - 1) as usize],
        year,
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

fn typed(kind: &str, mut members: Vec<(String, Value)>) -> Value {
    members.insert(
        0,
        (
            "@type".to_string(),
            Value::String(format!("type.googleapis.com/google.rpc.{kind}")),
        ),
    );
    Value::Object(members)
}

fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

/// Makes the error response of a code or a status: its HTTP status (a
/// code's, else 500), its headers (`Content-Type`, and the delay of a first
/// retry in the policy's delay header when the status carries it: a point in
/// time counts from `options.now`, else the clock) and its body in
/// `options.form`: the catalog's envelope (`details` at its details path),
/// RFC 9457 problem details (`instance` when given; the code and each
/// placeholder as extension members) or a `google.rpc.Status` (ErrorInfo,
/// RetryInfo, Help). `params` holds a value for each placeholder of the
/// message, of its type: an error tells of one that lacks or does not fit, or
/// of a name that is no placeholder, or of an echo name that is no echo
/// field. The functions `produce_<domain>_<name>` take the values typed.
pub fn produce(
    entry: &Entry,
    params: &[(&str, Param<'_>)],
    options: &ProduceOptions<'_>,
) -> Result<Response, ProduceError> {
    let code_str = entry.code_str.unwrap_or_default();
    let m = making(entry)
        .ok_or_else(|| ProduceError(format!("cannot produce {code_str}: not a code or status")))?;
    if let Some((name, _)) = params.iter().find(|(n, _)| !entry.params.contains(n)) {
        return Err(ProduceError(format!(
            "{code_str} has no placeholder {name}"
        )));
    }
    let info = entry
        .domain
        .and_then(|d| DOMAINS.iter().find(|i| i.domain == d));
    let envelope = info.map_or(&CATALOG_ENVELOPE, |i| &i.envelope);
    for (name, value) in options.echo {
        let header = envelope.echo_headers.contains(name);
        if !header && !envelope.echo.contains(name) {
            return Err(ProduceError(format!(
                "{name} is no echo field of {code_str}"
            )));
        }
        if header && value.as_str().is_none_or(|s| s.contains(['\r', '\n'])) {
            return Err(ProduceError(format!(
                "echoed header {name} takes a line of text"
            )));
        }
    }
    let echoed = |name: &str| {
        options
            .echo
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    };
    let mut values = Vec::new();
    let mut texts = Vec::new();
    for (name, kind) in entry.params.iter().zip(m.types) {
        let (_, v) = params
            .iter()
            .find(|(n, _)| n == name)
            .ok_or_else(|| ProduceError(format!("{code_str} needs a value for {name}")))?;
        let (value, written) = param_value(name, kind, v)?;
        values.push(((*name).to_string(), value));
        texts.push(written);
    }
    let status = entry.status.unwrap_or(500);
    let message = if entry.kind == Kind::Status {
        entry.message.to_string()
    } else {
        format(entry, &texts.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let status_text = lookup_status(status).map_or("", |s| s.message);
    let media = match options.form {
        Form::Problem => "application/problem+json",
        _ => "application/json",
    };
    let mut headers = vec![("Content-Type", media.to_string())];
    let policy = entry.policy;
    let d = decide(entry, 1, None);
    if let (true, true, Some(header)) = (d.retry, m.sends_delay, policy.delay_header) {
        let seconds = d.delay.as_millis().div_ceil(1000) as i64;
        let now = options.now.unwrap_or_else(SystemTime::now);
        let now_s = match now.duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs_f64().ceil() as i64),
        };
        let value = match policy.delay_type {
            DelayType::HttpDate => imf_fixdate(now_s + seconds),
            DelayType::EpochSeconds => (now_s + seconds).to_string(),
            DelayType::Seconds => seconds.to_string(),
        };
        headers.push((header, value));
    }
    for name in envelope.echo_headers {
        if let Some(value) = echoed(name).and_then(Value::as_str) {
            headers.push((name, value.to_string()));
        }
    }
    let code = match info {
        Some(i) if !i.string_codes => code_str.parse().map_or_else(|_| text(code_str), Value::Int),
        _ => text(code_str),
    };
    let body = match options.form {
        Form::Envelope => {
            let domain = entry.domain.map(|d| d.id());
            let paths = STATUS_PATHS
                .iter()
                .find(|p| p.0 == domain)
                .unwrap_or(&STATUS_PATHS[0]);
            let mut body = Vec::new();
            let leaves = &mut Vec::new();
            if entry.kind == Kind::Code {
                put(&mut body, envelope.code, code, leaves);
            }
            put(&mut body, paths.1, Value::Int(i64::from(status)), leaves);
            put(&mut body, paths.2, text(status_text), leaves);
            put(&mut body, envelope.message, text(&message), leaves);
            if let Some(details) = options.details {
                put(&mut body, envelope.details, details.clone(), leaves);
            }
            for (name, path) in entry.params_from {
                if let Some((_, value)) = values.iter().find(|(n, _)| n == name) {
                    put(&mut body, Some(path), value.clone(), leaves);
                }
            }
            for path in envelope.echo {
                if let Some(value) = echoed(path) {
                    put(&mut body, Some(path), value.clone(), leaves);
                }
            }
            Value::Object(body)
        }
        Form::Problem => {
            let mut body = vec![
                ("type".to_string(), text(m.problem_type)),
                ("title".to_string(), text(m.title)),
                ("status".to_string(), Value::Int(i64::from(status))),
                ("detail".to_string(), text(&message)),
            ];
            if let Some(instance) = options.instance {
                body.push(("instance".to_string(), text(instance)));
            }
            if entry.kind == Kind::Code {
                body.push(("code".to_string(), code));
            }
            for (name, value) in values {
                if !body.iter().any(|(k, _)| *k == name) {
                    body.push((name, value));
                }
            }
            Value::Object(body)
        }
        Form::Rpc => {
            let metadata = entry.params.iter().zip(&texts);
            let mut details = vec![typed(
                "ErrorInfo",
                vec![
                    ("reason".to_string(), text(m.reason)),
                    ("domain".to_string(), text(m.info_domain)),
                    (
                        "metadata".to_string(),
                        Value::Object(metadata.map(|(n, t)| ((*n).to_string(), text(t))).collect()),
                    ),
                ],
            )];
            if d.retry {
                let (whole, ms) = (d.delay.as_secs(), d.delay.subsec_millis());
                let delay = match ms {
                    0 => format!("{whole}s"),
                    _ => format!("{whole}.{ms:03}s"),
                };
                details.push(typed(
                    "RetryInfo",
                    vec![("retryDelay".to_string(), text(&delay))],
                ));
            }
            if let Some(url) = m.help_url {
                let link = vec![
                    ("description".to_string(), text(m.title)),
                    ("url".to_string(), text(url)),
                ];
                details.push(typed(
                    "Help",
                    vec![("links".to_string(), Value::Array(vec![Value::Object(link)]))],
                ));
            }
            Value::Object(vec![
                ("code".to_string(), Value::Int(m.grpc as i64)),
                ("message".to_string(), text(&message)),
                ("details".to_string(), Value::Array(details)),
            ])
        }
    };
    Ok(Response {
        status,
        status_text,
        headers,
        body,
        message,
    })
}

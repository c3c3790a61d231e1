//! The Rust binding of tests/clients/clients.yaml against HTTP/1.1 over
//! std::net (no crate is at hand offline): a thread serves each response of
//! responses.json from a TcpListener on 127.0.0.1, a TcpStream sends a
//! hand-written GET, and the response's headers go to `classify` in every
//! shape a Rust program holds them: a slice of `(String, String)`, `&str`
//! pairs, a `HashMap` and an `http::HeaderMap`, whose shapes `http` below
//! copies (its `HeaderValue` is bytes, no `AsRef<str>`). Writes one JSON line
//! per response and shape to $CLIENTS_OUT.

use catalog_errors::json::{self, Value};
use catalog_errors::{classify, Error, Match};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

/// The shapes of the `http` crate's headers, which this test cannot fetch.
mod http {
    /// As `http::HeaderName`: a lower-case name, `AsRef<str>` and
    /// `AsRef<[u8]>`.
    pub struct HeaderName(String);

    impl HeaderName {
        pub fn as_str(&self) -> &str {
            &self.0
        }
    }

    impl AsRef<str> for HeaderName {
        fn as_ref(&self) -> &str {
            &self.0
        }
    }

    impl AsRef<[u8]> for HeaderName {
        fn as_ref(&self) -> &[u8] {
            self.0.as_bytes()
        }
    }

    /// As `http::HeaderValue`: bytes, text only through `to_str`.
    pub struct HeaderValue(Vec<u8>);

    impl HeaderValue {
        pub fn to_str(&self) -> Result<&str, std::str::Utf8Error> {
            std::str::from_utf8(&self.0)
        }
    }

    impl AsRef<[u8]> for HeaderValue {
        fn as_ref(&self) -> &[u8] {
            &self.0
        }
    }

    /// As `http::HeaderMap`: iterating a reference yields
    /// `(&HeaderName, &HeaderValue)`.
    #[derive(Default)]
    pub struct HeaderMap(Vec<(HeaderName, HeaderValue)>);

    impl HeaderMap {
        pub fn append(&mut self, name: &str, value: &str) {
            let name = HeaderName(name.to_ascii_lowercase());
            self.0.push((name, HeaderValue(value.as_bytes().to_vec())));
        }

        pub fn iter(&self) -> impl Iterator<Item = (&HeaderName, &HeaderValue)> {
            self.0.iter().map(|(k, v)| (k, v))
        }
    }

    impl<'a> IntoIterator for &'a HeaderMap {
        type Item = (&'a HeaderName, &'a HeaderValue);
        type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;
        fn into_iter(self) -> Self::IntoIter {
            Box::new(self.iter())
        }
    }

    /// As `http::Response`, for `classify(status, response.headers(), ...)`.
    pub struct Response {
        pub status: u16,
        pub headers: HeaderMap,
    }

    impl Response {
        pub fn headers(&self) -> &HeaderMap {
            &self.headers
        }
    }
}

/// A response of responses.json.
struct Canned {
    case: String,
    status: u16,
    headers: Vec<(String, String)>,
    body: Option<String>,
}

fn canned() -> Vec<Canned> {
    let path = std::env::var("CLIENTS_RESPONSES").expect("CLIENTS_RESPONSES");
    let text = std::fs::read_to_string(path).expect("responses.json");
    let Value::Array(items) = json::parse(&text).expect("responses.json is JSON") else {
        panic!("responses.json is no array");
    };
    let text = |v: &Value| v.as_str().expect("a string").to_owned();
    items
        .iter()
        .map(|r| Canned {
            case: text(r.get("case").expect("case")),
            status: r.get("status").and_then(Value::as_i64).expect("status") as u16,
            headers: match r.get("headers") {
                Some(Value::Array(pairs)) => pairs
                    .iter()
                    .map(|p| match p {
                        Value::Array(kv) if kv.len() == 2 => (text(&kv[0]), text(&kv[1])),
                        _ => panic!("a header is no pair"),
                    })
                    .collect(),
                _ => panic!("headers"),
            },
            body: r.get("body").and_then(Value::as_str).map(str::to_owned),
        })
        .collect()
}

/// Serves `responses` on a free port of 127.0.0.1, one connection each, in
/// the order asked; returns the port and the thread.
fn serve(responses: Vec<Canned>) -> (u16, thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let server = thread::spawn(move || {
        for _ in 0..responses.len() {
            let (stream, _) = listener.accept().expect("accept");
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            reader.read_line(&mut line).expect("request line");
            let path = line.split(' ').nth(1).unwrap_or("").trim_start_matches('/');
            loop {
                let mut header = String::new();
                reader.read_line(&mut header).expect("request header");
                if header.trim_end().is_empty() {
                    break;
                }
            }
            let r = responses.iter().find(|r| r.case == path).expect("a case");
            let body = r.body.as_deref().unwrap_or("");
            let mut out = format!("HTTP/1.1 {} Canned\r\n", r.status);
            for (name, value) in &r.headers {
                out += &format!("{name}: {value}\r\n");
            }
            out += &format!(
                "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            reader.get_mut().write_all(out.as_bytes()).expect("write");
        }
    });
    (port, server)
}

/// GET /case over HTTP/1.1: the status, the header fields in order and the
/// body.
fn get(port: u16, case: &str) -> (u16, Vec<(String, String)>, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let request = format!("GET /{case} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("receive");
    let (head, body) = response.split_once("\r\n\r\n").expect("a head");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok());
    let fields = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| {
            (
                k.to_owned(),
                v.trim_matches(|c| c == ' ' || c == '\t').to_owned(),
            )
        })
        .collect();
    (status.expect("a status"), fields, body.to_owned())
}

/// One line of the comparison: what `classify` made of a response.
fn answer(case: &str, client: &str, e: &Error) -> String {
    let entry = match (e.matched, e.entry) {
        (Match::Code, Some(x)) => format!(
            "code {} {}",
            x.domain.map_or("", |d| d.id()),
            x.name.unwrap_or("")
        ),
        (Match::Fallback, Some(x)) => format!("fallback {}", x.domain.map_or("", |d| d.id())),
        (Match::Status, Some(x)) => format!("status {}", x.status.unwrap_or(0)),
        _ => "none".to_owned(),
    };
    let text = |s: &str| Value::String(s.to_owned());
    let line = Value::Object(vec![
        ("case".to_owned(), text(case)),
        ("client".to_owned(), text(client)),
        ("entry".to_owned(), text(&entry)),
        ("message".to_owned(), text(&e.message)),
        ("retry".to_owned(), Value::Bool(e.decision.retry)),
        ("action".to_owned(), text(e.decision.action.as_str())),
        (
            "delay_ms".to_owned(),
            Value::Int(e.decision.delay.as_millis() as i64),
        ),
    ]);
    format!("{line}\n")
}

#[test]
fn real_clients() {
    let responses = canned();
    let cases: Vec<String> = responses.iter().map(|r| r.case.clone()).collect();
    let (port, server) = serve(responses);
    let mut out = String::new();
    for case in &cases {
        let (status, fields, text) = get(port, case);
        let body = json::parse(&text).unwrap_or(Value::Null);
        let mut response = http::Response {
            status,
            headers: http::HeaderMap::default(),
        };
        for (name, value) in &fields {
            response.headers.append(name, value);
        }
        let map: HashMap<String, String> = fields.iter().rev().cloned().collect();
        let strs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let shapes = [
            (
                "&Vec<(String, String)>",
                classify(status, &fields, &body, 1),
            ),
            ("&[(&str, &str)]", classify(status, &strs[..], &body, 1)),
            (
                "Vec<(&str, &str)>",
                classify(status, strs.clone(), &body, 1),
            ),
            ("&HashMap<String, String>", classify(status, &map, &body, 1)),
            (
                "http::HeaderMap",
                classify(response.status, response.headers(), &body, 1),
            ),
            (
                "http::HeaderMap, to_str",
                classify(
                    status,
                    response
                        .headers()
                        .iter()
                        .filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?))),
                    &body,
                    1,
                ),
            ),
        ];
        for (client, e) in &shapes {
            out += &answer(case, client, e);
        }
    }
    server.join().expect("the server");
    let path = std::env::var("CLIENTS_OUT").expect("CLIENTS_OUT");
    std::fs::write(path, out).expect("write the answers");
}

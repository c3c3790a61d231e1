// README.md's Rust snippet, which tests/readme/run.sh puts in place of the
// marker line below, after an HTTP/1.0 GET (std only) of the URL of the
// first argument, "http://127.0.0.1:PORT/PATH". Prints the decision, and
// whether the snippet's pattern matches the code.
use std::io::{Read, Write};
use std::net::TcpStream;

fn main() {
    let url = std::env::args().nth(1).expect("a URL");
    let rest = url.strip_prefix("http://").expect("an http:// URL");
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut stream = TcpStream::connect(host).expect("a connection");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").expect("a request");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("a response");
    let (head, text) = response.split_once("\r\n\r\n").expect("a head and a body");
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.to_string(), v.trim().to_string()))
        .collect();
    let text = text.to_string();
    let attempt = 1;

    // README SNIPPET
    println!(
        "retry={} delay_ms={} requote={}",
        err.decision.retry,
        err.decision.delay.as_millis(),
        matches!(err.code(), Some(Code::Errors(codes::Errors::QuoteExpired)))
    );
}

// README.md's Rust server snippet, which tests/readme/run.sh puts in place of
// the marker line below: a function error_response(entry, params) giving a
// status, headers and a body. Sends them as HTTP/1.1 (std only) on 127.0.0.1
// at a free port, which it writes to the file named by its first argument
// once it accepts connections:
//   /quote-expired  code QUOTE_EXPIRED
//   /busy           status 503
//   any other path  status 410
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use swap_errors::{codes, lookup_status};

// README SNIPPET

fn main() {
    let file = std::env::args().nth(1).expect("a file for the port");
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = listener.local_addr().expect("an address").port();
    std::fs::write(format!("{file}.tmp"), format!("{port}\n")).expect("the port file");
    std::fs::rename(format!("{file}.tmp"), &file).expect("the port file");
    for stream in listener.incoming() {
        let mut stream = stream.expect("a connection");
        let mut reader = BufReader::new(&stream);
        let mut line = String::new();
        reader.read_line(&mut line).expect("a request line");
        let path = line.split(' ').nth(1).unwrap_or("/").to_string();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                break;
            }
        }
        let entry = match path.as_str() {
            "/quote-expired" => codes::Errors::QuoteExpired.entry(),
            "/busy" => lookup_status(503).expect("status 503"),
            _ => lookup_status(410).expect("status 410"),
        };
        let (status, headers, body) = error_response(entry, &[]);
        let mut head = format!("HTTP/1.1 {status} \r\n");
        for (name, value) in headers {
            head += &format!("{name}: {value}\r\n");
        }
        head += &format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).expect("a head");
        stream.write_all(body.as_bytes()).expect("a body");
    }
}

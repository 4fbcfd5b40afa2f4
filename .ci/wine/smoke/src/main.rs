//! The child the smoke tests spawn: each argument asks for one behaviour.

use std::io::{Read, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or_default();
    match arg(0) {
        "exit" => std::process::exit(arg(1).parse().unwrap_or(2)),
        "echo-stdin" => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).unwrap();
            print!("{text}");
        }
        "env" => match std::env::var(arg(1)) {
            Ok(value) => println!("{value}"),
            Err(_) => std::process::exit(3),
        },
        "ping" => {
            let mut socket = std::net::TcpStream::connect(arg(1)).unwrap();
            socket.write_all(b"ping").unwrap();
            let mut answer = [0; 4];
            socket.read_exact(&mut answer).unwrap();
            std::process::exit(if &answer == b"pong" { 0 } else { 4 });
        }
        _ => std::process::exit(2),
    }
}

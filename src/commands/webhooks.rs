//! `mobivate webhooks set` (register a URL) and `mobivate webhooks listen`
//! (receive payloads on 127.0.0.1 and print each as a JSON line).

use crate::api::webhooks::{self, Kind, payload_kind};
use crate::cli::{ConnectionArgs, WebhooksListenArgs, WebhooksSetArgs};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::key::resolve_key;
use crate::input::prompt::Interactivity;
use crate::net::endpoint::is_loopback;
use crate::net::receiver::{Exchange, Receiver};
use crate::output::list::{Value, api_date};
use crate::platform::signals;
use crate::report::warn;
use crate::sanitize::{display_url, sanitize_server_text};
use std::io::{ErrorKind, Write};
use std::time::Duration;

const FORWARD_TIMEOUT: Duration = Duration::from_secs(10);

pub fn set(connection: &ConnectionArgs, args: &WebhooksSetArgs) -> Result<(), Failure> {
    check_url(&args.url, true)?;
    let transport = super::transport(connection)?;
    let key = resolve_key(args.key.key_stdin, &Interactivity::new(connection.no_input))?;
    let message = webhooks::set(&transport, &key, args.kind, args.url.trim())?;
    let text = message.unwrap_or_else(|| format!("{} webhook set", args.kind.name()));
    let _ = writeln!(std::io::stderr().lock(), "{text}");
    Ok(())
}

/// A webhook URL must be https; plain http only for loopback, with a
/// warning. `for_mobivate` is false for `--forward`, which may be plain http.
fn check_url(raw: &str, for_mobivate: bool) -> Result<(), Failure> {
    // Never the query or user information: either may hold a secret token.
    let shown = display_url(raw.trim());
    let bad = |why: &str| Failure::new(ExitCode::DataErr, format!("{shown:?} {why}"));
    let uri: ureq::http::Uri = raw.trim().parse().map_err(|_| bad("is not a URL"))?;
    let host = uri
        .host()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| bad("has no host"))?;
    match uri.scheme_str() {
        Some("https") => Ok(()),
        Some("http") if !for_mobivate => Ok(()),
        Some("http") if is_loopback(host) => {
            warn(
                "plain http to a loopback address: only for testing, Mobivate's servers cannot reach it",
            );
            Ok(())
        }
        Some("http") => Err(
            bad("is plain http: a webhook URL must be https://").with_hint(
                "plain http is allowed only for localhost, 127.0.0.0/8 and ::1, for testing",
            ),
        ),
        _ => Err(bad("is not an http(s) URL")),
    }
}

pub fn listen(args: &WebhooksListenArgs) -> Result<(), Failure> {
    if let Some(url) = &args.forward {
        check_url(url, false)?;
    }
    signals::catch_interrupts();
    let receiver = Receiver::bind(args.port).map_err(|error| {
        Failure::new(
            ExitCode::Unavailable,
            format!("cannot listen on 127.0.0.1:{}: {error}", args.port),
        )
        .with_hint("choose another --port (0 picks a free one)")
    })?;
    let _ = writeln!(
        std::io::stderr().lock(),
        "mobivate: listening on http://127.0.0.1:{}/ (Ctrl-C to stop)",
        receiver.port()
    );
    // Forwarding runs on its own thread, in order, so that a slow target
    // never delays the answer to the next payload.
    let forwarder = args.forward.clone().map(|url| {
        let (queue, jobs) = std::sync::mpsc::channel::<(Kind, Vec<u8>)>();
        let worker = std::thread::spawn(move || {
            for (kind, body) in jobs {
                forward(&url, kind, &body);
            }
        });
        (queue, worker)
    });
    let received = receive(&receiver, forwarder.as_ref().map(|(queue, _)| queue));
    if let Some((queue, worker)) = forwarder {
        // Payloads already received are still forwarded before the end.
        drop(queue);
        let _ = worker.join();
    }
    received
}

fn receive(
    receiver: &Receiver,
    forwarder: Option<&std::sync::mpsc::Sender<(Kind, Vec<u8>)>>,
) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    while let Some(exchange) = receiver.next(&signals::interrupted) {
        let Some((line, kind, body)) = accept(exchange) else {
            continue;
        };
        match writeln!(stdout, "{line}").and_then(|()| stdout.flush()) {
            Ok(()) => {}
            // The reader went away: a normal ending, as for the list commands.
            Err(error) if error.kind() == ErrorKind::BrokenPipe => return Ok(()),
            Err(error) => {
                return Err(Failure::new(
                    ExitCode::IoErr,
                    format!("cannot write to stdout: {error}"),
                ));
            }
        }
        if let Some(queue) = forwarder {
            let _ = queue.send((kind, body));
        }
    }
    Ok(())
}

/// Answers the exchange: 200 with the JSON line to print, or 400 with a
/// line on stderr.
fn accept(mut exchange: Exchange) -> Option<(String, Kind, Vec<u8>)> {
    let peer = exchange.peer;
    let request = match std::mem::replace(&mut exchange.request, Err(String::new())) {
        Ok(request) => request,
        Err(why) => {
            exchange.answer(400, "Bad Request", "{\"error\":\"malformed request\"}");
            warn(&format!("rejected a malformed request from {peer}: {why}"));
            return None;
        }
    };
    if request.method == "GET" || request.method == "HEAD" {
        // A tunnel's or proxy's health check.
        exchange.answer(200, "OK", "{\"listening\":true}");
        return None;
    }
    if request.method != "POST" {
        exchange.answer(405, "Method Not Allowed", "{\"error\":\"POST only\"}");
        warn(&format!(
            "rejected a {} request from {peer}: payloads are POSTed",
            sanitize_server_text(&request.method)
        ));
        return None;
    }
    match payload_line(&request.path, &request.body) {
        Ok((line, kind)) => {
            exchange.answer(200, "OK", "{\"received\":true}");
            Some((line, kind, request.body))
        }
        Err(why) => {
            exchange.answer(400, "Bad Request", "{\"error\":\"malformed payload\"}");
            warn(&format!("rejected a malformed payload from {peer}: {why}"));
            None
        }
    }
}

/// The payload as one JSON line, `kind` first, then its fields in the order
/// they came, its date in RFC 3339 UTC.
/// The kind comes from the path (`/receipt`, `/incoming`, `/click`) when it
/// names one, else from the payload's fields.
pub fn payload_line(path: &str, body: &[u8]) -> Result<(String, Kind), String> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| "the body is not JSON".to_string())?;
    let serde_json::Value::Object(mut object) = value else {
        return Err("the body is not a JSON object".to_string());
    };
    let segment = path
        .split('?')
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let kind = Kind::ALL
        .into_iter()
        .find(|kind| kind.name() == segment)
        .or_else(|| payload_kind(&object))
        .ok_or_else(|| "not a receipt, incoming or click payload".to_string())?;
    if let Some(created) = object.get_mut("created")
        && let Value::Date(at) = api_date(&Some(created.clone()))
    {
        *created = serde_json::Value::String(at.to_string());
    }
    object.shift_remove("kind");
    let rest = serde_json::Value::Object(object).to_string();
    let mut line = format!("{{\"kind\":\"{}\"", kind.name());
    if rest.len() > 2 {
        line.push(',');
        line.push_str(&rest[1..]);
    } else {
        line.push('}');
    }
    Ok((line, kind))
}

fn forward(url: &str, kind: Kind, body: &[u8]) {
    let shown = display_url(url);
    match crate::net::receiver::forward(url, body, FORWARD_TIMEOUT) {
        Ok(status) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "mobivate: forwarded {} to {shown}: HTTP {status}",
                kind.name()
            );
        }
        Err(error) => warn(&format!(
            "forwarding {} to {shown} failed: {}",
            kind.name(),
            sanitize_server_text(&error)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_first_and_dates_in_utc() {
        let (line, kind) = payload_line(
            "/hook",
            br#"{"deliveryMessageId":"m1","created":"2026-11-26T14:00:00+0100","status":"DELIVERED","statusCode":1}"#,
        )
        .unwrap();
        assert_eq!(kind, Kind::Receipt);
        assert_eq!(
            line,
            r#"{"kind":"receipt","deliveryMessageId":"m1","created":"2026-11-26T13:00:00Z","status":"DELIVERED","statusCode":1}"#
        );
    }

    #[test]
    fn the_path_can_name_the_kind() {
        let (line, kind) = payload_line("/click", br#"{"x":1}"#).unwrap();
        assert_eq!(kind, Kind::Click);
        assert_eq!(line, r#"{"kind":"click","x":1}"#);
        assert!(payload_line("/", b"[1]").is_err());
        assert!(payload_line("/", b"{\"x\":1}").is_err());
        assert!(payload_line("/", b"{nope").is_err());
    }

    #[test]
    fn webhook_urls() {
        assert!(check_url("https://example.com/hook", true).is_ok());
        assert!(check_url("http://127.0.0.1:8080/hook", true).is_ok());
        assert_eq!(
            check_url("http://example.com/hook", true).unwrap_err().code,
            ExitCode::DataErr
        );
        assert_eq!(
            check_url("ftp://example.com", true).unwrap_err().code,
            ExitCode::DataErr
        );
        assert_eq!(
            check_url("not a url", true).unwrap_err().code,
            ExitCode::DataErr
        );
        assert!(check_url("http://example.com/hook", false).is_ok());
    }
}

//! A request as it would be sent, for `--dry-run`: the key shown as `***`.

/// The headers every API request carries, the key hidden.
const HEADERS: &str = "Authorization: Bearer ***\nContent-Type: application/json\n";

/// `POST URL`, the headers, a blank line, then the body and a newline.
pub fn http_text(url: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("POST {url}\n{HEADERS}\n").into_bytes();
    out.extend_from_slice(body);
    out.push(b'\n');
    out
}

/// The same request as one JSON document (with a newline).
pub fn json(url: &str, body: serde_json::Value) -> Vec<u8> {
    let document = serde_json::json!({
        "method": "POST",
        "url": url,
        "headers": {
            "Authorization": "Bearer ***",
            "Content-Type": "application/json",
        },
        "body": body,
    });
    format!("{document}\n").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_never_shown() {
        let text = http_text("https://x/send/batch", b"{}");
        assert_eq!(
            text,
            b"POST https://x/send/batch\nAuthorization: Bearer ***\nContent-Type: application/json\n\n{}\n"
        );
        let json = String::from_utf8(json("u", serde_json::json!({"a": 1}))).unwrap();
        assert!(json.contains("\"Authorization\":\"Bearer ***\""), "{json}");
        assert!(json.ends_with("}\n"));
    }
}

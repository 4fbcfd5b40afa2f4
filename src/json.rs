//! JSON text written by hand where serde would build or copy more than it
//! writes: strings escaped exactly as serde_json escapes them, for the
//! listings' JSON output and the bodies of `/send/batch`.

/// `text` as a JSON string, escaped byte for byte as serde_json escapes
/// it (`"`, `\\`, and the controls below U+0020, `\\n` or `\\u001b`), without
/// a copy of its own.
pub fn push_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let needs_escape = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    out.push('"');
    // Most texts have nothing to escape: one pass (vectorised) tells.
    if !text.bytes().fold(false, |any, b| any | needs_escape(b)) {
        out.push_str(text);
        out.push('"');
        return;
    }
    let mut run_start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        // `at` is an ASCII byte's index, so a character boundary.
        out.push_str(text.get(run_start..at).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
        run_start = at + 1;
    }
    out.push_str(text.get(run_start..).unwrap_or_default());
    out.push('"');
}

#[cfg(test)]
mod tests {
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut texts: Vec<String> = (0u32..0x80)
            .chain([0x7f, 0x80, 0xa0, 0x2028, 0xfffd, 0x1f600])
            .filter_map(char::from_u32)
            .map(|c| format!("a{c}b{c}"))
            .collect();
        texts.extend(["".into(), "plain".into(), "\"\\\u{1b}[31mé\r\n".into()]);
        for text in texts {
            let mut ours = String::new();
            super::push_string(&mut ours, &text);
            assert_eq!(ours, serde_json::to_string(&text).unwrap(), "{text:?}");
        }
    }
}

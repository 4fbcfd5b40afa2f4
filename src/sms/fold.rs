//! Folding the look-alikes that word processors and phones insert, which
//! silently turn a GSM-7 text into UCS-2 and can double its parts, back into
//! their GSM-7 twins. Only on request (`--fold-to-gsm`): the text is never
//! changed unasked.
//!
//! Exactly these, and nothing else:
//! - `‘` `’` (U+2018, U+2019) to `'`
//! - `“` `”` (U+201C, U+201D) to `"`
//! - `–` `—` (U+2013, U+2014) to `-`
//! - `…` (U+2026) to `...`
//! - the no-break space (U+00A0) to a space

/// The GSM-7 replacement for a look-alike, or `None` to keep the character.
fn twin(c: char) -> Option<&'static str> {
    match c {
        '\u{2018}' | '\u{2019}' => Some("'"),
        '\u{201c}' | '\u{201d}' => Some("\""),
        '\u{2013}' | '\u{2014}' => Some("-"),
        '\u{2026}' => Some("..."),
        '\u{a0}' => Some(" "),
        _ => None,
    }
}

/// Returns the folded text and how many characters were replaced (an
/// ellipsis counts once).
pub fn fold_to_gsm(text: &str) -> (String, usize) {
    let mut folded = String::with_capacity(text.len());
    let replaced = fold_to_gsm_into(text, &mut folded);
    (folded, replaced)
}

/// As `fold_to_gsm`, writing into `out` (its contents are replaced) so that a
/// bulk run can reuse one buffer.
pub fn fold_to_gsm_into(text: &str, out: &mut String) -> usize {
    out.clear();
    let mut replaced = 0;
    // Unchanged runs are copied whole.
    let mut run_start = 0;
    for (at, c) in text.char_indices() {
        // Every look-alike is outside ASCII.
        if c.is_ascii() {
            continue;
        }
        if let Some(twin) = twin(c) {
            out.push_str(&text[run_start..at]);
            out.push_str(twin);
            run_start = at + c.len_utf8();
            replaced += 1;
        }
    }
    out.push_str(&text[run_start..]);
    replaced
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sms::segments::{Encoding, count};

    #[test]
    fn each_look_alike_has_its_twin() {
        assert_eq!(fold_to_gsm("‘a’"), ("'a'".to_owned(), 2));
        assert_eq!(fold_to_gsm("“a”"), ("\"a\"".to_owned(), 2));
        assert_eq!(fold_to_gsm("a–b—c"), ("a-b-c".to_owned(), 2));
        assert_eq!(fold_to_gsm("wait…"), ("wait...".to_owned(), 1));
        assert_eq!(fold_to_gsm("10\u{a0}km"), ("10 km".to_owned(), 1));
    }

    #[test]
    fn a_typical_text_becomes_gsm7() {
        let text = "It’s “done” – see you at 10\u{a0}am…";
        assert_eq!(count(text).encoding, Encoding::Ucs2);
        let (folded, replaced) = fold_to_gsm(text);
        assert_eq!(folded, "It's \"done\" - see you at 10 am...");
        assert_eq!(replaced, 6);
        assert_eq!(count(&folded).encoding, Encoding::Gsm7);
    }

    #[test]
    fn nothing_else_changes() {
        let text =
            "Grüße, ça va? ‚low‛ „low‟ «guillemets» ‹x› ‐‑‒― \u{202f} \u{2009} 😀 ж € \r\n\t";
        let (folded, replaced) = fold_to_gsm(text);
        assert_eq!(folded, text);
        assert_eq!(replaced, 0);
        assert_eq!(fold_to_gsm(""), (String::new(), 0));
    }

    #[test]
    fn buffer_is_reused_and_replaced() {
        let mut buffer = String::from("old contents");
        assert_eq!(fold_to_gsm_into("x’y", &mut buffer), 1);
        assert_eq!(buffer, "x'y");
        assert_eq!(fold_to_gsm_into("plain", &mut buffer), 0);
        assert_eq!(buffer, "plain");
    }
}

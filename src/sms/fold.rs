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
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        // Every look-alike's UTF-8 starts with one of these two lead bytes,
        // so only they need a look: a scan of bytes, not a decode of chars.
        if byte != LEAD_OF_NO_BREAK_SPACE && byte != LEAD_OF_PUNCTUATION {
            continue;
        }
        let c = text[at..]
            .chars()
            .next()
            .expect("a lead byte starts a char");
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

/// The first UTF-8 byte of U+00A0.
const LEAD_OF_NO_BREAK_SPACE: u8 = 0xc2;
/// The first UTF-8 byte of U+2000 to U+2FFF: the quotes, dashes and ellipsis.
const LEAD_OF_PUNCTUATION: u8 = 0xe2;

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
    fn every_look_alike_starts_with_a_scanned_lead_byte() {
        let mut utf8 = [0; 4];
        let look_alikes: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| twin(*c).is_some())
            .collect();
        assert_eq!(look_alikes.len(), 8);
        for c in look_alikes {
            let lead = c.encode_utf8(&mut utf8).as_bytes()[0];
            assert!(
                lead == LEAD_OF_NO_BREAK_SPACE || lead == LEAD_OF_PUNCTUATION,
                "{c:?}"
            );
        }
    }

    #[test]
    fn folding_matches_the_table_for_every_character_with_a_scanned_lead_byte() {
        // U+0080 to U+00BF and U+2000 to U+2FFF: every character the scan
        // stops at. Anything else is copied untouched by construction.
        let mut out = String::new();
        for c in (0x80..=0xBFu32)
            .chain(0x2000..=0x2FFF)
            .filter_map(char::from_u32)
        {
            let text = format!("a{c}b");
            let replaced = fold_to_gsm_into(&text, &mut out);
            match twin(c) {
                Some(twin) => {
                    assert_eq!(out, format!("a{twin}b"), "{c:?}");
                    assert_eq!(replaced, 1, "{c:?}");
                }
                None => assert_eq!((out.as_str(), replaced), (text.as_str(), 0), "{c:?}"),
            }
        }
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

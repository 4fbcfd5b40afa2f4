//! Property tests of the SMS rules: part counting against the independent
//! model in `crate::fuzzing` (written from API.md, not from `segments`),
//! number normalisation, and templates rendered then parsed.

use super::number::{normalise, normalise_any};
use super::segments::{Encoding, count};
use super::template::Template;
use crate::fuzzing::{ReferenceParts, reference_parts};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Characters of every width and both encodings, weighted so that texts
/// often stay GSM-7: the default alphabet, the extension table, BMP and
/// astral characters, a combining accent.
fn sms_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::sample::select(vec!['a', 'Z', '0', ' ', '\n', '\r', '@', 'é', 'Δ', '£']),
        3 => prop::sample::select(vec!['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\u{c}']),
        1 => prop::sample::select(vec!['`', '\t', 'ж', '’', 'ç', '\u{301}', '😀', '𝄞']),
        1 => any::<char>(),
    ]
}

/// Texts around every interesting length: one part, the limit, several parts.
fn sms_text() -> impl Strategy<Value = String> {
    prop::collection::vec(sms_char(), 0..500).prop_map(|chars| chars.into_iter().collect())
}

fn counted(text: &str) -> ReferenceParts {
    let s = count(text);
    ReferenceParts {
        gsm7: s.encoding == Encoding::Gsm7,
        characters: s.characters,
        units: s.units,
        parts: s.parts,
        left: s.left,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn parts_agree_with_the_reference_model(text in sms_text()) {
        prop_assert_eq!(counted(&text), reference_parts(&text));
    }

    /// Only GSM-7 (no extension) or only BMP UCS-2: the part count is the
    /// plain division, 160/153 and 70/67.
    #[test]
    fn parts_of_one_unit_characters_divide_evenly(
        length in 0usize..700,
        ucs2 in any::<bool>(),
    ) {
        let text: String = if ucs2 { "ж".repeat(length) } else { "a".repeat(length) };
        let (single, multi) = if ucs2 { (70, 67) } else { (160, 153) };
        let parts = if length <= single { 1 } else { length.div_ceil(multi) };
        let s = count(&text);
        prop_assert_eq!(s.parts, parts);
        prop_assert_eq!(s.units, length);
        prop_assert_eq!(s.encoding == Encoding::Ucs2, ucs2 && length > 0);
    }

    #[test]
    fn a_two_unit_character_never_straddles_parts(prefix in 0usize..400, euro in any::<bool>()) {
        // A two-unit character right after `prefix` one-unit characters.
        let (one, two, multi) = if euro { ("a", "€", 153) } else { ("ж", "😀", 67) };
        let text = format!("{}{two}", one.repeat(prefix));
        let reference = reference_parts(&text);
        let s = count(&text);
        prop_assert_eq!(s.parts, reference.parts);
        if prefix + 2 > if euro { 160 } else { 70 } && prefix % multi == multi - 1 {
            // One unit free at the end of a part: the pair starts the next.
            prop_assert_eq!(s.left, multi - 2);
        }
    }
}

/// Phone numbers as people write them: a `+` or `00`, a country code, maybe
/// a trunk `(0)`, digit groups between punctuation; or any mix of those
/// characters and a few that are refused.
fn written_number() -> impl Strategy<Value = String> {
    let separator = prop::sample::select(vec!["", " ", "-", ".", "\u{a0}", "\u{202f}", "\t"]);
    let structured = (
        prop::sample::select(vec!["", "+", "00", "0", "+0"]),
        "[1-9][0-9]{0,2}",
        prop::sample::select(vec!["", " (0)", "(0)", " (0) (0)"]),
        prop::collection::vec(("[0-9]{1,5}", separator), 1..5),
    )
        .prop_map(|(prefix, country, trunk, groups)| {
            let mut text = format!("{prefix}{country}{trunk}");
            for (digits, sep) in groups {
                text.push_str(sep);
                text.push_str(&digits);
            }
            text
        });
    let chars = prop::sample::select(vec![
        '0', '1', '4', '7', '9', '+', ' ', '.', '-', '(', ')', '\u{a0}', 'e', 'a', '٣',
    ]);
    let scrambled = prop::collection::vec(chars, 0..24).prop_map(String::from_iter);
    prop_oneof![3 => structured, 1 => scrambled, 1 => any::<String>()]
}

/// Whether `small`'s characters appear in `big` in order.
fn is_subsequence(small: &str, big: &str) -> bool {
    let mut big = big.chars();
    small.chars().all(|c| big.any(|b| b == c))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn normalising_is_idempotent_and_keeps_only_input_digits(input in written_number()) {
        if let Ok(msisdn) = normalise(&input) {
            let digits = msisdn.as_str();
            prop_assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{digits}");
            prop_assert!((8..=15).contains(&digits.len()), "{digits}");
            prop_assert!(!digits.starts_with('0'), "{digits}");
            let input_digits: String = input.chars().filter(char::is_ascii_digit).collect();
            prop_assert!(is_subsequence(digits, &input_digits), "{digits} from {input:?}");
            prop_assert_eq!(normalise(digits).ok(), Some(msisdn));
            prop_assert_eq!(normalise(&format!("+{digits}")).ok(), Some(msisdn));
        }
    }
}

/// A piece of a template: literal text (no `{`, which could open a
/// placeholder) or a placeholder, padded with spaces inside its braces.
#[derive(Debug, Clone)]
enum Piece {
    Literal(String),
    Value { name: String, pad: (usize, usize) },
}

fn piece() -> impl Strategy<Value = Piece> {
    let literal_char = prop_oneof![
        8 => prop::sample::select(vec!['a', ' ', '}', '€', '😀', '\n', '$']),
        1 => any::<char>().prop_filter("no {", |c| *c != '{'),
    ];
    prop_oneof![
        prop::collection::vec(literal_char, 1..12)
            .prop_map(|chars| Piece::Literal(chars.into_iter().collect())),
        ("[a-c]([a-c _]{0,3}[a-c])?", 0usize..3, 0usize..3).prop_map(|(name, before, after)| {
            Piece::Value {
                name,
                pad: (before, after),
            }
        }),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn templates_render_then_parse(
        pieces in prop::collection::vec(piece(), 0..8),
        values in prop::collection::vec(any::<String>(), 6),
    ) {
        let mut source = String::new();
        let mut names: Vec<String> = Vec::new();
        let mut want = String::new();
        for piece in &pieces {
            match piece {
                Piece::Literal(text) => {
                    source.push_str(text);
                    want.push_str(text);
                }
                Piece::Value { name, pad: (before, after) } => {
                    let before = " ".repeat(*before);
                    let after = " ".repeat(*after);
                    source.push_str(&format!("{{{{{before}{name}{after}}}}}"));
                    let index = names.iter().position(|n| n == name).unwrap_or_else(|| {
                        names.push(name.clone());
                        names.len() - 1
                    });
                    want.push_str(&values[index % values.len()]);
                }
            }
        }
        let template = Template::parse(&source).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(template.names(), names.as_slice());
        prop_assert_eq!(template.names().is_empty(), names.is_empty());
        prop_assert_eq!(template.source(), source.as_str());
        let row: Vec<&str> = (0..names.len()).map(|i| values[i % values.len()].as_str()).collect();
        let mut out = String::new();
        template.render(&row, &mut out);
        prop_assert_eq!(&out, &want);
        // A rendered text with no placeholder in it is its own template.
        if !out.contains("{{") {
            let again = Template::parse(&out).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(again.names().is_empty());
            let mut twice = String::new();
            again.render(&[], &mut twice);
            prop_assert_eq!(twice, out);
        }
    }

    #[test]
    fn the_plain_digits_short_cut_agrees_with_the_general_rules(
        input in "[+]?[0-9]{0,17}|[+0-9 .()e]{0,18}",
    ) {
        prop_assert_eq!(normalise(&input), normalise_any(&input), "{:?}", input);
    }
}

//! How many parts (billed SMS) a text takes, exactly as the network splits it.
//!
//! - GSM-7 when every character is in the GSM 03.38 default alphabet or its
//!   extension table. One septet per character, two for the extension
//!   characters `^ { } \ [ ~ ] | €` and form feed (an escape, then the
//!   character). 160 septets fit one part; a longer text goes in parts of 153.
//! - UCS-2 otherwise. UTF-16 code units: one per character of the Basic
//!   Multilingual Plane, two (a surrogate pair) beyond it, as for most emoji.
//!   70 units fit one part; a longer text goes in parts of 67.
//!
//! A part never ends between the two septets of an escape or the two units of
//! a surrogate pair: such a character moves whole to the next part, leaving a
//! unit unused. So parts are counted by packing characters one at a time, and
//! can be one more than the units divided by the part size.
//!
//! An empty text is one part with everything left: a message is at least one
//! SMS. (Callers refuse empty texts before this matters.)

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

impl Encoding {
    /// Units (septets or UTF-16 units) that fit a message of one part.
    pub fn single_part_units(self) -> usize {
        match self {
            Encoding::Gsm7 => 160,
            Encoding::Ucs2 => 70,
        }
    }

    /// Units in each part of a message of several parts (the rest of the
    /// 140 bytes holds the header that joins the parts).
    pub fn multipart_units(self) -> usize {
        match self {
            Encoding::Gsm7 => 153,
            Encoding::Ucs2 => 67,
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Gsm7 => "GSM-7",
            Encoding::Ucs2 => "UCS-2",
        })
    }
}

/// The first character of a text that is not GSM-7, and so made it UCS-2.
///
/// Displays as the line a user reads, e.g. `UCS-2 because of '’' (U+2019) at 14`.
/// A character that would not show (a combining accent, a control or
/// invisible character) is written as its escape: `'\u{301}'`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ucs2Trigger {
    pub character: char,
    /// 1-based, counted in characters (Unicode scalar values).
    pub position: usize,
}

impl fmt::Display for Ucs2Trigger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "UCS-2 because of '{}' (U+{:04X}) at {}",
            super::Visible(self.character),
            u32::from(self.character),
            self.position
        )
    }
}

/// What a text costs to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segments {
    pub encoding: Encoding,
    /// Unicode scalar values, as a user counts characters (an accent written
    /// as a separate combining character counts separately).
    pub characters: usize,
    /// Septets (GSM-7) or UTF-16 code units (UCS-2).
    pub units: usize,
    pub parts: usize,
    /// Units still free in the last part.
    pub left: usize,
    /// Set exactly when the encoding is UCS-2.
    pub trigger: Option<Ucs2Trigger>,
}

/// Septets per ASCII character: 1 in the default alphabet, 2 in the extension
/// table, 0 when not GSM-7 at all (backquote, tab and other controls).
const ASCII_SEPTETS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = b' ';
    while b < 0x7f {
        table[b as usize] = 1;
        b += 1;
    }
    table[b'\n' as usize] = 1;
    table[b'\r' as usize] = 1;
    table[b'`' as usize] = 0;
    let extension = b"^{}\\[~]|\x0c";
    let mut i = 0;
    while i < extension.len() {
        table[extension[i] as usize] = 2;
        i += 1;
    }
    table
};

/// Septets a character takes in GSM-7, or `None` when GSM-7 cannot carry it.
pub fn gsm7_septets(c: char) -> Option<usize> {
    if c.is_ascii() {
        return match ASCII_SEPTETS[c as usize] {
            0 => None,
            n => Some(usize::from(n)),
        };
    }
    match c {
        // The non-ASCII characters of the GSM 03.38 default alphabet.
        '£' | '¥' | 'è' | 'é' | 'ù' | 'ì' | 'ò' | 'Ç' | 'Ø' | 'ø' | 'Å' | 'å' | 'Δ' | 'Φ' | 'Γ'
        | 'Λ' | 'Ω' | 'Π' | 'Ψ' | 'Σ' | 'Θ' | 'Ξ' | 'Æ' | 'æ' | 'ß' | 'É' | '¤' | '¡' | 'Ä'
        | 'Ö' | 'Ñ' | 'Ü' | '§' | '¿' | 'ä' | 'ö' | 'ñ' | 'ü' | 'à' => Some(1),
        // The one non-ASCII character of the extension table.
        '€' => Some(2),
        _ => None,
    }
}

/// Counts the parts of a text. Does not allocate; reads a GSM-7 text once and
/// a UCS-2 text at most twice, and a third time only when it is long and has
/// characters of two units.
pub fn count(text: &str) -> Segments {
    let bytes = text.as_bytes();
    if let Some(septets) = ascii_septets(bytes) {
        // Every character is one byte, and GSM-7.
        let has_escapes = septets > bytes.len();
        return gsm7_segments(text, bytes.len(), septets, has_escapes);
    }
    let mut septets = 0usize;
    let mut characters = 0usize;
    let mut has_escapes = false;
    let mut i = 0;
    while i < bytes.len() {
        // The common case first: a run of ASCII that GSM-7 carries.
        let run_start = i;
        while let Some(&b) = bytes.get(i) {
            let width = ASCII_SEPTETS[usize::from(b & 0x7f)];
            if b >= 0x80 || width == 0 {
                break;
            }
            septets += usize::from(width);
            has_escapes |= width == 2;
            i += 1;
        }
        characters += i - run_start;
        if i == bytes.len() {
            break;
        }
        let character = text[i..]
            .chars()
            .next()
            .expect("the loop stops only at char boundaries");
        characters += 1;
        let Some(width) = gsm7_septets(character) else {
            let trigger = Ucs2Trigger {
                character,
                position: characters,
            };
            return count_ucs2(text, trigger);
        };
        septets += width;
        has_escapes |= width == 2;
        i += character.len_utf8();
    }
    gsm7_segments(text, characters, septets, has_escapes)
}

/// The septets of an all-ASCII text that GSM-7 carries whole, summed without
/// a branch a byte; `None` for any other text.
fn ascii_septets(bytes: &[u8]) -> Option<usize> {
    if !bytes.is_ascii() {
        return None;
    }
    let mut septets = 0usize;
    let mut missing = false;
    for &b in bytes {
        let width = ASCII_SEPTETS[usize::from(b & 0x7f)];
        septets += usize::from(width);
        missing |= width == 0;
    }
    (!missing).then_some(septets)
}

/// The parts of a text GSM-7 carries, from its counts.
fn gsm7_segments(text: &str, characters: usize, septets: usize, has_escapes: bool) -> Segments {
    let (parts, left) = split(Encoding::Gsm7, septets, has_escapes, |part| {
        // Every character is GSM-7 by now: the `1` is never used.
        pack(part, text.chars().map(|c| gsm7_septets(c).unwrap_or(1)))
    });
    Segments {
        encoding: Encoding::Gsm7,
        characters,
        units: septets,
        parts,
        left,
        trigger: None,
    }
}

fn count_ucs2(text: &str, trigger: Ucs2Trigger) -> Segments {
    let mut units = 0usize;
    let mut characters = 0usize;
    let mut has_pairs = false;
    for c in text.chars() {
        let width = c.len_utf16();
        characters += 1;
        units += width;
        has_pairs |= width == 2;
    }
    let (parts, left) = split(Encoding::Ucs2, units, has_pairs, |part| {
        pack(part, text.chars().map(char::len_utf16))
    });
    Segments {
        encoding: Encoding::Ucs2,
        characters,
        units,
        parts,
        left,
        trigger: Some(trigger),
    }
}

/// Parts and units left in the last part. Only a long text with characters of
/// two units needs packing; otherwise every part is full but the last.
fn split(
    encoding: Encoding,
    units: usize,
    has_double_units: bool,
    pack: impl FnOnce(usize) -> (usize, usize),
) -> (usize, usize) {
    let single = encoding.single_part_units();
    let part = encoding.multipart_units();
    if units <= single {
        (1, single - units)
    } else if has_double_units {
        let (parts, used_in_last) = pack(part);
        (parts, part - used_in_last)
    } else {
        let parts = units.div_ceil(part);
        (parts, parts * part - units)
    }
}

/// Packs characters of the given widths into parts of the multipart size one
/// at a time, so that a character of two units never straddles two parts.
/// Returns the parts and the units used in the last one.
fn pack(part: usize, widths: impl Iterator<Item = usize>) -> (usize, usize) {
    let mut parts = 1;
    let mut used = 0;
    for width in widths {
        if used + width > part {
            parts += 1;
            used = width;
        } else {
            used += width;
        }
    }
    (parts, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The GSM 03.38 default alphabet in table order, ESC (0x1B) left out.
    const DEFAULT_ALPHABET: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
        ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    fn segments(
        encoding: Encoding,
        characters: usize,
        units: usize,
        parts: usize,
        left: usize,
    ) -> (Encoding, usize, usize, usize, usize) {
        (encoding, characters, units, parts, left)
    }

    fn counted(text: &str) -> (Encoding, usize, usize, usize, usize) {
        let s = count(text);
        assert_eq!(s.trigger.is_some(), s.encoding == Encoding::Ucs2, "{s:?}");
        (s.encoding, s.characters, s.units, s.parts, s.left)
    }

    #[test]
    fn default_alphabet_is_exactly_127_characters_of_one_septet() {
        assert_eq!(DEFAULT_ALPHABET.chars().count(), 127);
        for c in DEFAULT_ALPHABET.chars() {
            assert_eq!(gsm7_septets(c), Some(1), "{c:?}");
        }
        let all_one: Vec<char> = (0..=0x2FFFu32)
            .filter_map(char::from_u32)
            .filter(|c| gsm7_septets(*c) == Some(1))
            .collect();
        assert_eq!(all_one.len(), 127);
        assert_eq!(
            counted(DEFAULT_ALPHABET),
            segments(Encoding::Gsm7, 127, 127, 1, 33)
        );
    }

    #[test]
    fn extension_table_takes_two_septets() {
        for c in "^{}\\[~]|€\u{c}".chars() {
            assert_eq!(gsm7_septets(c), Some(2), "{c:?}");
        }
        let all_two = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| gsm7_septets(*c) == Some(2))
            .count();
        assert_eq!(all_two, 10);
    }

    #[test]
    fn look_alikes_are_not_gsm7() {
        for c in [
            '`', '\t', '\u{1b}', '\0', 'ç', 'á', '’', '“', '–', '…', '\u{a0}', '\u{301}',
        ] {
            assert_eq!(gsm7_septets(c), None, "{c:?}");
        }
        assert_eq!(gsm7_septets('\u{2126}'), None, "Ohm sign");
        assert_eq!(gsm7_septets('\u{212b}'), None, "Angstrom sign");
        assert_eq!(gsm7_septets('\u{3a9}'), Some(1), "Greek capital omega");
    }

    #[test]
    fn gsm7_one_part_holds_160() {
        assert_eq!(
            counted(&"a".repeat(160)),
            segments(Encoding::Gsm7, 160, 160, 1, 0)
        );
        assert_eq!(
            counted(&"a".repeat(159)),
            segments(Encoding::Gsm7, 159, 159, 1, 1)
        );
    }

    #[test]
    fn gsm7_161_takes_two_parts_of_153() {
        assert_eq!(
            counted(&"a".repeat(161)),
            segments(Encoding::Gsm7, 161, 161, 2, 145)
        );
        assert_eq!(
            counted(&"a".repeat(306)),
            segments(Encoding::Gsm7, 306, 306, 2, 0)
        );
        assert_eq!(
            counted(&"a".repeat(307)),
            segments(Encoding::Gsm7, 307, 307, 3, 152)
        );
    }

    #[test]
    fn extension_character_at_a_part_boundary_moves_to_the_next_part() {
        // 152 + 2 does not fit a part of 153: the € starts part 2.
        let text = format!("{}€{}", "a".repeat(152), "a".repeat(10));
        assert_eq!(counted(&text), segments(Encoding::Gsm7, 163, 164, 2, 141));
        // 306 septets would be two full parts, but the € wastes the last
        // septet of part 1, so the final 'a' needs a third part.
        let text = format!("{}€{}", "a".repeat(152), "a".repeat(152));
        assert_eq!(counted(&text), segments(Encoding::Gsm7, 305, 306, 3, 152));
        // 151 + 2 fits exactly.
        let text = format!("{}€{}", "a".repeat(151), "a".repeat(153));
        assert_eq!(counted(&text), segments(Encoding::Gsm7, 305, 306, 2, 0));
    }

    #[test]
    fn extension_characters_count_two_in_a_single_part() {
        let text = format!("{}€", "a".repeat(158));
        assert_eq!(counted(&text), segments(Encoding::Gsm7, 159, 160, 1, 0));
        let text = format!("{}€", "a".repeat(159));
        assert_eq!(counted(&text), segments(Encoding::Gsm7, 160, 161, 2, 145));
        assert_eq!(counted("{[x]}"), segments(Encoding::Gsm7, 5, 9, 1, 151));
    }

    #[test]
    fn all_euro_signs() {
        assert_eq!(
            counted(&"€".repeat(80)),
            segments(Encoding::Gsm7, 80, 160, 1, 0)
        );
        // 76 € fill 152 of a part's 153 septets; the 77th starts part 2.
        assert_eq!(
            counted(&"€".repeat(81)),
            segments(Encoding::Gsm7, 81, 162, 2, 143)
        );
        assert_eq!(
            counted(&"€".repeat(152)),
            segments(Encoding::Gsm7, 152, 304, 2, 1)
        );
        assert_eq!(
            counted(&"€".repeat(153)),
            segments(Encoding::Gsm7, 153, 306, 3, 151)
        );
    }

    #[test]
    fn crlf_line_ends_are_two_characters() {
        assert_eq!(counted("a\r\nb"), segments(Encoding::Gsm7, 4, 4, 1, 156));
        let text = "x\r\n".repeat(53) + "x";
        assert_eq!(counted(&text), segments(Encoding::Gsm7, 160, 160, 1, 0));
        let text = "x\r\n".repeat(54);
        assert_eq!(counted(&text), segments(Encoding::Gsm7, 162, 162, 2, 144));
    }

    #[test]
    fn ucs2_one_part_holds_70_units() {
        assert_eq!(
            counted(&"ж".repeat(70)),
            segments(Encoding::Ucs2, 70, 70, 1, 0)
        );
        assert_eq!(
            counted(&"😀".repeat(35)),
            segments(Encoding::Ucs2, 35, 70, 1, 0)
        );
    }

    #[test]
    fn ucs2_71_units_take_two_parts_of_67() {
        assert_eq!(
            counted(&"ж".repeat(71)),
            segments(Encoding::Ucs2, 71, 71, 2, 63)
        );
        assert_eq!(
            counted(&"ж".repeat(134)),
            segments(Encoding::Ucs2, 134, 134, 2, 0)
        );
        assert_eq!(
            counted(&"ж".repeat(135)),
            segments(Encoding::Ucs2, 135, 135, 3, 66)
        );
        let text = format!("{}😀", "a".repeat(69));
        assert_eq!(counted(&text), segments(Encoding::Ucs2, 70, 71, 2, 63));
    }

    #[test]
    fn emoji_at_a_part_boundary_moves_to_the_next_part() {
        // 66 + 2 does not fit a part of 67: the surrogate pair starts part 2.
        let text = format!("{}😀{}", "a".repeat(66), "a".repeat(10));
        assert_eq!(counted(&text), segments(Encoding::Ucs2, 77, 78, 2, 55));
        // 134 units would be two full parts; the wasted unit makes three.
        let text = format!("{}😀{}", "a".repeat(66), "a".repeat(66));
        assert_eq!(counted(&text), segments(Encoding::Ucs2, 133, 134, 3, 66));
        // 33 emoji fill 66 of 67 units; the 34th starts part 2.
        assert_eq!(
            counted(&"😀".repeat(36)),
            segments(Encoding::Ucs2, 36, 72, 2, 61)
        );
    }

    #[test]
    fn decomposed_accent_forces_ucs2() {
        let s = count("e\u{301}");
        assert_eq!(
            (s.encoding, s.characters, s.units, s.parts, s.left),
            segments(Encoding::Ucs2, 2, 2, 1, 68)
        );
        let trigger = s.trigger.expect("UCS-2 names its trigger");
        assert_eq!(
            trigger,
            Ucs2Trigger {
                character: '\u{301}',
                position: 2
            }
        );
        assert_eq!(
            trigger.to_string(),
            "UCS-2 because of '\\u{301}' (U+0301) at 2"
        );
        // The composed form is GSM-7.
        assert_eq!(counted("\u{e9}"), segments(Encoding::Gsm7, 1, 1, 1, 159));
    }

    #[test]
    fn trigger_is_the_first_non_gsm_character() {
        let s = count("1234567890123’s “quoted”");
        assert_eq!(s.encoding, Encoding::Ucs2);
        assert_eq!(
            s.trigger.unwrap().to_string(),
            "UCS-2 because of '’' (U+2019) at 14"
        );
        let s = count("€€é😀ж");
        assert_eq!(
            s.trigger,
            Some(Ucs2Trigger {
                character: '😀',
                position: 4
            })
        );
        assert_eq!(
            s.trigger.unwrap().to_string(),
            "UCS-2 because of '😀' (U+1F600) at 4"
        );
        // In UCS-2, € is one unit like any other BMP character.
        assert_eq!((s.characters, s.units, s.left), (5, 6, 64));
        let s = count("no\u{a0}break");
        assert_eq!(
            s.trigger.unwrap().to_string(),
            "UCS-2 because of '\\u{a0}' (U+00A0) at 3"
        );
        let s = count("tab\there");
        assert_eq!(
            s.trigger.unwrap().to_string(),
            "UCS-2 because of '\\t' (U+0009) at 4"
        );
    }

    #[test]
    fn empty_text_is_one_empty_part() {
        let s = count("");
        assert_eq!(
            s,
            Segments {
                encoding: Encoding::Gsm7,
                characters: 0,
                units: 0,
                parts: 1,
                left: 160,
                trigger: None
            }
        );
    }

    #[test]
    fn encoding_names() {
        assert_eq!(Encoding::Gsm7.to_string(), "GSM-7");
        assert_eq!(Encoding::Ucs2.to_string(), "UCS-2");
    }
}

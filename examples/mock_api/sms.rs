//! Message parts, as Mobivate bills them: GSM-7 when every character is in
//! the GSM 03.38 default alphabet (160 septets in one part, 153 per part
//! when split, extension characters count two), else UCS-2 (70 UTF-16 units,
//! 67 per part). A split never cuts an escape pair or a surrogate pair.

/// Septets per ASCII character: 0 not in GSM-7, 1 basic, 2 extension table.
const ASCII_SEPTETS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut c = b' ';
    while c <= b'~' {
        table[c as usize] = 1;
        c += 1;
    }
    table[b'\n' as usize] = 1;
    table[b'\r' as usize] = 1;
    // Not in the basic table: '`' is absent, '$' and '@' are present.
    table[b'`' as usize] = 0;
    let extension = b"^{}\\[~]|\x0c";
    let mut i = 0;
    while i < extension.len() {
        table[extension[i] as usize] = 2;
        i += 1;
    }
    table
};

fn gsm_septets(c: char) -> u8 {
    if c.is_ascii() {
        return ASCII_SEPTETS[c as usize];
    }
    match c {
        '£' | '¥' | 'è' | 'é' | 'ù' | 'ì' | 'ò' | 'Ç' | 'Ø' | 'ø' | 'Å' | 'å' | 'Δ' | 'Φ' | 'Γ'
        | 'Λ' | 'Ω' | 'Π' | 'Ψ' | 'Σ' | 'Θ' | 'Ξ' | 'Æ' | 'æ' | 'ß' | 'É' | '¤' | '¡' | 'Ä'
        | 'Ö' | 'Ñ' | 'Ü' | '§' | '¿' | 'ä' | 'ö' | 'ñ' | 'ü' | 'à' => 1,
        '€' => 2,
        _ => 0,
    }
}

pub fn parts(text: &str) -> u16 {
    let count = if text.is_ascii() {
        let septets = text
            .bytes()
            .map(|b| usize::from(ASCII_SEPTETS[usize::from(b)]));
        if septets.clone().all(|width| width != 0) {
            split_count(septets, 160, 153)
        } else {
            split_count(text.bytes().map(|_| 1), 70, 67)
        }
    } else if text.chars().all(|c| gsm_septets(c) != 0) {
        split_count(text.chars().map(|c| usize::from(gsm_septets(c))), 160, 153)
    } else {
        split_count(text.chars().map(char::len_utf16), 70, 67)
    };
    u16::try_from(count).unwrap_or(u16::MAX)
}

/// Parts for characters of the given widths: one if they all fit in
/// `single`, else greedy parts of at most `per_part`, never splitting a
/// character.
fn split_count(
    widths: impl Iterator<Item = usize> + Clone,
    single: usize,
    per_part: usize,
) -> usize {
    if widths.clone().sum::<usize>() <= single {
        return 1;
    }
    let (mut parts, mut used) = (1, 0);
    for width in widths {
        if used + width > per_part {
            parts += 1;
            used = 0;
        }
        used += width;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::parts;

    #[test]
    fn gsm_and_ucs2_parts() {
        assert_eq!(parts("hello"), 1);
        assert_eq!(parts(&"a".repeat(160)), 1);
        assert_eq!(parts(&"a".repeat(161)), 2);
        assert_eq!(parts(&"a".repeat(306)), 2);
        assert_eq!(parts(&"a".repeat(307)), 3);
        // Extension characters count two, and a pair is never cut.
        assert_eq!(parts(&"€".repeat(80)), 1);
        assert_eq!(parts(&"€".repeat(81)), 2);
        assert_eq!(parts(&format!("{}{}", "a".repeat(152), "{")), 1);
        assert_eq!(parts(&format!("{}{}", "a".repeat(152), "{".repeat(5))), 2);
        assert_eq!(parts(&format!("{}{}", "a".repeat(159), "{")), 2);
        // UCS-2: 70 units, then 67 per part; emoji take two units.
        assert_eq!(parts(&"ж".repeat(70)), 1);
        assert_eq!(parts(&"ж".repeat(71)), 2);
        assert_eq!(parts(&"😀".repeat(35)), 1);
        assert_eq!(parts(&"😀".repeat(36)), 2);
        assert_eq!(parts(&format!("{}{}", "a".repeat(66), "😀".repeat(3))), 2);
        // A backquote is not GSM-7.
        assert_eq!(parts(&format!("`{}", "a".repeat(100))), 2);
        assert_eq!(parts("Grüße aus Köln"), 1);
    }
}

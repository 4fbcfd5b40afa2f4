//! How a text's part count is shown: by `segments`, and by `send` under `-v`
//! and `--dry-run`.

use crate::sms::segments::Segments;
use serde_json::json;

/// The readable summary, one fact per line, each ending in a newline.
pub fn text(segments: &Segments) -> String {
    let mut out = format!(
        "encoding: {}\ncharacters: {}\nparts: {}\nleft in last part: {}\n",
        segments.encoding, segments.characters, segments.parts, segments.left
    );
    if let Some(trigger) = segments.trigger {
        out.push_str(&format!("{trigger}\n"));
    }
    out
}

/// The same facts as one JSON document (with a newline).
pub fn json(segments: &Segments) -> String {
    let trigger = segments.trigger.map(|trigger| {
        json!({
            "character": trigger.character.to_string(),
            "codePoint": format!("U+{:04X}", u32::from(trigger.character)),
            "position": trigger.position,
        })
    });
    let document = json!({
        "encoding": segments.encoding.to_string(),
        "characters": segments.characters,
        "units": segments.units,
        "parts": segments.parts,
        "left": segments.left,
        "ucs2Trigger": trigger,
    });
    format!("{document}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sms::segments::count;

    #[test]
    fn gsm7_summary() {
        assert_eq!(
            text(&count("Hello")),
            "encoding: GSM-7\ncharacters: 5\nparts: 1\nleft in last part: 155\n"
        );
        assert_eq!(
            json(&count("Hello")),
            "{\"encoding\":\"GSM-7\",\"characters\":5,\"units\":5,\"parts\":1,\"left\":155,\"ucs2Trigger\":null}\n"
        );
    }

    #[test]
    fn ucs2_summary_names_the_trigger() {
        let segments = count("It\u{2019}s");
        assert_eq!(
            text(&segments),
            "encoding: UCS-2\ncharacters: 4\nparts: 1\nleft in last part: 66\nUCS-2 because of '\u{2019}' (U+2019) at 3\n"
        );
        assert!(json(&segments).contains(
            "\"ucs2Trigger\":{\"character\":\"\u{2019}\",\"codePoint\":\"U+2019\",\"position\":3}"
        ));
    }
}

//! What a file without a wanted column is told: the columns it has, and,
//! when the header shows why, the flag that fixes it (`--delimiter ';'`,
//! `--to-column Recipient`).

use crate::bulk::reader::Format;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::sanitize::sanitize_text;

/// At most this many of the file's columns are listed.
const LISTED: usize = 12;

/// The failure for a file that lacks the column `missing`; `columns` is its
/// header (for JSON Lines, the wanted names some row has).
pub fn missing(shown: &str, missing: &str, columns: &[String], format: Format) -> Failure {
    let mut listed: Vec<String> = columns
        .iter()
        .take(LISTED)
        .map(|name| format!("`{}`", sanitize_text(name)))
        .collect();
    if columns.len() > LISTED {
        listed.push(format!("and {} more", columns.len().saturating_sub(LISTED)));
    }
    let found = if listed.is_empty() {
        "it has no columns".to_string()
    } else {
        format!("its columns: {}", listed.join(", "))
    };
    let message = format!("{shown} has no `{missing}` column; {found}");
    Failure::new(ExitCode::DataErr, message).with_hint(hint(missing, columns, format))
}

fn hint(missing: &str, columns: &[String], format: Format) -> String {
    if let Format::Csv { delimiter: b',' } = format {
        let holds = |c: char| columns.iter().any(|name| name.contains(c));
        if holds(';') {
            return "the header holds `;`: for a file separated by semicolons, pass --delimiter ';'"
                .to_string();
        }
        if holds('\t') {
            return "the header holds tabs: for a tab-separated file, pass --delimiter tab"
                .to_string();
        }
    }
    if missing == "text" {
        return "give the text with --text TEMPLATE or --text-file PATH, or add a `text` column"
            .to_string();
    }
    let near = columns
        .iter()
        .find(|name| name.trim().eq_ignore_ascii_case(missing));
    match near {
        Some(name) => format!(
            "column names are matched exactly: pass --to-column {}",
            shell_word(&sanitize_text(name))
        ),
        None => "name the recipient column with --to-column NAME".to_string(),
    }
}

/// A column name as one shell word.
fn shell_word(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint_of(columns: &[&str], delimiter: u8) -> String {
        let columns: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
        hint("recipient", &columns, Format::Csv { delimiter })
    }

    #[test]
    fn the_hint_names_the_flag_the_header_points_to() {
        assert!(hint_of(&["recipient;text"], b',').contains("--delimiter ';'"));
        assert!(hint_of(&["recipient\ttext"], b',').contains("--delimiter tab"));
        assert!(hint_of(&["Recipient", "text"], b',').ends_with("--to-column Recipient"));
        assert!(hint_of(&["Mobile Number"], b',').ends_with("--to-column NAME"));
        assert!(hint_of(&["a;b"], b';').ends_with("--to-column NAME"));
    }
}

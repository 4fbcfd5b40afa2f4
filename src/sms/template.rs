//! Message templates with `{{column}}` placeholders, for bulk sends.
//!
//! The rules:
//! - `{{name}}` is replaced by the row's value of column `name`. Spaces inside
//!   the braces are trimmed (`{{ name }}` is `name`); the name is otherwise
//!   exact and case-sensitive, and may contain inner spaces (`{{first name}}`).
//! - A `{{` with no `}}` after it, or with another `{{` before its `}}`, is an
//!   error naming the character position of that `{{`: a half-typed
//!   placeholder would otherwise go out to every recipient as it stands.
//! - A placeholder with no name (`{{ }}`), or with a brace in its name
//!   (`{{{name}}}`), is an error too.
//! - Single braces, and a `}}` with no `{{` before it, are plain text. There
//!   is no escape for a literal `{{`; SMS texts have no use for one.
//!
//! A template is parsed once; `names()` lists the columns it needs so that a
//! missing one is reported before anything is sent (`bind`), and each row is
//! rendered into a reused buffer.

use std::fmt;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// A byte range of the source.
    Literal(Range<usize>),
    /// An index into `names`.
    Value(usize),
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    source: String,
    pieces: Vec<Piece>,
    names: Vec<String>,
}

/// Why a template cannot be parsed. Positions are 1-based character positions
/// of the placeholder's `{{`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// No `}}` after this `{{`; or, when `next` is set, another `{{` (at
    /// `next`) comes before it.
    Unclosed {
        position: usize,
        next: Option<usize>,
    },
    EmptyName {
        position: usize,
    },
    BraceInName {
        position: usize,
        name: String,
    },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Unclosed {
                position,
                next: None,
            } => write!(
                f,
                "the template's '{{{{' at character {position} has no closing '}}}}'"
            ),
            TemplateError::Unclosed {
                position,
                next: Some(next),
            } => write!(
                f,
                "the template's '{{{{' at character {position} has no closing '}}}}' \
                 before the next '{{{{' at {next}"
            ),
            TemplateError::EmptyName { position } => write!(
                f,
                "the template's placeholder at character {position} names no column"
            ),
            TemplateError::BraceInName { position, name } => write!(
                f,
                "the template's placeholder at character {position} has a brace in its name {}",
                super::Quoted(name)
            ),
        }
    }
}

impl std::error::Error for TemplateError {}

/// Template placeholders that name no column of the input.
#[allow(dead_code)] // bulk's column check moves to `bind` (issue 17, bulk/plan.rs); then this goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownColumns {
    pub names: Vec<String>,
    pub columns: Vec<String>,
}

/// How many column names an error message lists before it cuts the list.
#[allow(dead_code)] // bulk's column check moves to `bind` (issue 17, bulk/plan.rs); then this goes.
const MAX_LISTED_COLUMNS: usize = 20;

impl fmt::Display for UnknownColumns {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.names.len() == 1 {
            f.write_str("the template names a column the input does not have: ")?;
        } else {
            f.write_str("the template names columns the input does not have: ")?;
        }
        for (i, name) in self.names.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str("{{")?;
            for c in name.chars() {
                write!(f, "{}", super::Visible(c))?;
            }
            f.write_str("}}")?;
        }
        f.write_str(" (columns: ")?;
        for (i, column) in self.columns.iter().enumerate() {
            if i == MAX_LISTED_COLUMNS {
                write!(f, ", and {} more", self.columns.len() - i)?;
                break;
            }
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}", super::Quoted(column))?;
        }
        if self.columns.is_empty() {
            f.write_str("none")?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for UnknownColumns {}

/// The 1-based character position of a byte offset.
fn position(source: &str, byte: usize) -> usize {
    source[..byte].chars().count() + 1
}

impl Template {
    pub fn parse(source: &str) -> Result<Template, TemplateError> {
        let mut pieces = Vec::new();
        let mut names: Vec<String> = Vec::new();
        // Where the current run of literal text starts.
        let mut literal_start = 0;
        while let Some(found) = source[literal_start..].find("{{") {
            let open = literal_start + found;
            let name_start = open + 2;
            let Some(length) = source[name_start..].find("}}") else {
                return Err(TemplateError::Unclosed {
                    position: position(source, open),
                    next: None,
                });
            };
            let close = name_start + length;
            let inside = &source[name_start..close];
            if let Some(next) = inside.find("{{") {
                return Err(TemplateError::Unclosed {
                    position: position(source, open),
                    next: Some(position(source, name_start + next)),
                });
            }
            let name = inside.trim();
            if name.is_empty() {
                return Err(TemplateError::EmptyName {
                    position: position(source, open),
                });
            }
            if name.contains(['{', '}']) {
                return Err(TemplateError::BraceInName {
                    position: position(source, open),
                    name: name.to_owned(),
                });
            }
            if open > literal_start {
                pieces.push(Piece::Literal(literal_start..open));
            }
            let index = match names.iter().position(|known| known == name) {
                Some(index) => index,
                None => {
                    names.push(name.to_owned());
                    names.len() - 1
                }
            };
            pieces.push(Piece::Value(index));
            literal_start = close + 2;
        }
        if literal_start < source.len() {
            pieces.push(Piece::Literal(literal_start..source.len()));
        }
        Ok(Template {
            source: source.to_owned(),
            pieces,
            names,
        })
    }

    /// The distinct placeholder names, in order of first use. The index of a
    /// name here is the index `render` and `render_with` use.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// Finds each placeholder's column: the returned vector gives, for each
    /// of `names()`, the index of the first column with exactly that name.
    /// Every name with no column is reported at once.
    #[allow(dead_code)] // bulk's column check moves to `bind` (issue 17, bulk/plan.rs); then this goes.
    pub fn bind<S: AsRef<str>>(&self, columns: &[S]) -> Result<Vec<usize>, UnknownColumns> {
        let mut binding = Vec::with_capacity(self.names.len());
        let mut unknown = Vec::new();
        for name in &self.names {
            match columns.iter().position(|column| column.as_ref() == name) {
                Some(index) => binding.push(index),
                None => unknown.push(name.clone()),
            }
        }
        if unknown.is_empty() {
            Ok(binding)
        } else {
            Err(UnknownColumns {
                names: unknown,
                columns: columns.iter().map(|c| c.as_ref().to_owned()).collect(),
            })
        }
    }

    /// Renders into `out`, replacing its contents. `value(index, name)` gives
    /// the value of `names()[index]`. Returns how many placeholders were
    /// replaced by an empty value, so a caller can warn about them.
    pub fn render_with<'v>(
        &self,
        mut value: impl FnMut(usize, &str) -> &'v str,
        out: &mut String,
    ) -> usize {
        out.clear();
        let mut empty = 0;
        for piece in &self.pieces {
            match piece {
                Piece::Literal(range) => out.push_str(&self.source[range.clone()]),
                Piece::Value(index) => {
                    let text = value(*index, &self.names[*index]);
                    if text.is_empty() {
                        empty += 1;
                    }
                    out.push_str(text);
                }
            }
        }
        empty
    }

    /// Renders into `out` with `values[i]` as the value of `names()[i]`;
    /// a missing value renders as empty (the fuzz target and the property
    /// tests render this way).
    pub fn render(&self, values: &[&str], out: &mut String) -> usize {
        self.render_with(|index, _| values.get(index).copied().unwrap_or(""), out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn rendered(source: &str, values: &[&str]) -> String {
        let template = Template::parse(source).unwrap();
        let mut out = String::new();
        template.render(values, &mut out);
        out
    }

    #[test]
    fn placeholders_are_replaced() {
        assert_eq!(
            rendered("Hi {{name}}, your code is {{code}}.", &["Ann", "1234"]),
            "Hi Ann, your code is 1234."
        );
        assert_eq!(rendered("{{a}}{{b}}", &["x", "y"]), "xy");
        assert_eq!(rendered("{{a}}", &["x"]), "x");
    }

    #[test]
    fn spaces_inside_braces_are_trimmed() {
        let template = Template::parse("Hi {{ name }} and {{name}} and {{\tfirst name }}").unwrap();
        assert_eq!(template.names(), ["name", "first name"]);
        let mut out = String::new();
        template.render(&["Ann", "Bo"], &mut out);
        assert_eq!(out, "Hi Ann and Ann and Bo");
    }

    #[test]
    fn names_are_distinct_in_order_of_first_use() {
        let template = Template::parse("{{b}} {{a}} {{b}} {{c}} {{a}}").unwrap();
        assert_eq!(template.names(), ["b", "a", "c"]);
        assert!(!template.names().is_empty());
    }

    #[test]
    fn names_are_case_sensitive() {
        let template = Template::parse("{{Name}} {{name}}").unwrap();
        assert_eq!(template.names(), ["Name", "name"]);
    }

    #[test]
    fn text_without_placeholders_is_literal() {
        let template = Template::parse("Sale ends {today}! }} { } {x}").unwrap();
        assert!(template.names().is_empty());
        assert_eq!(template.names(), [] as [&str; 0]);
        let mut out = String::from("stale");
        assert_eq!(template.render(&[], &mut out), 0);
        assert_eq!(out, "Sale ends {today}! }} { } {x}");
        assert_eq!(rendered("", &[]), "");
    }

    #[test]
    fn unicode_text_and_values_are_kept() {
        assert_eq!(
            rendered("Grüße {{ nom }} 😀 €", &["Zoë’s"]),
            "Grüße Zoë’s 😀 €"
        );
    }

    #[test]
    fn extra_closing_brace_is_text() {
        assert_eq!(rendered("{{a}}}", &["x"]), "x}");
    }

    #[test]
    fn unclosed_placeholder_is_an_error_with_its_position() {
        let error = Template::parse("Hi {{name, bye").unwrap_err();
        assert_eq!(
            error,
            TemplateError::Unclosed {
                position: 4,
                next: None
            }
        );
        assert_eq!(
            error.to_string(),
            "the template's '{{' at character 4 has no closing '}}'"
        );
        // Positions count characters, not bytes.
        assert_eq!(
            Template::parse("Grüße 😀 {{name").unwrap_err(),
            TemplateError::Unclosed {
                position: 9,
                next: None
            }
        );
        assert_eq!(
            Template::parse("{{a}} then {{").unwrap_err(),
            TemplateError::Unclosed {
                position: 12,
                next: None
            }
        );
        assert_eq!(
            Template::parse("a }} b {{ c } }").unwrap_err(),
            TemplateError::Unclosed {
                position: 8,
                next: None
            }
        );
    }

    #[test]
    fn a_second_open_before_the_close_is_an_error() {
        let error = Template::parse("Hi {{name and {{code}}").unwrap_err();
        assert_eq!(
            error,
            TemplateError::Unclosed {
                position: 4,
                next: Some(15)
            }
        );
        assert_eq!(
            error.to_string(),
            "the template's '{{' at character 4 has no closing '}}' before the next '{{' at 15"
        );
    }

    #[test]
    fn empty_and_braced_names_are_errors() {
        let error = Template::parse("x {{ }} y").unwrap_err();
        assert_eq!(error, TemplateError::EmptyName { position: 3 });
        assert_eq!(
            error.to_string(),
            "the template's placeholder at character 3 names no column"
        );
        assert_eq!(
            Template::parse("{{}}").unwrap_err(),
            TemplateError::EmptyName { position: 1 }
        );
        let error = Template::parse("{{{name}}}").unwrap_err();
        assert_eq!(
            error.to_string(),
            "the template's placeholder at character 1 has a brace in its name '{name'"
        );
        assert_eq!(
            Template::parse("{{a}b}}").unwrap_err(),
            TemplateError::BraceInName {
                position: 1,
                name: "a}b".into()
            }
        );
    }

    #[test]
    fn bind_maps_names_to_columns() {
        let template = Template::parse("{{code}} for {{ name }}").unwrap();
        let columns = ["recipient", "name", "code", "name"];
        assert_eq!(template.bind(&columns).unwrap(), [2, 1]);
        let row = ["447930000000", "Ann", "1234", "ignored"];
        let binding = template.bind(&columns).unwrap();
        let mut out = String::new();
        template.render_with(|i, _| row[binding[i]], &mut out);
        assert_eq!(out, "1234 for Ann");
    }

    #[test]
    fn bind_reports_every_unknown_name() {
        let template = Template::parse("{{nmae}} {{name}} {{cod e}}").unwrap();
        let error = template.bind(&["recipient", "name"]).unwrap_err();
        assert_eq!(error.names, ["nmae", "cod e"]);
        assert_eq!(
            error.to_string(),
            "the template names columns the input does not have: {{nmae}}, {{cod e}} \
             (columns: 'recipient', 'name')"
        );
        let error = Template::parse("{{x}}")
            .unwrap()
            .bind(&["a\tb"])
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "the template names a column the input does not have: {{x}} (columns: 'a\\tb')"
        );
        let error = Template::parse("{{x}}")
            .unwrap()
            .bind::<&str>(&[])
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "the template names a column the input does not have: {{x}} (columns: none)"
        );
    }

    #[test]
    fn bind_cuts_a_long_column_list() {
        let columns: Vec<String> = (1..=25).map(|i| format!("c{i}")).collect();
        let error = Template::parse("{{x}}")
            .unwrap()
            .bind(&columns)
            .unwrap_err();
        let text = error.to_string();
        assert!(text.ends_with("'c19', 'c20', and 5 more)"), "{text}");
    }

    #[test]
    fn render_with_a_lookup_and_count_empty_values() {
        let template = Template::parse("{{a}}-{{b}}-{{a}}").unwrap();
        let values = HashMap::from([("a", ""), ("b", "B")]);
        let mut out = String::new();
        let empty = template.render_with(|_, name| values[name], &mut out);
        assert_eq!(out, "-B-");
        assert_eq!(empty, 2);
    }

    #[test]
    fn render_reuses_the_buffer() {
        let template = Template::parse("Hi {{name}}").unwrap();
        let mut out = String::new();
        for name in ["Ann", "Bo", ""] {
            template.render(&[name], &mut out);
            assert_eq!(out, format!("Hi {name}"));
        }
    }
}

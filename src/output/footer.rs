//! The footer of a table at a terminal: how many records, and the total
//! parts and cost of those that have them (`logs list`). Printed on stderr,
//! so stdout holds the table alone.

/// What one record adds to the footer.
#[derive(Default)]
pub struct Tally {
    pub parts: Option<String>,
    pub cost: Option<String>,
    pub currency: Option<String>,
}

/// Cost totals are kept in millionths, exactly.
const SCALE: u32 = 6;

#[derive(Default)]
pub struct Footer {
    records: u64,
    parts: u64,
    /// Per currency: millionths, and the most decimals seen.
    costs: Vec<(String, i128, u32)>,
    unreadable: bool,
}

impl Footer {
    pub fn add(&mut self, tally: Tally) {
        self.records = self.records.saturating_add(1);
        if let Some(parts) = tally.parts.filter(|p| !p.trim().is_empty()) {
            match parts.trim().parse::<u64>() {
                Ok(parts) => self.parts = self.parts.saturating_add(parts),
                Err(_) => self.unreadable = true,
            }
        }
        if let Some(cost) = tally.cost.filter(|c| !c.trim().is_empty()) {
            let currency = tally.currency.unwrap_or_default().trim().to_string();
            match millionths(cost.trim()) {
                Some((amount, decimals)) => {
                    match self.costs.iter_mut().find(|(c, _, _)| *c == currency) {
                        Some(entry) => {
                            entry.1 = entry.1.saturating_add(amount);
                            entry.2 = entry.2.max(decimals);
                        }
                        None => self.costs.push((currency, amount, decimals)),
                    }
                }
                None => self.unreadable = true,
            }
        }
    }

    /// `3 records, 4 parts, 0.15 AUD`.
    pub fn line(&self) -> String {
        let records = match self.records {
            1 => "1 record".to_string(),
            n => format!("{n} records"),
        };
        let parts = match self.parts {
            1 => "1 part".to_string(),
            n => format!("{n} parts"),
        };
        let mut line = format!("{records}, {parts}");
        for (currency, amount, decimals) in &self.costs {
            line.push_str(", ");
            line.push_str(&decimal(*amount, *decimals));
            if !currency.is_empty() {
                line.push(' ');
                line.push_str(&crate::sanitize::sanitize_server_text(currency));
            }
        }
        if self.unreadable {
            line.push_str(" (some parts or costs were not numbers)");
        }
        line.push('\n');
        line
    }
}

/// `0.05` as 50000 millionths, with its 2 decimals; `None` for anything
/// that is not a plain decimal of at most 6 decimals.
fn millionths(text: &str) -> Option<(i128, u32)> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 18 || !plain(whole) || !plain(fraction) {
        return None;
    }
    let decimals = u32::try_from(fraction.len()).ok().filter(|d| *d <= SCALE)?;
    let mut amount: i128 = whole.parse().ok()?;
    amount = amount.checked_mul(10_i128.pow(SCALE))?;
    if !fraction.is_empty() {
        let part: i128 = fraction.parse().ok()?;
        amount = amount.checked_add(part.checked_mul(10_i128.pow(SCALE - decimals))?)?;
    }
    Some((if negative { -amount } else { amount }, decimals))
}

fn decimal(amount: i128, decimals: u32) -> String {
    let sign = if amount < 0 { "-" } else { "" };
    let amount = amount.unsigned_abs();
    let unit = 10_u128.pow(SCALE);
    let whole = amount / unit;
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = (amount % unit) / 10_u128.pow(SCALE - decimals);
    format!(
        "{sign}{whole}.{fraction:0width$}",
        width = decimals as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(parts: &str, cost: &str) -> Tally {
        Tally {
            parts: Some(parts.to_string()),
            cost: Some(cost.to_string()),
            currency: Some("AUD".to_string()),
        }
    }

    #[test]
    fn the_footer_sums_parts_and_cost_exactly() {
        let mut footer = Footer::default();
        for _ in 0..3 {
            footer.add(tally("1", "0.05"));
        }
        footer.add(tally("2", "0.1"));
        assert_eq!(footer.line(), "4 records, 5 parts, 0.25 AUD\n");
    }

    #[test]
    fn costs_that_are_not_decimals_are_said_so() {
        let mut footer = Footer::default();
        footer.add(tally("1", "1e-3"));
        assert_eq!(
            footer.line(),
            "1 record, 1 part (some parts or costs were not numbers)\n"
        );
        assert_eq!(millionths("12.345678"), Some((12_345_678, 6)));
        assert_eq!(millionths("1.2345678"), None);
        assert_eq!(millionths(".5"), None);
    }
}

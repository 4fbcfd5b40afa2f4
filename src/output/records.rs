//! How the API's records print in lists: their fields for json and csv
//! (the API's names, in the API's order) and their table columns.

use crate::api::messages::{Message, text_of};
use crate::api::optouts::OptOut;
use crate::output::footer::Tally;
use crate::output::list::{ListRecord, Value, api_date, local_date};
use jiff::tz::TimeZone;

impl ListRecord for Message {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "created",
        "modified",
        "originator",
        "recipient",
        "body",
        "status",
        "direction",
        "inReplyTo",
        "routeId",
        "parts",
        "cost",
        "currency",
        "senderReference",
        "campaignId",
    ];
    const HEADINGS: &'static [&'static str] = &[
        "ID",
        "TIME",
        "DIRECTION",
        "RECIPIENT",
        "ORIGINATOR",
        "STATUS",
        "PARTS",
        "COST",
        "REFERENCE",
    ];
    /// Kept longest on a narrow terminal: the time, the recipient, the
    /// status. 22 fits every documented status but the longest two, so that
    /// `logs watch` can print later statuses under the first ones.
    const MIN_WIDTHS: &'static [u16] = &[0, 0, 0, 12, 0, 22, 0, 0, 0];
    /// Reference, originator, direction, cost, parts: the id (for `logs
    /// get`), the time, the recipient and the status stay.
    const DROPPED_FIRST: &'static [usize] = &[8, 4, 2, 7, 6];
    const DATES: &'static [usize] = &[1];
    /// The id is copied whole into `logs get`; the time is never cut.
    const WHOLE: &'static [usize] = &[0, 1];
    const FOOTER: bool = true;

    fn values(&self) -> Vec<Value<'_>> {
        vec![
            Value::json(&self.id),
            api_date(&self.created),
            api_date(&self.modified),
            Value::json(&self.originator),
            Value::json(&self.recipient),
            Value::json(&self.body),
            Value::json(&self.status),
            Value::json(&self.direction),
            Value::json(&self.in_reply_to),
            Value::json(&self.route_id),
            Value::json(&self.parts),
            Value::json(&self.cost),
            Value::json(&self.currency),
            Value::json(&self.sender_reference),
            Value::json(&self.campaign_id),
        ]
    }

    fn cells(&self, zone: &TimeZone) -> Vec<String> {
        let cost = match (text_of(&self.cost), text_of(&self.currency)) {
            (cost, currency) if cost.is_empty() || currency.is_empty() => cost,
            (cost, currency) => format!("{cost} {currency}"),
        };
        vec![
            text_of(&self.id),
            local_date(&api_date(&self.created), zone),
            text_of(&self.direction),
            text_of(&self.recipient),
            text_of(&self.originator),
            text_of(&self.status),
            text_of(&self.parts),
            cost,
            text_of(&self.sender_reference),
        ]
    }

    fn tally(&self) -> Tally {
        Tally {
            parts: Some(text_of(&self.parts)),
            cost: Some(text_of(&self.cost)),
            currency: Some(text_of(&self.currency)),
        }
    }
}

impl ListRecord for OptOut {
    const FIELDS: &'static [&'static str] = &["id", "mobile", "note", "created"];
    const HEADINGS: &'static [&'static str] = &["TIME", "MOBILE", "NOTE", "ID"];

    fn values(&self) -> Vec<Value<'_>> {
        vec![
            Value::json(&self.id),
            Value::json(&self.mobile),
            Value::json(&self.note),
            api_date(&self.created),
        ]
    }

    fn cells(&self, zone: &TimeZone) -> Vec<String> {
        vec![
            local_date(&api_date(&self.created), zone),
            text_of(&self.mobile),
            text_of(&self.note),
            text_of(&self.id),
        ]
    }
}

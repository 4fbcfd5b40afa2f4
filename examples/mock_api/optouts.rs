//! The opt-out list: `GET`/`POST /addressbook/optout`, and `DELETE /optout`
//! (`DELETE /addressbook/optout` is always a 404, so clients exercise the
//! fallback API.md decides on).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashSet;

use crate::OPTED_OUT;
use crate::http::{Query, Response};
use crate::messages::{DateRange, paging};
use crate::send::valid_msisdn;
use crate::state::{State, lock};
use crate::time;

pub struct Optouts {
    /// In the order they were added, so `created` only grows.
    list: Vec<Optout>,
    numbers: HashSet<String>,
    next_id: u64,
}

#[derive(Serialize)]
pub struct Optout {
    id: u64,
    mobile: String,
    note: &'static str,
    /// Epoch milliseconds, as the API sends them.
    created: i64,
}

/// The answer to an add or a remove: the record without its id.
#[derive(Serialize)]
struct Change<'a> {
    mobile: &'a str,
    note: &'static str,
    created: i64,
}

#[derive(Deserialize)]
struct MobileBody<'a> {
    #[serde(borrow)]
    mobile: Option<Cow<'a, str>>,
}

impl Optouts {
    /// The list as the mock starts: one number opted out by a STOP reply.
    pub fn seeded(now_ms: i64) -> Optouts {
        let mut optouts = Optouts {
            list: Vec::new(),
            numbers: HashSet::new(),
            next_id: 1_354_505_990,
        };
        optouts.add(OPTED_OUT, "MO", now_ms);
        optouts
    }

    pub fn contains(&self, mobile: &str) -> bool {
        self.numbers.contains(mobile)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    fn add(&mut self, mobile: &str, note: &'static str, now_ms: i64) -> &Optout {
        if !self.numbers.contains(mobile) {
            self.numbers.insert(mobile.to_string());
            self.list.push(Optout {
                id: self.next_id,
                mobile: mobile.to_string(),
                note,
                created: now_ms,
            });
            self.next_id += 1;
        }
        self.list
            .iter()
            .find(|optout| optout.mobile == mobile)
            .expect("a number in `numbers` is in `list`")
    }

    fn remove(&mut self, mobile: &str) -> Option<Optout> {
        let position = self
            .list
            .iter()
            .position(|optout| optout.mobile == mobile)?;
        self.numbers.remove(mobile);
        Some(self.list.remove(position))
    }
}

/// `GET /addressbook/optout`: both dates are optional here, unlike `/message`.
pub fn list(state: &State, query: &str) -> Response {
    let query = Query::parse(query);
    let range = match DateRange::from_query(&query, false) {
        Ok(range) => range,
        Err(response) => return response,
    };
    let (page, page_size) = match paging(&query) {
        Ok(paging) => paging,
        Err(response) => return response,
    };
    let optouts = lock(&state.optouts);
    let in_range: Vec<&Optout> = optouts
        .list
        .iter()
        .filter(|optout| range.contains_ms(optout.created))
        .skip(page.saturating_sub(1).saturating_mul(page_size))
        .take(page_size)
        .collect();
    Response::value(200, &in_range)
}

/// `POST /addressbook/optout`.
pub fn add(state: &State, body: &[u8]) -> Response {
    let mobile = match mobile_of(body) {
        Ok(mobile) => mobile,
        Err(response) => return response,
    };
    let mut optouts = lock(&state.optouts);
    let optout = optouts.add(&mobile, "API", time::now_ms());
    Response::value(
        200,
        &Change {
            mobile: &optout.mobile,
            note: optout.note,
            created: optout.created,
        },
    )
}

/// `DELETE /optout`: 404 when the number is not opted out.
pub fn remove(state: &State, body: &[u8]) -> Response {
    let mobile = match mobile_of(body) {
        Ok(mobile) => mobile,
        Err(response) => return response,
    };
    match lock(&state.optouts).remove(&mobile) {
        Some(optout) => Response::value(
            200,
            &Change {
                mobile: &optout.mobile,
                note: optout.note,
                created: optout.created,
            },
        ),
        None => Response::error(404, "Not Found"),
    }
}

fn mobile_of(body: &[u8]) -> Result<String, Response> {
    let invalid = || Response::error(400, "Invalid mobile number");
    let parsed: MobileBody = serde_json::from_slice(body).map_err(|_| invalid())?;
    match parsed.mobile {
        Some(mobile) if valid_msisdn(&mobile) => Ok(mobile.into_owned()),
        _ => Err(invalid()),
    }
}

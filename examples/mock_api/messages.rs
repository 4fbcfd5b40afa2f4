//! The message log: `GET /message` (search by date, paged) and
//! `GET /message/{id}`.

use crate::http::{Query, Response};
use crate::state::{State, lock};
use crate::store::MessageView;
use crate::time;

const MAX_PAGE_SIZE: usize = 1000;
const DEFAULT_PAGE_SIZE: usize = 10;

/// From `startDate` to `endDate`, both inclusive, to the second.
pub struct DateRange {
    start: Option<i64>,
    end: Option<i64>,
}

impl DateRange {
    pub fn from_query(query: &Query, required: bool) -> Result<DateRange, Response> {
        let date = |name: &str| {
            match query.get(name) {
            None if required => Err(Response::error(400, &format!("Missing {name}"))),
            None => Ok(None),
            Some(text) => time::parse_query_date(text).map(Some).ok_or_else(|| {
                let message = format!(
                    "Invalid {name}: {text} (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HHMM, with + sent as %2B)"
                );
                Response::error(400, &message)
            }),
        }
        };
        Ok(DateRange {
            start: date("startDate")?,
            end: date("endDate")?,
        })
    }

    pub fn contains_ms(&self, ms: i64) -> bool {
        let second = ms.div_euclid(1000);
        self.start.is_none_or(|start| second >= start) && self.end.is_none_or(|end| second <= end)
    }
}

/// `page` (1-based, default 1) and `pageSize` (default 10, at most 1000).
pub fn paging(query: &Query) -> Result<(usize, usize), Response> {
    let number = |name: &str, default: usize, max: Option<usize>| match query.get(name) {
        None => Ok(default),
        Some(text) => match text.parse::<usize>() {
            Ok(n) if n >= 1 && max.is_none_or(|max| n <= max) => Ok(n),
            _ => {
                let range = max.map_or(String::new(), |max| format!(" to {max}"));
                let message = format!("Invalid {name}: {text} (a whole number from 1{range})");
                Err(Response::error(400, &message))
            }
        },
    };
    Ok((
        number("page", 1, None)?,
        number("pageSize", DEFAULT_PAGE_SIZE, Some(MAX_PAGE_SIZE))?,
    ))
}

/// `GET /message`: a bare array, in creation order. A page shorter than
/// `pageSize` is the last one.
pub fn search(state: &State, query: &str) -> Response {
    let query = Query::parse(query);
    let range = match DateRange::from_query(&query, true) {
        Ok(range) => range,
        Err(response) => return response,
    };
    let (page, page_size) = match paging(&query) {
        Ok(paging) => paging,
        Err(response) => return response,
    };
    let outgoing = match query.get("direction") {
        None | Some("MT") => true,
        // The mock never receives replies.
        Some("MO") => false,
        Some(other) => {
            return Response::error(400, &format!("Invalid direction: {other} (MO or MT)"));
        }
    };
    let now = time::now_ms();
    let store = lock(&state.store);
    let page: Vec<MessageView> = if outgoing {
        let (start, end) = (
            range.start.unwrap_or(i64::MIN),
            range.end.unwrap_or(i64::MAX),
        );
        store
            .created_between(start, end)
            .skip(page.saturating_sub(1).saturating_mul(page_size))
            .take(page_size)
            .map(|position| store.view(position, now))
            .collect()
    } else {
        Vec::new()
    };
    Response::value(200, &page)
}

/// `GET /message/{id}`.
pub fn one(state: &State, id: &str) -> Response {
    let store = lock(&state.store);
    match store.find(id) {
        Some(position) => Response::value(200, &store.view(position, time::now_ms())),
        None => Response::error(404, "Not Found"),
    }
}

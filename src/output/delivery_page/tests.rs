use super::*;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// A run of 1,000 rows, half an hour of deliveries, three failure reasons.
fn sample() -> DeliveryData {
    let timeline = (0..=1800u64)
        .step_by(10)
        .map(|s| TimelinePoint {
            seconds: s,
            delivered: (940 * s / 1800).min(940),
            failed: (38 * s / 1800).min(38),
        })
        .collect();
    DeliveryData {
        file: "customers-december.csv".to_owned(),
        first_sent: Some(at("2026-12-01T09:00:00Z")),
        last_sent: Some(at("2026-12-01T09:00:41Z")),
        generated: at("2026-12-01T09:31:07Z"),
        accepted: 1000,
        delivered: 940,
        failed: 38,
        pending: 15,
        missing: 7,
        failures: vec![
            ("UNDELIVERABLE".to_owned(), 21),
            ("EXPIRED".to_owned(), 12),
            ("FAILED_NETWORK".to_owned(), 5),
        ],
        parts: 1187,
        cost: vec![("AUD".to_owned(), "87.8380".to_owned())],
        delivery_seconds: Some(Percentiles {
            p50: 4,
            p90: 19,
            p99: 250,
            max: 1702,
        }),
        campaigns: 1,
        timeline,
    }
}

/// Nothing sent: the journal exists, no request went out.
fn empty() -> DeliveryData {
    DeliveryData {
        file: "empty.csv".to_owned(),
        first_sent: None,
        last_sent: None,
        generated: at("2026-12-01T09:31:07Z"),
        accepted: 0,
        delivered: 0,
        failed: 0,
        pending: 0,
        missing: 0,
        failures: Vec::new(),
        parts: 0,
        cost: Vec::new(),
        delivery_seconds: None,
        campaigns: 0,
        timeline: Vec::new(),
    }
}

/// What `--format json` prints for `data` (issue 20's shape), for the
/// browser check to compare the page with.
fn expected_json(data: &DeliveryData) -> serde_json::Value {
    let failures: serde_json::Map<String, serde_json::Value> = data
        .failures
        .iter()
        .map(|(k, v)| (k.clone(), (*v).into()))
        .collect();
    let number = |text: &str| -> serde_json::Value { serde_json::from_str(text).unwrap() };
    let (cost, currency) = match data.cost.as_slice() {
        [] => (serde_json::Value::from(0), serde_json::Value::Null),
        [(currency, sum)] => (number(sum), currency.as_str().into()),
        many => (
            many.iter()
                .map(|(c, s)| (c.clone(), number(s)))
                .collect::<serde_json::Map<_, _>>()
                .into(),
            serde_json::Value::Null,
        ),
    };
    let seconds = data
        .delivery_seconds
        .map(|p| serde_json::json!({"p50": p.p50, "p90": p.p90, "p99": p.p99, "max": p.max}));
    serde_json::json!({
        "delivered": data.delivered,
        "failed": data.failed,
        "pending": data.pending,
        "missing": data.missing,
        "accepted": data.accepted,
        "failures": failures,
        "parts": data.parts,
        "cost": cost,
        "currency": currency,
        "deliverySeconds": seconds,
        "campaigns": data.campaigns,
        "firstSent": data.first_sent.map(rfc3339),
        "lastSent": data.last_sent.map(rfc3339),
    })
}

/// The pairs of one `points="…"` list, per polyline in the page.
fn polyline_points(page: &str) -> Vec<usize> {
    page.split("<polyline")
        .skip(1)
        .map(|rest| {
            let points = rest
                .split("points=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            points.split(' ').count()
        })
        .collect()
}

#[test]
fn hostile_strings_are_escaped() {
    let mut data = sample();
    data.file = r#"<script>alert("f")</script> & 'x' "q".csv"#.to_owned();
    data.failures = vec![(r#"<img src=x onerror="alert(1)">&"#.to_owned(), 38)];
    data.cost = vec![(r#"<b>"AUD"</b>&"#.to_owned(), "1.5".to_owned())];
    let page = render(&data);
    for raw in [
        "<script",
        "<img",
        "<b>",
        "\"f\"",
        "\"q\"",
        "onerror=\"",
        "\"AUD\"",
    ] {
        assert!(!page.contains(raw), "{raw} unescaped in the page");
    }
    assert!(
        page.contains(
            "&lt;script&gt;alert(&quot;f&quot;)&lt;/script&gt; &amp; 'x' &quot;q&quot;.csv"
        )
    );
    assert!(page.contains(r#"data-status="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;""#));
    assert!(page.contains(r#"data-currency="&lt;b&gt;&quot;AUD&quot;&lt;/b&gt;&amp;""#));
    let head = page.split("</head>").next().unwrap();
    assert_eq!(head.matches("<title>").count(), 1);
}

#[test]
fn the_page_loads_nothing() {
    for data in [sample(), empty()] {
        let page = render(&data).to_ascii_lowercase();
        for load in [
            "http:", "https:", "src=", "href=", "url(", "@import", "<script", "<link", "<img",
        ] {
            assert!(!page.contains(load), "{load} in the page");
        }
    }
}

#[test]
fn the_csp_forbids_every_load_but_inline_styles() {
    let page = render(&sample());
    let meta = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"#;
    let head = page.split("</head>").next().unwrap();
    assert!(head.contains(meta), "no CSP meta in {head}");
    assert!(page.starts_with("<!DOCTYPE html>"));
}

#[test]
fn the_numbers_have_their_ids() {
    let page = render(&sample());
    for (id, value) in [
        ("accepted", 1000),
        ("delivered", 940),
        ("failed", 38),
        ("pending", 15),
        ("missing", 7),
        ("parts", 1187),
        ("campaigns", 1),
    ] {
        let attrs = format!(r#"id="{id}" data-value="{value}">{value}<"#);
        assert!(page.contains(&attrs), "no {attrs}");
    }
    assert!(page.contains(r#"data-currency="AUD" data-cost="87.8380">87.8380 AUD<"#));
    assert!(page.contains(r#"data-status="UNDELIVERABLE" data-count="21""#));
    assert!(page.contains(r#"id="delivery-rate">94.0 %<"#));
    assert!(page.contains(r#"<time id="first-sent" datetime="2026-12-01T09:00:00Z">"#));
    assert!(page.contains(r#"<time id="last-sent" datetime="2026-12-01T09:00:41Z">"#));
    assert!(page.contains(r#"data-p50="4" data-p90="19" data-p99="250" data-max="1702""#));
    // The failures keep the caller's order, most frequent first.
    let order: Vec<usize> = ["UNDELIVERABLE", "EXPIRED", "FAILED_NETWORK"]
        .iter()
        .map(|s| page.find(&format!(r#"data-status="{s}""#)).unwrap())
        .collect();
    assert!(order.is_sorted(), "{order:?}");
}

#[test]
fn an_empty_run_renders() {
    let page = render(&empty());
    assert!(page.contains("Nothing was sent from this file."));
    assert!(page.contains(r#"id="accepted" data-value="0">0<"#));
    assert!(page.contains(r#"id="delivery-rate">—<"#));
    assert!(page.contains(r#"<svg id="timeline""#));
    assert!(!page.contains("<polyline"));
    assert!(!page.contains("NaN") && !page.contains("inf"));
    assert!(!page.contains(r#"class="cost""#));
}

#[test]
fn a_large_timeline_is_downsampled() {
    let mut data = sample();
    data.timeline = (0..100_000u64)
        .map(|i| TimelinePoint {
            seconds: i * 3,
            delivered: i,
            failed: i / 10,
        })
        .collect();
    let page = render(&data);
    let lines = polyline_points(&page);
    assert_eq!(lines.len(), 2);
    for pairs in lines {
        // From (0, 0), then two pairs (a step) per point kept.
        assert!(pairs <= 2 * MAX_CHART_POINTS + 1, "{pairs} points");
        assert!(pairs > MAX_CHART_POINTS, "{pairs} points");
    }
    assert!(page.len() < 100_000, "{} bytes", page.len());
    let kept = downsample(&data.timeline, MAX_CHART_POINTS);
    assert!(kept.len() <= MAX_CHART_POINTS);
    assert_eq!(
        kept.last(),
        data.timeline.last(),
        "the line ends at the totals"
    );
    assert!(kept.windows(2).all(|w| w[0].seconds < w[1].seconds));
}

#[test]
fn one_point_at_second_zero_draws() {
    let mut data = sample();
    data.timeline = vec![TimelinePoint {
        seconds: 0,
        delivered: 3,
        failed: 1,
    }];
    let page = render(&data);
    assert_eq!(polyline_points(&page), [3, 3]);
    assert!(!page.contains("NaN"));
}

#[test]
fn percentages_round_exactly() {
    assert_eq!(percent(2, 3), "66.7 %");
    assert_eq!(percent(1, 2000), "0.1 %");
    assert_eq!(percent(1, 2001), "0.0 %");
    assert_eq!(percent(u64::MAX, u64::MAX), "100.0 %");
    assert_eq!(percent(1, 0), "—");
    assert_eq!(human_seconds(59), "59 s");
    assert_eq!(human_seconds(65), "1 min 05 s");
    assert_eq!(human_seconds(7620), "2 h 07 min");
}

/// Also the way to get a page for `.ci/html-check.sh` before `--status`
/// exists: with `MOBIVATE_SAMPLE_PAGE_DIR` set (read by this test only, not
/// by the program), writes `delivery-sample.html` and the matching
/// `delivery-sample.json` there.
#[test]
fn the_sample_page_matches_its_json() {
    let data = sample();
    let page = render(&data);
    let json = expected_json(&data);
    assert_eq!(json["delivered"], 940);
    assert!(page.contains(&format!(
        r#"id="delivered" data-value="{}""#,
        json["delivered"]
    )));
    if let Some(dir) = std::env::var_os("MOBIVATE_SAMPLE_PAGE_DIR") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::write(dir.join("delivery-sample.html"), &page).unwrap();
        std::fs::write(dir.join("delivery-sample.json"), format!("{json}\n")).unwrap();
        std::fs::write(dir.join("delivery-empty.html"), render(&empty())).unwrap();
        std::fs::write(
            dir.join("delivery-empty.json"),
            format!("{}\n", expected_json(&empty())),
        )
        .unwrap();
    }
}

#!/usr/bin/env bash
# Opens the page of `mobivate bulk FILE --status --html PAGE` in headless
# Chromium and checks it against `--status --format json` (issue 20):
#
#   - it renders: a non-empty body, the chart's svg (#timeline) drawn;
#   - the numbers on it (#accepted, #delivered, #failed, #pending, #missing,
#     #parts, .cost per currency, and where the JSON has them .failure per
#     status, #campaigns, #first-sent/#last-sent, #delivery-seconds) equal
#     the JSON's, and each shown number equals its data- attribute;
#   - it makes no request: the page is served from 127.0.0.1 and every other
#     request is aborted and counted, in a load that honours the CSP and in
#     one that bypasses it (so what the CSP would block counts too), and so
#     is every CSP violation and every hit on the local server but the page;
#   - its Content-Security-Policy meta tag is there, with default-src 'none';
#   - the console shows no error, and no script error is raised;
#   - printed (print media, 680 px: A4 less margins) nothing is wider than
#     the page and no text stands on a dark background.
#
# Usage: .ci/html-check.sh PAGE.html EXPECTED.json [--screenshot OUT.png]
#   --screenshot  also saves a PNG of the whole page, 1000 px wide.
# Exits 0 when every check passes, 1 naming each failed check, 2 on a usage
# or setup error. Installs Debian's chromium (apt-get) and playwright-core
# (npm, into HTML_CHECK_DIR, default ~/.cache/mobivate-html-check) when
# missing; downloads no browser of its own.
set -euo pipefail

playwright_version=1.65.1
chromium=/usr/bin/chromium

usage() {
  echo "usage: $0 PAGE.html EXPECTED.json [--screenshot OUT.png]" >&2
  exit 2
}

page='' expected='' screenshot=''
while [ $# -gt 0 ]; do
  case $1 in
    --screenshot)
      [ $# -ge 2 ] || usage
      screenshot=$2
      shift 2
      ;;
    --screenshot=*)
      screenshot=${1#--screenshot=}
      shift
      ;;
    -*) usage ;;
    *)
      if [ -z "$page" ]; then page=$1
      elif [ -z "$expected" ]; then expected=$1
      else usage
      fi
      shift
      ;;
  esac
done
[ -n "$page" ] && [ -n "$expected" ] || usage
[ -f "$page" ] || { echo "html-check: no page $page" >&2; exit 2; }
[ -f "$expected" ] || { echo "html-check: no JSON $expected" >&2; exit 2; }

if [ ! -x "$chromium" ] || ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing=()
  [ -x "$chromium" ] || missing+=(chromium)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  echo "html-check: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dir=${HTML_CHECK_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/mobivate-html-check}
if [ ! -f "$dir/node_modules/playwright-core/package.json" ] ||
  ! grep -q "\"version\": \"$playwright_version\"" "$dir/node_modules/playwright-core/package.json"; then
  echo "html-check: installing playwright-core $playwright_version into $dir" >&2
  mkdir -p "$dir"
  # playwright-core never downloads a browser; Debian's chromium is used.
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error \
    "playwright-core@$playwright_version" >/dev/null
fi

# The checker lives beside its node_modules so that require() finds it;
# written aside and renamed, so that a check running alongside reads a whole one.
checker=$(mktemp "$dir/html-check.XXXXXX")
cat >"$checker" <<'JS'
'use strict';
const fs = require('fs');
const http = require('http');
const { chromium } = require('playwright-core');

const [pagePath, expectedPath, screenshot, executablePath] = process.argv.slice(2);
const html = fs.readFileSync(pagePath);
const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
const problems = [];
const fail = (what) => problems.push(what);

// Decimal text without insignificant zeros: "87.8380" and 87.838 agree.
function decimal(value) {
  let text = String(value).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return `not a decimal: ${text}`;
  let sign = '';
  if (text.startsWith('-')) { sign = '-'; text = text.slice(1); }
  let [whole, frac = ''] = text.split('.');
  whole = whole.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  return sign + whole + (frac ? '.' + frac : '');
}

// The JSON's cost as currency -> decimal (issue 20: one currency is
// `cost` + `currency`, several are an object in `cost`).
function expectedCost() {
  const { cost, currency } = expected;
  if (cost !== null && typeof cost === 'object') {
    return Object.fromEntries(Object.entries(cost).map(([c, v]) => [c, decimal(v)]));
  }
  if (currency === null || currency === undefined) {
    if (cost !== undefined && cost !== null && decimal(cost) !== '0') {
      fail(`the JSON has cost ${cost} but no currency`);
    }
    return {};
  }
  return { [currency]: decimal(cost) };
}

async function serve() {
  const hits = [];
  const server = http.createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else {
      hits.push(req.url);
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, hits, url: `http://127.0.0.1:${server.address().port}/` };
}

// One load of the page; returns its page object (context left open).
async function load(browser, url, options, label) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, ...options });
  const requests = [];
  await context.route('**/*', (route) => {
    const request = route.request();
    if (request.url() === url) return route.continue();
    requests.push(request.url());
    return route.abort();
  });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const seen = new Set();
  page.on('request', (r) => { if (r.url() !== url && !seen.has(r)) { seen.add(r); requests.push(r.url()); } });
  page.on('console', (m) => { if (m.type() === 'error') fail(`${label}: console error: ${m.text()}`); });
  page.on('pageerror', (e) => fail(`${label}: script error: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(200); // late loads and console messages
  const violations = await page.evaluate(() => window.__violations);
  const unique = [...new Set(requests)];
  if (unique.length) fail(`${label}: ${unique.length} request(s) besides the page: ${unique.join(', ')}`);
  if (violations.length) fail(`${label}: CSP violation(s): ${violations.join(', ')}`);
  return { context, page };
}

async function checkNumbers(page) {
  const shown = await page.evaluate(() => {
    const one = (sel) => {
      const e = document.querySelector(sel);
      return e && { value: e.dataset.value, text: e.textContent.trim(), datetime: e.getAttribute('datetime') };
    };
    const ids = ['accepted', 'delivered', 'failed', 'pending', 'missing', 'parts', 'campaigns'];
    const seconds = document.querySelector('#delivery-seconds');
    return {
      counts: Object.fromEntries(ids.map((id) => [id, one('#' + id)])),
      cost: [...document.querySelectorAll('.cost')].map((e) => [e.dataset.currency, e.dataset.cost, e.textContent.trim()]),
      failures: [...document.querySelectorAll('.failure')].map((e) => [e.dataset.status, e.dataset.count]),
      firstSent: one('#first-sent'),
      lastSent: one('#last-sent'),
      seconds: seconds && { p50: seconds.dataset.p50, p90: seconds.dataset.p90, p99: seconds.dataset.p99, max: seconds.dataset.max },
      csp: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((m) => m.content),
      body: document.body ? document.body.innerText.trim().length : 0,
      svg: (() => { const s = document.querySelector('svg#timeline'); if (!s) return null; const r = s.getBoundingClientRect(); return [r.width, r.height]; })(),
    };
  });
  if (!shown.body) fail('the body is empty');
  if (!shown.svg) fail('no chart: svg#timeline is missing');
  else if (!(shown.svg[0] > 0 && shown.svg[1] > 0)) fail(`the chart is not drawn: ${shown.svg}`);
  if (!shown.csp.some((c) => /default-src 'none'/.test(c))) fail(`no CSP meta with default-src 'none': ${JSON.stringify(shown.csp)}`);
  const required = ['accepted', 'delivered', 'failed', 'pending', 'missing', 'parts'];
  for (const id of [...required, 'campaigns']) {
    if (!(id in expected)) { if (required.includes(id)) fail(`the JSON has no "${id}"`); continue; }
    const e = shown.counts[id];
    if (!e) { fail(`no #${id} on the page`); continue; }
    if (e.value !== String(expected[id])) fail(`${id}: page ${e.value}, JSON ${expected[id]}`);
    if (e.text !== e.value) fail(`${id}: shown as "${e.text}", data-value ${e.value}`);
  }
  if (!('cost' in expected)) fail('the JSON has no "cost"');
  const cost = expectedCost();
  const pageCost = {};
  for (const [currency, sum, text] of shown.cost) {
    if (currency in pageCost) fail(`cost: ${currency} twice on the page`);
    pageCost[currency] = decimal(sum);
    if (!text.startsWith(sum)) fail(`cost: shown as "${text}", data-cost ${sum}`);
  }
  if (JSON.stringify(Object.entries(pageCost).sort()) !== JSON.stringify(Object.entries(cost).sort())) {
    fail(`cost: page ${JSON.stringify(pageCost)}, JSON ${JSON.stringify(cost)}`);
  }
  if ('failures' in expected) {
    const page = JSON.stringify(shown.failures.map(([s, n]) => [s, Number(n)]).sort());
    const json = JSON.stringify(Object.entries(expected.failures).sort());
    if (page !== json) fail(`failures: page ${page}, JSON ${json}`);
    const counts = shown.failures.map(([, n]) => Number(n));
    if (counts.some((n, i) => i > 0 && n > counts[i - 1])) fail(`failures not most frequent first: ${counts}`);
  }
  for (const [key, id] of [['firstSent', 'first-sent'], ['lastSent', 'last-sent']]) {
    if (!(key in expected)) continue;
    const e = shown[key];
    const got = e ? e.datetime : null;
    if (got !== expected[key]) fail(`${key}: page ${got} (#${id}), JSON ${expected[key]}`);
  }
  if ('deliverySeconds' in expected) {
    const want = expected.deliverySeconds;
    const got = shown.seconds;
    const norm = (p) => p && JSON.stringify(['p50', 'p90', 'p99', 'max'].map((k) => String(p[k])));
    if (norm(got) !== norm(want)) fail(`deliverySeconds: page ${JSON.stringify(got)}, JSON ${JSON.stringify(want)}`);
  }
}

async function checkPrint(page) {
  await page.setViewportSize({ width: 680, height: 960 });
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const rgb = (c) => (c.match(/\d+(\.\d+)?/g) || []).map(Number);
    // Text on a dark background: each element with text of its own, on the
    // background of its nearest ancestor that has one.
    const background = (e) => {
      for (; e; e = e.parentElement) {
        const [r, g, b, a = 1] = rgb(getComputedStyle(e).backgroundColor);
        if (a > 0.5) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const dark = [...document.querySelectorAll('body, body *')]
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      .filter((e) => { const [r, g, b] = background(e); return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128; });
    const wide = [...document.querySelectorAll('svg, table, section')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length;
    return { dark: dark.length, wide, scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth };
  });
  if (printed.dark) fail(`printed: ${printed.dark} element(s) on a dark background`);
  if (printed.wide || printed.scroll > printed.width) {
    fail(`printed: wider than the page (${printed.wide} element(s), ${printed.scroll} px of ${printed.width})`);
  }
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1000, height: 800 });
}

(async () => {
  const { server, hits, url } = await serve();
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  try {
    const honoured = await load(browser, url, {}, 'with the CSP');
    await checkNumbers(honoured.page);
    await checkPrint(honoured.page);
    if (screenshot) await honoured.page.screenshot({ path: screenshot, fullPage: true });
    await honoured.context.close();
    const bypassed = await load(browser, url, { bypassCSP: true }, 'without the CSP');
    await bypassed.context.close();
  } finally {
    await browser.close();
    server.close();
  }
  if (hits.length) fail(`the local server was asked for ${hits.join(', ')}`);
  if (problems.length) {
    for (const p of problems) console.error(`html-check: ${p}`);
    console.error(`html-check: ${pagePath}: ${problems.length} check(s) failed`);
    process.exit(1);
  }
  console.error(`html-check: ${pagePath}: renders, numbers match ${expectedPath}, no request, no console error`);
})().catch((e) => { console.error(`html-check: ${e.stack || e}`); process.exit(2); });
JS
mv -f "$checker" "$dir/html-check.cjs"

node "$dir/html-check.cjs" "$page" "$expected" "$screenshot" "$chromium"

// Browser test of the server-rendered pages (docs/pages.md): a figure permalink, a project, a revenue and a price
// series, the cross-project revenue table, the screening and sector analytics, each opened in Debian's chromium as a
// person would (so with a browser's Accept header). Checks that each page shows what the JSON of the same URL holds
// (figure, quote, citation), that axe-core finds no serious or critical accessibility violation, that nothing breaks
// the Content-Security-Policy, that the pages work with JavaScript off and fit a phone's width, and saves a
// screenshot of each page kind to browser-tests/artifacts/ (ignored by git).
//   npm run test:browser-pages      (CHROMIUM_PATH overrides /usr/bin/chromium; see server.mjs for the server)
// Ends with "N passed, N failed"; the exit code is non-zero when anything failed.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startApi } from './server.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = path.join(import.meta.dirname, 'artifacts');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const results = [];

async function check(name, body) {
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok - ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`not ok - ${name}\n  ${String(error?.message ?? error).split('\n').join('\n  ')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(typeof message === 'function' ? message() : message);
}

function equal(actual, expected, what) {
  assert(actual === expected, () => `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Every page kind: its URL, a file name for its screenshot, and what to compare with its JSON. */
const pageKinds = [
  { kind: 'figure', url: '/v1/revenue/aethir-2025q2-quarterly-revenue', compare: compareFigure },
  { kind: 'figure-price', url: '/v1/token-prices/helium-2026-06-01-price', compare: compareFigure },
  { kind: 'project', url: '/v1/projects/aethir', compare: compareProject },
  { kind: 'revenue-series', url: '/v1/projects/aethir/revenue', compare: compareRows },
  { kind: 'price-series', url: '/v1/projects/helium/token-prices', compare: compareRows },
  { kind: 'revenue-by-project', url: '/v1/revenue?quarter=2026Q2&metric=annualized_external_revenue', compare: compareRows },
  { kind: 'screening', url: '/v1/screening', compare: compareRows },
  { kind: 'sector-analytics', url: '/v1/sectors/analytics', compare: compareHeading },
];

async function compareFigure(page, json) {
  const data = json.data;
  equal((await page.locator('#quote').innerText()).trim(), data.quote, 'the quote');
  equal(await page.locator('#citation').inputValue(), data.citation, 'the citation');
  equal((await page.locator('#publisher').innerText()).trim(), data.source.publisher, 'the publisher');
  equal(await page.locator('#permalink').getAttribute('href'), data.permalink, 'the permalink');
  const marked = await page.locator('#quote mark').innerText();
  assert(marked.length > 0 && data.quote.includes(marked), `the marked words "${marked}" are not in the quote`);
  const reading = (await page.locator('#reading').innerText()).trim();
  assert(reading.endsWith(`, ${data.basis}`), `"${reading}" does not end with the basis ${data.basis}`);
  assert(data.citation.includes(reading.split(',')[0]), `the citation does not state "${reading.split(',')[0]}"`);
  equal(await page.locator('meta[property="og:url"]').getAttribute('content'), data.permalink, 'og:url');
  equal(await page.locator('meta[property="og:image"]').getAttribute('content'), `${data.permalink}&format=png`, 'og:image');
  assert((await page.locator('tr.this').count()) === 1, 'the figure is not marked in its series table');
  assert((await page.locator('details.embed pre code').first().textContent()).includes('<img src='), 'no embed snippet');
}

async function compareProject(page, json) {
  equal((await page.locator('h1').innerText()).trim(), json.data.name, 'the heading');
  for (const figure of json.data.latest.revenue) {
    assert((await page.locator(`a[href="${figure.permalink}"]`).count()) > 0, `no link to ${figure.permalink}`);
  }
  assert((await page.locator('meta[property="og:image"]').count()) === 1, 'no og:image');
}

async function compareRows(page, json) {
  const rows = await page.locator('main table').first().locator('tbody tr').count();
  equal(rows, json.data.length, 'rows in the first table');
}

async function compareHeading(page) {
  assert((await page.locator('h1').innerText()).startsWith('Sector analytics'), 'no heading');
  assert((await page.locator('main table').count()) > 0, 'no table');
}

/** A page that records CSP violations and uncaught errors (charts may fail to load before they exist: not counted). */
async function open(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('CSP violation')) problems.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, problems, response };
}

async function axeViolations(page) {
  // Evaluated through the debugging protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  const api = await startApi();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    const desktop = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    for (const { kind, url, compare } of pageKinds) {
      await check(`${kind}: ${url} is a page that matches its JSON, passes axe and keeps its CSP`, async () => {
        const { page, problems, response } = await open(desktop, api.baseUrl + url);
        try {
          equal(response.status(), 200, 'status');
          assert(response.headers()['content-type'].startsWith('text/html'), `content type ${response.headers()['content-type']}`);
          assert(response.headers()['vary']?.includes('Accept'), 'no Vary: Accept');
          const json = await (await fetch(api.baseUrl + url, { headers: { accept: 'application/json' } })).json();
          await compare(page, json);
          await page.screenshot({ path: path.join(artifacts, `${kind}.png`), fullPage: true });
          const violations = await axeViolations(page);
          assert(violations.length === 0, () => violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`).join('\n'));
          assert(problems.length === 0, () => problems.join('\n'));
        } finally {
          await page.close();
        }
      });
    }

    await check('the copy button is added by the script, and copies the citation', async () => {
      const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
      try {
        const { page, problems } = await open(context, `${api.baseUrl}${pageKinds[0].url}`);
        const button = page.locator('button.copy', { hasText: 'Copy citation' });
        await button.click();
        await page.locator('.copied', { hasText: 'Copied.' }).waitFor();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        equal(copied, await page.locator('#citation').inputValue(), 'the clipboard');
        assert(problems.length === 0, () => problems.join('\n'));
      } finally {
        await context.close();
      }
    });

    await check('with JavaScript off every page still shows its figures, and the citation stays selectable', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        for (const { kind, url } of pageKinds) {
          const page = await context.newPage();
          await page.goto(api.baseUrl + url);
          assert((await page.locator('main table').count()) > 0, `${kind}: no table without JavaScript`);
          if (kind.startsWith('figure')) {
            assert((await page.locator('#citation').inputValue()).length > 0, `${kind}: no citation`);
            equal(await page.locator('button.copy').count(), 0, `${kind}: copy buttons without JavaScript`);
            await page.screenshot({ path: path.join(artifacts, `${kind}-no-javascript.png`), fullPage: true });
          }
          await page.close();
        }
      } finally {
        await context.close();
      }
    });

    await check('on a phone every page fits the screen width', async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, deviceScaleFactor: 2 });
      try {
        for (const { kind, url } of pageKinds) {
          const { page } = await open(context, api.baseUrl + url);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert(overflow <= 1, `${kind}: the page is ${overflow}px wider than the screen`);
          if (kind === 'figure' || kind === 'project') await page.screenshot({ path: path.join(artifacts, `${kind}-phone.png`), fullPage: true });
          await page.close();
        }
      } finally {
        await context.close();
      }
    });
  } finally {
    await browser.close();
    await api.stop();
  }
  const passed = results.filter((r) => r.ok).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  process.exit(passed === results.length ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});

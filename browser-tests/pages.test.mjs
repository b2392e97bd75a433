// Browser test of the server-rendered pages (docs/pages.md): a figure permalink, a project, a revenue and a price
// series, the cross-project revenue table, the screening and sector analytics, each opened in Debian's chromium as a
// person would (so with a browser's Accept header). Checks that each page shows what the JSON of the same URL holds
// (figure, quote, citation), that axe-core finds no serious or critical accessibility violation, that nothing breaks
// the Content-Security-Policy, that every chart on a page loads and a figure page's chart marks that figure, that the
// pages work with JavaScript off and fit a phone's width. Opens each chart kind on its own (bars, lines, stacked
// shares, the PNG preview card) and compares its plotted values with the JSON. Saves a screenshot of each page kind and
// chart kind to browser-tests/artifacts/ (ignored by git); suite.mjs holds what this file shares with ide.test.mjs.
//   npm run test:browser-pages      (CHROMIUM_PATH overrides /usr/bin/chromium; see server.mjs for the server)
// Ends with "N passed, N failed"; the exit code is non-zero when anything failed.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { assert, check, equal, openRecordingPage, runBrowserSuite } from './suite.mjs';

const artifacts = path.join(import.meta.dirname, 'artifacts');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every page kind: its URL, a file name for its screenshot, and what to compare with its JSON. */
const pageKinds = [
  { kind: 'figure', url: '/v1/revenue/aethir-2025q2-quarterly-revenue', compare: compareFigure, value: 'amountUsd' },
  { kind: 'figure-price', url: '/v1/token-prices/helium-2026-06-01-price', compare: compareFigure, value: 'priceUsd' },
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
  // Every number the figure states is marked (a price row's price and its change alike), each in the quote.
  const marks = await page.locator('#quote mark').allInnerTexts();
  assert(marks.length > 0, 'nothing in the quote is marked');
  for (const marked of marks)
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

/** A page opened after it records what goes wrong in it: a chart image that fails to load is a console error too. */
async function open(context, url) {
  const { page, problems } = await openRecordingPage(context);
  // The suite shares a busy 2-core machine with builds: a page may take longer than playwright's 30 s default.
  page.setDefaultTimeout(90_000);
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, problems, response };
}

/** Every chart image on the page has loaded (an SVG the browser could not draw has no natural width). */
async function assertChartsLoaded(page) {
  const images = [];
  const charts = page.locator('figure.chart img');
  for (let i = 0; i < (await charts.count()); i++) {
    // The images load lazily: scrolled to, as a reader would.
    await charts.nth(i).scrollIntoViewIfNeeded();
    const image = await charts.nth(i).evaluate(async (img) => {
      if (!img.complete) {
        await new Promise((resolve) => {
          img.addEventListener('load', resolve, { once: true });
          img.addEventListener('error', resolve, { once: true });
        });
      }
      return { src: img.src, width: img.naturalWidth };
    });
    assert(image.width > 0, `the chart ${image.src} did not load`);
    images.push(image);
  }
  return images;
}

/** The figure page's chart marks this figure: its URL names it, and the one marked shape of the SVG holds its value. */
async function assertChartMarksFigure(baseUrl, page, json, valueProperty) {
  const [chart] = await assertChartsLoaded(page);
  assert(chart, 'no chart on the figure page');
  assert(new URL(chart.src).searchParams.get('mark') === json.data.id, `the chart ${chart.src} does not mark ${json.data.id}`);
  const svg = await (await fetch(chart.src)).text();
  const marked = [...svg.matchAll(/data-value="([^"]+)" data-marked="true"/g)].map((m) => Number(m[1]));
  equal(marked.length, 1, 'marked shapes in the chart');
  equal(marked[0], Number(json.data[valueProperty]), 'the marked value');
}

/** Every chart kind, opened on its own as a reader who follows "Open the chart" would, with what it must draw. */
const chartKinds = [
  { kind: 'chart-revenue-bars', url: '/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg',
    data: '/v1/projects/aethir/revenue?metric=quarterly_revenue', rows: (data) => data.filter((f) => f.preferred).map((f) => [f.quarter, f.value]) },
  { kind: 'chart-revenue-bars-marked', url: '/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg&mark=aethir-2025q2-quarterly-revenue',
    data: '/v1/projects/aethir/revenue?metric=quarterly_revenue', rows: (data) => data.filter((f) => f.preferred).map((f) => [f.quarter, f.value]) },
  { kind: 'chart-metric-line', url: '/v1/projects/aethir/metrics?metric=quarterly_revenue_growth&format=svg',
    data: '/v1/projects/aethir/metrics?metric=quarterly_revenue_growth', rows: (data) => data.map((f) => [f.period, f.value]) },
  { kind: 'chart-price-line', url: '/v1/projects/helium/token-prices?format=svg',
    data: '/v1/projects/helium/token-prices', rows: (data) => data.filter((f) => f.priceUsd !== null).map((f) => [f.date, f.priceUsd]) },
  { kind: 'chart-settlement-mix', url: '/v1/projects/helium/settlement-mix?format=svg' },
  { kind: 'chart-sector-revenue', url: '/v1/sectors/analytics?sector=compute&metric=annualized_external_revenue&format=svg' },
  { kind: 'card-revenue-figure', url: '/v1/revenue/aethir-2025q2-quarterly-revenue?format=png' },
];

async function axeViolations(page) {
  // Evaluated through the debugging protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

runBrowserSuite(async ({ api, browser }) => {
  mkdirSync(artifacts, { recursive: true });
  const desktop = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  for (const { kind, url, compare, value } of pageKinds) {
    await check(`${kind}: ${url} is a page that matches its JSON, passes axe and keeps its CSP`, async () => {
      const { page, problems, response } = await open(desktop, api.baseUrl + url);
      try {
        equal(response.status(), 200, 'status');
        assert(response.headers()['content-type'].startsWith('text/html'), `content type ${response.headers()['content-type']}`);
        assert(response.headers()['vary']?.includes('Accept'), 'no Vary: Accept');
        const json = await (await fetch(api.baseUrl + url, { headers: { accept: 'application/json' } })).json();
        await compare(page, json);
        if (value) await assertChartMarksFigure(api.baseUrl, page, json, value);
        else await assertChartsLoaded(page);
        await page.screenshot({ path: path.join(artifacts, `${kind}.png`), fullPage: true });
        const violations = await axeViolations(page);
        assert(violations.length === 0, () => violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`).join('\n'));
        assert(problems.length === 0, () => problems.join('\n'));
      } finally {
        await page.close();
      }
    });
  }

  const chartView = await browser.newContext({ viewport: { width: 1200, height: 630 } });
  for (const { kind, url, data, rows } of chartKinds) {
    await check(`${kind}: ${url} draws in the browser under its CSP${rows ? ', its plotted values those of the JSON' : ''}`, async () => {
      const { page, problems, response } = await open(chartView, api.baseUrl + url);
      try {
        equal(response.status(), 200, 'status');
        const type = response.headers()['content-type'];
        assert(type.startsWith(url.endsWith('png') ? 'image/png' : 'image/svg+xml'), `content type ${type}`);
        if (rows) {
          const json = await (await fetch(api.baseUrl + data)).json();
          const plotted = await page.locator('[data-value]').evaluateAll((shapes) => shapes.map((s) => [s.getAttribute('data-label'), Number(s.getAttribute('data-value'))]));
          equal(JSON.stringify(plotted), JSON.stringify(rows(json.data).map(([label, v]) => [label, Number(v)])), 'the plotted values');
        }
        await page.screenshot({ path: path.join(artifacts, `${kind}.png`) });
        if (url.endsWith('format=png')) {
          // Chromium shows an image in a viewer page of its own, whose inline styles the PNG's strict CSP blocks: its
          // complaints are about the viewer, not the image, which must decode at 1200×630.
          const size = await page.locator('img').evaluate((img) => `${img.naturalWidth}×${img.naturalHeight}`);
          equal(size, '1200×630', 'the preview card');
        } else {
          assert(problems.length === 0, () => problems.join('\n'));
        }
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

  await check('with JavaScript off every page still shows its figures and charts, and the citation stays selectable', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      for (const { kind, url } of pageKinds) {
        const page = await context.newPage();
        page.setDefaultTimeout(90_000);
        await page.goto(api.baseUrl + url, { waitUntil: 'load' });
        assert((await page.locator('main table').count()) > 0, `${kind}: no table without JavaScript`);
        await assertChartsLoaded(page);
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
});

// What every browser test file shares: the checks and their tally, a page that records what goes wrong in it, and the
// run itself (chromium present, the API started as server.mjs starts it, the browser launched, everything stopped,
// "N passed, N failed" and the exit code).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startApi } from './server.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = [];

/** Runs one named check; a thrown error fails it and the run goes on. */
export async function check(name, body) {
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok - ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`not ok - ${name}\n  ${String(error?.message ?? error).split('\n').join('\n  ')}`);
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(typeof message === 'function' ? message() : message);
}

export function equal(actual, expected, what) {
  assert(actual === expected, () => `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** A page that records console errors (a resource that fails to load among them), uncaught exceptions and CSP violations. */
export async function openRecordingPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    // A failed load is reported below with its URL; the console's line names none.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    // Chromium asks for /favicon.ico by itself; the API has none.
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') {
      problems.push(`${response.status()} for ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // Init scripts run outside the page's CSP, before any of its own scripts.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  return { page, problems };
}

/**
 * Starts the API and chromium, runs <paramref>body({ api, browser })</paramref>, stops both, prints the tally (and the
 * server's last log lines when something failed) and exits with 0 only when every check passed.
 */
export async function runBrowserSuite(body) {
  let api;
  try {
    if (!existsSync(chromiumPath)) {
      throw new Error(`${chromiumPath} does not exist (apt-get install chromium, or set CHROMIUM_PATH)`);
    }
    api = await startApi();
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    try {
      await body({ api, browser });
    } finally {
      await browser.close();
    }
  } catch (error) {
    results.push({ name: 'the browser test ran', ok: false });
    console.log(`not ok - the browser test ran\n  ${String(error?.stack ?? error).split('\n').join('\n  ')}`);
  } finally {
    if (api && results.some((result) => !result.ok)) console.log(`--- server log (last lines) ---\n${api.logTail()}`);
    await api?.stop();
  }
  const passed = results.filter((result) => result.ok).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  process.exit(passed === results.length ? 0 : 1);
}

// Browser test of the pages people open by hand: the GraphQL IDE at /graphql and the API reference at /docs.
// Starts the API (Release build, private cluster, own port), drives Debian's chromium with playwright-core, and
// checks that the IDE loads, introspects the schema and runs its example queries showing figures from the seed
// data, that neither page logs an error or breaks its Content-Security-Policy, and that Swagger UI's "Try it out" and
// "Execute" succeed on every operation as the page fills its fields (optional examples must not become values).
//   npm run test:browser          (CHROMIUM_PATH overrides /usr/bin/chromium; see server.mjs for the server)
// Ends with "N passed, N failed"; the exit code is non-zero when anything failed.
import { assert, check, openRecordingPage, runBrowserSuite } from './suite.mjs';
import { readSeed } from './seed.mjs';

function assertNoErrors(body) {
  assert(!body.errors, () => `errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
}

/** The full text of a GraphiQL editor (CodeMirror draws only the visible lines, so the DOM alone is not enough). */
function editorText(page, selector) {
  return page.evaluate((css) => document.querySelector(`${css} .CodeMirror`)?.CodeMirror?.getValue() ?? null, selector);
}

/** Waits for the GraphQL response of the named operation that the IDE posts. */
function graphQLResponse(page, operationName) {
  return page.waitForResponse((response) => {
    const request = response.request();
    if (request.method() !== 'POST' || !response.url().endsWith('/graphql')) return false;
    try {
      // GraphiQL may post a tab's document before its operation name is updated; the document itself says which it is.
      const { operationName: posted, query } = JSON.parse(request.postData() ?? '{}');
      return posted === operationName || (typeof query === 'string' && query.includes(`query ${operationName}`));
    } catch {
      return false;
    }
  }, { timeout: 30_000 });
}

async function runTab(page, tabTitle) {
  await page.locator('.graphiql-tab', { hasText: tabTitle }).first().locator('.graphiql-tab-button').click();
  // Run only once the editor holds the tab's document, or the click may run the previous tab's query.
  await page.waitForFunction((title) => (document.querySelector('.graphiql-query-editor .CodeMirror')?.CodeMirror?.getValue() ?? '')
    .includes(`query ${title}`), tabTitle);
  // Right after a tab switch GraphiQL can still post the previous tab's operation name with the new document
  // (its operation name follows the editor a moment later); the server then answers "Unknown operation",
  // and a user would simply press Run again. So does the test, a few times at most.
  let body;
  for (let attempt = 1; ; attempt++) {
    const response = graphQLResponse(page, tabTitle);
    await page.locator('.graphiql-execute-button').click();
    body = await (await response).json();
    const stale = (body.errors ?? []).some((e) => String(e.message).startsWith('Unknown operation named'));
    if (!stale || attempt === 5) break;
    await page.waitForTimeout(250);
  }
  // The response pane is filled right after the fetch resolves.
  await page.waitForFunction(() => {
    const text = document.querySelector('.result-window .CodeMirror')?.CodeMirror?.getValue() ?? '';
    return text.trim().startsWith('{');
  });
  return { body, pane: await editorText(page, '.result-window') };
}

runBrowserSuite(async ({ api, browser }) => {
  const seed = readSeed();
  const context = await browser.newContext();
  const { page, problems } = await openRecordingPage(context);
  const introspection = page.waitForResponse(async (response) => {
    const posted = response.request().postData() ?? '';
    return response.url().endsWith('/graphql') && posted.includes('__schema');
  }, { timeout: 30_000 }).catch(() => null);
  let navigation;

  await check('GET /graphql from a browser serves the IDE page', async () => {
    navigation = await page.goto(`${api.baseUrl}/graphql`, { waitUntil: 'load' });
    assert(navigation.status() === 200, `status ${navigation.status()}`);
    const type = navigation.headers()['content-type'] ?? '';
    assert(type.startsWith('text/html'), `content type ${type}`);
  });

  await check('the IDE page is served under a Content-Security-Policy without unsafe-eval or inline scripts', async () => {
    const policy = navigation?.headers()['content-security-policy'];
    assert(policy, 'no Content-Security-Policy header');
    const scriptSources = /(?:^|;)\s*script-src([^;]*)/.exec(policy)?.[1] ?? /(?:^|;)\s*default-src([^;]*)/.exec(policy)?.[1] ?? '';
    assert(!scriptSources.includes("'unsafe-inline'") && !policy.includes("'unsafe-eval'"), `policy allows inline or eval: ${policy}`);
  });

  await check('GraphiQL mounts with the example tabs', async () => {
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    const tabs = await page.locator('.graphiql-tab').allTextContents();
    for (const title of ['AllProjects', 'ProjectFigures', 'AsOf', 'SchemaTour'])
      assert(tabs.some((tab) => tab.includes(title)), `no tab ${title} among ${JSON.stringify(tabs)}`);
    const query = await editorText(page, '.graphiql-query-editor');
    assert(query?.includes('query AllProjects'), `query editor holds ${JSON.stringify(query?.slice(0, 80))}`);
  });

  await check('the IDE introspects the schema from the same endpoint', async () => {
    const response = await introspection;
    assert(response, 'no introspection request within 30 s');
    const body = await response.json();
    assert(body.data?.__schema?.queryType?.name, `introspection answered ${JSON.stringify(body).slice(0, 300)}`);
    await page.locator('.graphiql-doc-explorer-title, [aria-label="Show Documentation Explorer"]').first().waitFor();
  });

  await check('the example query over all projects shows revenue and prices from the seed data', async () => {
    const { body, pane } = await runTab(page, 'AllProjects');
    assertNoErrors(body);
    const projects = body.data.projects.nodes ?? body.data.projects.edges?.map((edge) => edge.node);
    assert(projects.length === seed.projects.length, `${projects.length} projects; the seed has ${seed.projects.length}`);
    const aethir = projects.find((project) => project.slug === 'aethir');
    const q2 = aethir?.revenue?.find((figure) => figure.quarter === '2025Q2' && Number(figure.amountUsd) === 32_700_000);
    assert(q2, `no 2025Q2 revenue of 32,700,000 for aethir in ${JSON.stringify(aethir).slice(0, 400)}`);
    assert(pane.includes(JSON.stringify(q2.amountUsd)), `the response pane does not show ${JSON.stringify(q2.amountUsd)}`);
    assert(pane.includes('"aethir"'), 'the response pane does not show aethir');
    const priced = projects.filter((project) => project.latestPrice?.priceUsd != null);
    assert(priced.length > 0, 'no project has a latest price');
  });

  await check("the project example shows Aethir's figures with their sources and quotes", async () => {
    const { body, pane } = await runTab(page, 'ProjectFigures');
    assertNoErrors(body);
    const expected = seed.revenue.find((row) => row.id === 'aethir-2025q2-quarterly-revenue');
    const figure = body.data.project.revenue.find((row) => row.quarter === expected.quarter && row.metric?.toLowerCase() === expected.metric);
    assert(figure, `no ${expected.metric} for ${expected.quarter}`);
    assert(Number(figure.amountUsd) === Number(expected.amount_usd), `amountUsd ${figure.amountUsd}, seed ${expected.amount_usd}`);
    assert(figure.quote === expected.quote, `quote ${JSON.stringify(figure.quote)}`);
    const source = seed.sources.find((row) => row.id === expected.source);
    assert(figure.source?.publisher === source.publisher, `publisher ${figure.source?.publisher}, seed ${source.publisher}`);
    assert(pane.includes(JSON.stringify(expected.quote)), 'the response pane does not show the quote');
  });

  await check('the asOf example serves data version 1', async () => {
    const { body } = await runTab(page, 'AsOf');
    assertNoErrors(body);
    assert(String(body.data.meta.dataVersion) === '1', `dataVersion ${body.data.meta.dataVersion}`);
  });

  await check('the schema tour example describes the Project type', async () => {
    const { body } = await runTab(page, 'SchemaTour');
    assertNoErrors(body);
    const fields = body.data.__type?.fields ?? [];
    assert(fields.length > 0 && fields.every((field) => field.description), 'Project has fields without descriptions');
  });

  await check('the IDE logs no errors and no CSP violations', async () => {
    assert(problems.length === 0, problems.join('\n'));
  });

  await check('GET /graphql?query= from a browser is executed as GraphQL, not answered with the IDE', async () => {
    const other = await context.newPage();
    const response = await other.goto(`${api.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    const type = response.headers()['content-type'] ?? '';
    assert(type.includes('json'), `content type ${type}`);
    assert((await response.json()).data?.__typename === 'Query', 'no data.__typename');
    await other.close();
  });

  await check('/docs renders the API reference without errors or CSP violations', async () => {
    const docs = await openRecordingPage(context);
    const response = await docs.page.goto(`${api.baseUrl}/docs`, { waitUntil: 'load' });
    assert(response.status() === 200, `status ${response.status()}`);
    assert(response.headers()['content-security-policy'], 'no Content-Security-Policy header');
    await docs.page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 30_000 });
    assert(docs.problems.length === 0, docs.problems.join('\n'));
  });

  await check('/docs: "Try it out" then "Execute" on every operation, with the fields as the page fills them, answers 2xx', async () => {
    const docs = await openRecordingPage(context);
    await docs.page.goto(`${api.baseUrl}/docs`, { waitUntil: 'load' });
    await docs.page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 30_000 });
    const operations = await docs.page.locator('.swagger-ui .opblock').evaluateAll((blocks) => blocks.map((block) => block.id));
    assert(operations.length >= 20, `only ${operations.length} operations on the page`);
    const failures = [];
    for (const id of operations) {
      const block = docs.page.locator(`[id="${id}"]`);
      await block.locator('.opblock-summary').first().click();
      await block.locator('.try-out__btn').click();
      const filled = await block.locator('.parameters input[type=text], .parameters select').evaluateAll((fields) => fields
        .map((field) => ({ name: field.closest('tr')?.getAttribute('data-param-name'), required: !!field.closest('tr')?.querySelector('.parameter__name.required'), example: !!field.closest('.examples-select'), value: field.value }))
        .filter((field) => !field.required && field.value !== '' && !field.example));
      await block.locator('.execute').click();
      const status = block.locator('.live-responses-table tr.response .response-col_status').first();
      await status.waitFor({ timeout: 30_000 });
      const code = Number.parseInt((await status.textContent()).trim(), 10);
      if (!(code >= 200 && code < 300)) failures.push(`${id}: ${code}`);
      if (filled.length > 0) failures.push(`${id}: optional parameters filled in: ${JSON.stringify(filled)}`);
      // Collapsed again, so the page stays small and the next block's locators find only their own elements.
      await block.locator('.opblock-summary').first().click();
    }
    assert(failures.length === 0, `${failures.length} of ${operations.length} operations failed:\n${failures.join('\n')}`);
    assert(docs.problems.length === 0, docs.problems.join('\n'));
    console.log(`  ${operations.length} operations executed from /docs`);
  });
});

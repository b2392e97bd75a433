// The scenarios of the performance issue. Each names the database and configuration of the
// server it needs and how to find the request(s) it loads; the runner starts a fresh server
// per scenario, so each one's peak RSS is its own.
import { CACHE_OFF, CACHE_ON } from './settings.mjs';
import * as Q from './queries.mjs';
import { DEPIN_NESTED_QUERY, POSTGRAPHILE_NESTED_QUERY } from './queries.mjs';
import { LONG_SERIES } from './datasets.mjs';
import { performance } from 'node:perf_hooks';

export const SEED_PROJECT = 'helium';
export const PAGE_SIZE = 100;
export const DEEP_PAGE = 1000;

/** A scenario whose endpoint does not answer (yet) is reported as not measured, with the reason. */
export class NotMeasured extends Error {}

const json = { 'content-type': 'application/json', accept: 'application/json' };
const graphqlBody = (query, variables) => JSON.stringify(variables ? { query, variables } : { query });

/** The Link header's rel="next" target, resolved against the request's URL. */
export function nextLink(response) {
  const header = response.headers.get('link');
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = part.match(/<([^>]*)>\s*;(.*)/);
    if (match && /rel="?next"?/.test(match[2])) return new URL(match[1], response.url).toString();
  }
  return null;
}

async function expectOk(request, check) {
  const response = await fetch(request.url, { method: request.method ?? 'GET', headers: request.headers, body: request.body });
  const text = await response.text();
  if (response.status !== 200)
    throw new NotMeasured(`${request.method ?? 'GET'} ${new URL(request.url).pathname} answered ${response.status}: ${text.slice(0, 200)}`);
  check?.(text, response);
  return { response, text };
}

function noGraphQLErrors(text) {
  const body = JSON.parse(text);
  if (body.errors?.length) throw new NotMeasured(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
  if (!body.data) throw new NotMeasured('GraphQL response without data');
}

/** The project the wide single-project shape asks for, per data set. */
const WIDE_PROJECT = { seed: SEED_PROJECT, synthetic: 'synthetic-0001' };

/**
 * The days of prices the wide shape lists, per data set: all of them on the seed data; on the scale set the last year
 * of the project's series (2025, 365 prices). An unpaged price list is charged by the longest series in the data,
 * and the scale set's is 100,000 days (the long series), past the cost limit; PostGraphile reads the same 365 rows as
 * the newest 365.
 */
const WIDE_PRICE_DAYS = {
  seed: { from: null, to: null, days: null },
  synthetic: { from: '2025-01-01', to: '2025-12-31', days: 365 },
};

/**
 * A GraphQL shape measured on both servers: scenario `id` on this API and `id`p on PostGraphile, over the same
 * database (the seed data, or the synthetic scale set with --scale). `variables(base, server, database)` may ask
 * the server first (a cursor).
 */
function shape({ id, key, title, depin, postgraphile, variables = async () => undefined }) {
  const common = { shape: key, settings: CACHE_OFF, database: 'seed', scalable: true };
  const scenario = (server, query, label) => ({
    ...common, id: server === 'api' ? id : `${id}p`, key: `${key}${server === 'api' ? '' : '-peer'}`, server,
    title: `${server === 'api' ? 'GraphQL' : 'Peer: PostGraphile 5'}, ${title}`,
    async requests(base) {
      const url = server === 'api' ? `${base}/graphql` : base;
      const vars = await variables(url, server, this.database);
      const request = { url, method: 'POST', headers: json, body: graphqlBody(query, vars) };
      await expectOk(request, noGraphQLErrors);
      return [{ label: `POST ${label}`, request }];
    },
  });
  return [scenario('api', depin, '/graphql'), scenario('postgraphile', postgraphile, '/graphql on PostGraphile')];
}

async function endCursor(url, query, path) {
  const { text } = await expectOk({ url, method: 'POST', headers: json, body: graphqlBody(query) }, noGraphQLErrors);
  const cursor = path(JSON.parse(text).data);
  if (!cursor) throw new NotMeasured('page 1 has no end cursor');
  return cursor;
}

/** The GraphQL shapes besides the nested query of scenarios 4 and 5: the issue's six, and cited figures. */
export const SHAPES = [
  ...shape({
    id: '8', key: 'shape-cursor-page-2', title: 'cursor page 2 (`after`) with edges and two nested lists',
    depin: Q.DEPIN_CURSOR_PAGE_QUERY, postgraphile: Q.POSTGRAPHILE_CURSOR_PAGE_QUERY,
    variables: async (url, server) => ({
      after: server === 'api'
        ? await endCursor(url, Q.DEPIN_FIRST_PAGE_QUERY, d => d.projects.pageInfo.endCursor)
        : await endCursor(url, Q.POSTGRAPHILE_FIRST_PAGE_QUERY, d => d.allProjectKeys.pageInfo.endCursor),
    }),
  }),
  ...shape({
    id: '9', key: 'shape-as-of', title: '`asOf` a past version (1 of 2): projects, revenue, latest price',
    depin: Q.DEPIN_AS_OF_QUERY, postgraphile: Q.POSTGRAPHILE_AS_OF_QUERY,
  }),
  ...shape({
    id: '10', key: 'shape-units-pch', title: '`units: PCH` on every revenue series (PostGraphile: the series itself)',
    depin: Q.DEPIN_UNITS_QUERY, postgraphile: Q.POSTGRAPHILE_UNITS_QUERY,
  }),
  ...shape({
    id: '11', key: 'shape-three-levels', title: 'three levels: projects → revenue → source',
    depin: Q.DEPIN_THREE_LEVELS_QUERY, postgraphile: Q.POSTGRAPHILE_THREE_LEVELS_QUERY,
  }),
  ...shape({
    id: '12', key: 'shape-wide-project', title: 'one project, wide: every list and scalar',
    depin: Q.DEPIN_WIDE_QUERY, postgraphile: Q.POSTGRAPHILE_WIDE_QUERY,
    variables: async (url, server, database) => {
      const { from, to, days } = WIDE_PRICE_DAYS[database];
      return server === 'api' ? { slug: WIDE_PROJECT[database], from, to } : { slug: WIDE_PROJECT[database], days };
    },
  }),
  ...shape({
    id: '13', key: 'shape-cited', title: 'every revenue figure cited: citation and permalink (PostGraphile: what a citation is written from)',
    depin: Q.DEPIN_CITED_QUERY, postgraphile: Q.POSTGRAPHILE_CITED_QUERY,
  }),
];

/**
 * One project's revenue over REST with the output cache off, so every request reaches Postgres; with `coding`, asked
 * for in that content coding (and checked to come in it). Without one, autocannon's load asks for none, while the probe,
 * sent with Node's fetch, asks for gzip.
 */
function uncachedRevenue({ id, key, coding }) {
  const path = `/v1/projects/${SEED_PROJECT}/revenue`;
  return {
    id, key, title: `REST /v1/projects/{slug}/revenue, output cache off${coding ? `, ${coding}` : ''}`,
    server: 'api', database: 'seed', settings: CACHE_OFF,
    async requests(base) {
      const headers = coding ? { accept: 'application/json', 'accept-encoding': coding } : { accept: 'application/json' };
      const request = { url: `${base}${path}`, headers };
      await expectOk(request, coding && ((text, response) => {
        if (response.headers.get('content-encoding') !== coding) throw new NotMeasured(`the response is not ${coding}-encoded`);
      }));
      return [{ label: `GET ${path}${coding ? ` (${coding})` : ''}`, request }];
    },
  };
}

export const SCENARIOS = [
  {
    id: '1', key: 'ceiling', title: 'Ceiling: fixed 1 KB body (benchmark-only endpoint)',
    server: 'api', database: 'seed', settings: CACHE_ON,
    async requests(base) {
      const request = { url: `${base}/bench/ceiling` };
      await expectOk(request);
      return [{ label: 'GET /bench/ceiling', request }];
    },
  },
  {
    id: '2', key: 'rest-projects-cached', title: 'REST /v1/projects, output cache on',
    server: 'api', database: 'seed', settings: CACHE_ON,
    async requests(base) {
      const request = { url: `${base}/v1/projects`, headers: { accept: 'application/json' } };
      await expectOk(request);
      return [{ label: 'GET /v1/projects', request }];
    },
  },
  uncachedRevenue({ id: '3', key: 'rest-revenue-uncached' }),
  {
    id: '4', key: 'graphql-nested', title: 'GraphQL nested query (POST), cache off',
    server: 'api', database: 'seed', settings: CACHE_OFF, shape: 'nested', scalable: true,
    async requests(base) {
      const request = { url: `${base}/graphql`, method: 'POST', headers: json, body: graphqlBody(DEPIN_NESTED_QUERY) };
      await expectOk(request, noGraphQLErrors);
      return [{ label: 'POST /graphql (projects → revenue ×4, latest price, settlement mix)', request }];
    },
  },
  {
    id: '5', key: 'postgraphile-nested', title: 'Peer: PostGraphile 5 (amber), the same query',
    server: 'postgraphile', database: 'seed', shape: 'nested', scalable: true,
    async requests(base) {
      const request = { url: base, method: 'POST', headers: json, body: graphqlBody(POSTGRAPHILE_NESTED_QUERY) };
      await expectOk(request, noGraphQLErrors);
      return [{ label: 'POST /graphql on PostGraphile (allProjectKeys → the same figures)', request }];
    },
  },
  {
    id: '6', key: 'deep-pagination', title: `Deep pagination on the scale set: page 1 vs page ${DEEP_PAGE.toLocaleString('en')} of a price series (${PAGE_SIZE} rows a page)`,
    server: 'api', database: 'synthetic', settings: CACHE_OFF,
    async requests(base) {
      const first = { url: `${base}/v1/projects/${LONG_SERIES}/token-prices?limit=${PAGE_SIZE}`, headers: { accept: 'application/json' } };
      let { response } = await expectOk(first);
      // Reach the deep page the way a client does: by following rel="next", one page at a time.
      let url = first.url;
      for (let page = 2; page <= DEEP_PAGE; page++) {
        url = nextLink(response);
        if (!url) throw new NotMeasured(`the series ended at page ${page - 1}; no rel="next" link`);
        ({ response } = await expectOk({ url, headers: first.headers }));
      }
      return [
        { label: 'page 1', request: first },
        { label: `page ${DEEP_PAGE.toLocaleString('en')}`, request: { url, headers: first.headers } },
      ];
    },
  },
  {
    id: '7', key: 'csv-stream', title: 'CSV of a 100,000-row price series, server memory sampled while streaming',
    // One connection: the server lets each client have one whole-series export under way (`BulkExports`, a limit
    // that holds with rate limiting off), so a second connection from this one loopback address measured nothing
    // but its own 429s (15,347 of them in the run that had two).
    server: 'api', database: 'synthetic', settings: CACHE_OFF, connections: 1, timeoutSeconds: 60,
    async requests(base) {
      const request = { url: `${base}/v1/projects/${LONG_SERIES}/token-prices?format=csv`, headers: { accept: 'text/csv' } };
      const started = performance.now();
      const { text } = await expectOk(request);
      const downloadSeconds = (performance.now() - started) / 1000;
      const rows = text.split('\n').filter(line => line.length > 0).length - 1;
      if (rows < 100_000) throw new NotMeasured(`the CSV has ${rows} data rows, not the whole 100,000-row series (is it paged?)`);
      return [{ label: `GET ${new URL(request.url).pathname}?format=csv (${rows.toLocaleString('en')} rows, ${(text.length / 1048576).toFixed(1)} MB)`, request, rows, responseBytes: Buffer.byteLength(text), downloadSeconds }];
    },
  },
  ...SHAPES,
  // What Go's and Python's common HTTP clients send: the compressor's native state each response allocates is memory
  // the other scenarios, whose load asks for no coding, never see (docs/performance.md, Means).
  uncachedRevenue({ id: '14', key: 'rest-revenue-gzip', coding: 'gzip' }),
];

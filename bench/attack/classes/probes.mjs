// (6) Bug probes: requests that found 5xx answers, wrong 304s, cache mix-ups, forged hosts and
// free refusals in the first campaign. Each probe says what a correct server answers; the first
// pass reports every probe's finding, then the probes repeat from several addresses until the
// class ends, so a 5xx that only shows under repetition is counted too.
import net from 'node:net';
import { Tally } from '../lib/tally.mjs';
import { attacker } from '../lib/clients.mjs';
import { destroyAgents, fromCache, send } from '../lib/http.mjs';
import { FIRST_DATE, LONG_SERIES } from '../lib/documents.mjs';

export const meta = {
  key: 'probes',
  title: 'Bug probes',
  what: 'asOf=9999-12-31, If-None-Match: *, HEAD, upper-case slugs, forged Host, malformed requests on a raw socket, charges for refused GraphQL, CSV formula cells; repeated from 10 addresses',
};

const OVERFLOW = '9999-12-31';
const TOO_COMPLEX = '{ projects(first: 100) { nodes { revenue { id } tokenPrices { date } metrics { value } sources { id } } } }';
const withOverflow = path => `${path}${path.includes('?') ? '&' : '?'}asOf=${OVERFLOW}`;
const gql = (query, variables) => ({ method: 'POST', path: '/graphql', body: { query, variables } });

/** A request on a raw socket, for what an HTTP client library will not send. */
function raw(base, address, text) {
  const { hostname, port } = new URL(base);
  return new Promise(resolve => {
    const socket = net.connect({ host: hostname, port: Number(port), localAddress: address });
    let data = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', chunk => { data += chunk.toString('latin1'); });
    socket.on('close', () => {
      const [head, body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0), bodyBytes: body.length, head });
    });
    socket.on('error', () => {});
    // Kestrel drops a connection half-closed before it answers, so the request is written and
    // the socket closed only after the answer (or 3 s).
    socket.write(text);
    socket.once('data', () => setTimeout(() => socket.end(), 200));
    setTimeout(() => socket.end(), 3000);
  });
}

/** Every probe: `run(request)` returns { ok, detail }; `request` sends from the probe's own address and records it. */
const PROBES = [
  ...['/v1/projects', `/v1/projects/${LONG_SERIES}/token-prices`, '/v1/revenue?metric=quarterly_revenue', '/v1/meta'].map(path => ({
    name: `GET ${withOverflow(path)}`, expect: 'a 200 (the newest data) or a 4xx, never a 5xx',
    async run(request) { const r = await request({ path: withOverflow(path) }); return { ok: r.status > 0 && r.status < 500, detail: `HTTP ${r.status}` }; },
  })),
  {
    name: `GraphQL meta(asOf: "${OVERFLOW}")`, expect: 'data or an error with a code, never "Unexpected error."',
    async run(request) {
      const r = await request(gql(`{ meta(asOf: "${OVERFLOW}") { dataVersion } }`));
      const text = r.head + r.tail;
      const ok = r.status < 500 && !/Unexpected error/.test(text) && (!/"errors"/.test(text) || /"code"/.test(text));
      return { ok, detail: `HTTP ${r.status}: ${text.slice(0, 160).replace(/\s+/g, ' ')}` };
    },
  },
  // RFC 9110: `*` matches a current representation, so it is a 304 exactly where a plain GET is a 200, and
  // never replaces an error. (asOf=9999-12-31 is a day after the newest import: the newest data, a 200.)
  ...[['a 404', '/v1/projects/no-such-project'], ['a 400', '/v1/projects?limit=0'], ['an asOf far ahead', `/v1/projects?asOf=${OVERFLOW}`],
    ['a 200', '/v1/projects?limit=3']].map(([what, path]) => ({
    name: `If-None-Match: * on ${what} (${path})`, expect: '304 where a plain GET is a 200, else the plain answer',
    async run(request) {
      const plain = await request({ path });
      const r = await request({ path, headers: { 'if-none-match': '*' } });
      const expected = plain.status === 200 ? 304 : plain.status;
      return { ok: r.status === expected, detail: `HTTP ${r.status} (plain GET ${plain.status})` };
    },
  })),
  ...['/v1/projects', '/v1/projects/helium'].map(path => ({
    name: `HEAD ${path}`, expect: '200 (CORS advertises HEAD)',
    async run(request) { const r = await request({ method: 'HEAD', path }); return { ok: r.status === 200, detail: `HTTP ${r.status}` }; },
  })),
  {
    name: 'GET /v1/projects/RENDER before and after /v1/projects/render is cached', expect: 'the same status both times',
    async run(request) {
      const before = await request({ path: '/v1/projects/RENDER' });
      await request({ path: '/v1/projects/render' });
      await request({ path: '/v1/projects/render' });
      const after = await request({ path: '/v1/projects/RENDER' });
      return { ok: before.status === after.status, detail: `HTTP ${before.status} uncached, ${after.status} after${fromCache(after.headers) ? ' (from the cache)' : ''}` };
    },
  },
  ...['/v1/projects/helium/revenue', '/v1/projects?limit=1'].map(path => ({
    name: `Host: attacker.example on ${path}`, expect: 'no link or citation naming attacker.example',
    async run(request) {
      const r = await request({ path, headers: { host: 'attacker.example' }, keepBody: true });
      const leaked = (r.body ?? Buffer.alloc(0)).toString('utf8').includes('attacker.example') || String(r.headers.link ?? '').includes('attacker.example');
      return { ok: !leaked, detail: `HTTP ${r.status}${leaked ? ', links name attacker.example' : ''}` };
    },
  })),
  ...[['Content-Length: abc', 'GET /v1/projects HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'],
    ['a header line without a colon', 'GET /v1/projects HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n']].map(([what, text]) => ({
    // Kestrel answers these itself, before any middleware, with no way to give them a body (docs/errors.md,
    // "Refusals written before the API runs"): the probe holds it to a 400 that closes the connection, not a 5xx.
    name: `malformed request: ${what}`, expect: 'a 400 from the server itself (empty body: docs/errors.md)',
    async run(_request, { base, address, tally }) {
      const r = await raw(base, address, text);
      tally.add(address, { status: r.status, bytes: r.bodyBytes, head: '', tail: '', headers: {} });
      return { ok: r.status === 400, detail: `HTTP ${r.status}, ${r.bodyBytes} body bytes` };
    },
  })),
  ...[['too complex', gql(TOO_COMPLEX)], ['missing variable', gql('query ($s: String!) { project(slug: $s) { name } }')]].map(([what, refused]) => ({
    name: `points charged for a refused GraphQL request (${what})`, expect: 'its admission point only, never its query cost (docs/rate-limits.md, "What a refusal costs")',
    async run(request) {
      // What the request paid, as the server reports it (the budget refills, so Remaining deltas would not say).
      const refusal = await request(refused);
      const charged = Number(refusal.headers['ratelimit-cost']);
      return { ok: charged === 1, detail: `HTTP ${refusal.status}, charged ${charged} point${charged === 1 ? '' : 's'}` };
    },
  })),
  {
    name: 'CSV cell starting with "=" (the synthetic series\' first quote)', expect: 'neutralised, not a raw formula',
    async run(request) {
      const r = await request({ path: `/v1/projects/${LONG_SERIES}/token-prices?format=csv&to=${FIRST_DATE}`, keepBody: true });
      const text = (r.body ?? Buffer.alloc(0)).toString('utf8');
      const raw = /(^|,)"?=HYPERLINK/m.test(text);
      return { ok: r.status === 200 && !raw, detail: `HTTP ${r.status}${raw ? ', =HYPERLINK(...) sent raw' : ''}` };
    },
  },
];

export async function attack({ base, deadline }, signal) {
  const tally = new Tally();
  const runProbe = (probe, address) => {
    const request = async spec => {
      const result = await send({ timeoutMs: 20_000, ...spec, base, address, signal });
      tally.add(address, result);
      if (result.status === 429) // stay inside the budget, as every attacker of the campaign does
        await new Promise(r => setTimeout(r, Math.min(Number(result.headers['retry-after'] ?? 1) * 1000, Math.max(0, deadline - Date.now()))));
      return result;
    };
    return probe.run(request, { base, address, tally });
  };
  const findings = [];
  for (const [i, probe] of PROBES.entries()) {
    // A connection the server drops is a finding of this probe, not a failure of the harness.
    const { ok, detail } = await runProbe(probe, attacker(i)).catch(e => ({ ok: false, detail: `no answer: ${e.message}` }));
    findings.push({ name: probe.name, expect: probe.expect, ok, detail });
  }
  // Repeat from ten other addresses until the class ends (5xx under repetition are counted).
  await Promise.all(Array.from({ length: 10 }, async (_, lane) => {
    const address = attacker(PROBES.length + lane);
    for (let n = lane; Date.now() < deadline && !signal.aborted; n++)
      await runProbe(PROBES[n % PROBES.length], address).catch(e => tally.add(address, { status: 0, bytes: 0, head: '', tail: '', headers: {}, error: e.message }));
  }));
  destroyAgents();
  return { ...tally.summary(), findings };
}

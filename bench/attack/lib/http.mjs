// One HTTP request from a chosen loopback source address. The API keys its rate limits by client
// IP, so every simulated client needs an address of its own: on Linux the whole of 127.0.0.0/8
// routes to the loopback interface, and a socket can bind any of those addresses without setup.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { isCacheHit } from '../../load/lib/load.mjs';

const agents = new Map();

/** A keep-alive agent per source address (sockets are never shared between two clients). */
export function agentFor(address) {
  let agent = agents.get(address);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 256, localAddress: address });
    agents.set(address, agent);
  }
  return agent;
}

export function destroyAgents() {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

const SNIFF = 4096;

/**
 * Sends one request and reads the whole response, or reads it at `readBytesPerSecond` (a slow
 * reader). Never rejects: network failures, timeouts and aborts come back as `error`.
 * Keeps the first and last 4 KB of the body (`head`, `tail`) so error codes can be found
 * without holding a 200 MB body; `keepBody` keeps all of it.
 *
 * @returns {{status, headers, bytes, ms, head, tail, body?, error?}}
 */
export function send({ base, address, method = 'GET', path, headers = {}, body, signal, timeoutMs = 30_000, readBytesPerSecond, keepBody = false }) {
  const url = new URL(path, base);
  const started = performance.now();
  return new Promise(resolve => {
    let settled = false;
    let bytes = 0;
    let head = Buffer.alloc(0);
    let tail = Buffer.alloc(0);
    const chunks = [];
    let response;
    let timer;
    let pump;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(pump);
      signal?.removeEventListener('abort', onAbort);
      resolve({
        status: response?.statusCode ?? 0, headers: response?.headers ?? {}, bytes, ms: performance.now() - started,
        head: head.toString('utf8'), tail: tail.toString('utf8'), body: keepBody ? Buffer.concat(chunks) : undefined,
        error,
      });
    };
    const onAbort = () => { request.destroy(); finish('aborted'); };
    const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const request = http.request(url, {
      method, agent: agentFor(address), localAddress: address,
      headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...headers },
    }, res => {
      response = res;
      const take = chunk => {
        bytes += chunk.length;
        if (head.length < SNIFF) head = Buffer.concat([head, chunk.subarray(0, SNIFF - head.length)]);
        tail = Buffer.concat([tail, chunk]).subarray(-SNIFF);
        if (keepBody) chunks.push(chunk);
      };
      res.on('end', () => finish());
      res.on('error', e => finish(e.code ?? e.message));
      res.on('aborted', () => finish('response aborted'));
      if (!readBytesPerSecond) {
        res.on('data', take);
        return;
      }
      // Paused mode: Node stops reading the socket once its small buffer is full, the kernel's
      // buffers fill, and the server's writes block: the server sees a client that reads at
      // exactly this rate.
      res.on('readable', () => { if (res.readableEnded) finish(); });
      const perTick = Math.max(1, Math.round(readBytesPerSecond / 4));
      pump = setInterval(() => {
        const n = Math.min(perTick, res.readableLength);
        if (n > 0) take(res.read(n));
      }, 250);
    });
    timer = setTimeout(() => { request.destroy(); finish('timeout'); }, timeoutMs);
    if (signal) {
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort);
    }
    request.on('error', e => finish(e.code ?? e.message));
    request.end(payload);
  });
}

/** Posts a GraphQL document (with variables) as JSON. */
export const graphql = (options, query, variables) => send({ ...options, method: 'POST', path: '/graphql', body: { query, variables } });

/** Whether the server's output cache answered (node's headers are lower-cased). */
export const fromCache = headers => isCacheHit(headers['server-timing']);

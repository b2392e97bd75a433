// The round trip of the budget scripts themselves, without the API: redis-benchmark (one connection, so no queueing
// in Redis) calls the service's own Lua, read from src/DepinApi/RateLimiting/RedisBudgetScripts.cs, over 10,000
// clients' keys; PING on the same connection is the floor any command pays.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The scripts as the service sends them: C# raw string literals, Admit and Charge each prefixed by Bucket. */
export function budgetScripts(repo) {
  const source = readFileSync(join(repo, 'src/DepinApi/RateLimiting/RedisBudgetScripts.cs'), 'utf8');
  const literals = {};
  for (const m of source.matchAll(/const string (\w+) = (?:(\w+) \+ )?"""\r?\n([\s\S]*?)\r?\n\s*""";/g))
    literals[m[1]] = (m[2] ? literals[m[2]] + '\n' : '') + m[3];
  if (!literals.Admit || !literals.Charge) throw new Error('RedisBudgetScripts.cs: the Admit and Charge scripts were not found');
  return { admit: literals.Admit, charge: literals.Charge };
}

function benchmark(port, calls, args) {
  const csv = execFileSync('redis-benchmark', ['-p', String(port), '-n', String(calls), '-c', '1', '-r', '10000', '--precision', '3', '--csv', ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [header, row] = csv.trim().split('\n').slice(-2).map(line => line.split(',').map(f => f.replace(/"/g, '')));
  const value = name => Number(row[header.indexOf(name)]);
  return { callsPerSecond: value('rps'), p50Ms: value('p50_latency_ms'), p99Ms: value('p99_latency_ms'), meanMs: value('avg_latency_ms') };
}

/** p50/p99 of PING, the admission script and the charge script, `calls` each, against the Redis on `port`. */
export function measureScripts({ repo, port, calls }) {
  const { admit, charge } = budgetScripts(repo);
  const load = script => execFileSync('redis-cli', ['-p', String(port), 'SCRIPT', 'LOAD', script], { encoding: 'utf8' }).trim();
  const admitSha = load(admit);
  const chargeSha = load(charge);
  const points = 'bench:rl:{ip:__rand_int__}:points';
  return {
    calls,
    ping: benchmark(port, calls, ['PING']),
    // burst, points per window, window ms, points, now (empty: Redis's clock), in-flight limit, lease id, lease ms:
    // a generous budget, as in the load phases.
    admit: benchmark(port, calls, ['EVALSHA', admitSha, '2', points, 'bench:rl:{ip:__rand_int__}:inflight',
      '1000000000', '1000000000', '60000', '1', '', '1000000000', 'lease__rand_int__', '120000']),
    // burst, points per window, window ms, points, now, points the request already paid.
    charge: benchmark(port, calls, ['EVALSHA', chargeSha, '1', points, '1000000000', '1000000000', '60000', '5', '', '1']),
  };
}

// Command-line options of the scaling bench (see `bench/scaling/run.sh --help`).

export const SCENARIOS = [
  { key: 'a', title: '1 replica, direct', replicas: 1, redis: false, haproxy: false },
  { key: 'b', title: '1 replica + Redis, direct', replicas: 1, redis: true, haproxy: false },
  { key: 'c1', title: '1 replica + Redis, behind HAProxy', replicas: 1, redis: true, haproxy: true },
  { key: 'c3', title: '3 replicas + Redis, behind HAProxy', replicas: 3, redis: true, haproxy: true },
];

export const HELP = `Usage: bench/scaling/run.sh [--only LIST] [--seconds N] [--warmup N] [--light N] [--connections N]
                          [--rate N] [--rounds N] [--fault-seconds N] [--no-faults] [--script-calls N]
                          [--write-docs] [--worktree] [--reuse-build]

Scale-out figures for docs/scaling.md, on loopback: a private Postgres primary with a streaming
hot standby (the replicas' reader, as in compose.yaml), a private redis-server, HAProxy running
deploy/haproxy.cfg unchanged, and the API published in Release. Per scenario, a fresh set of API
processes carries a mixed load (cached REST, uncached REST, uncached GraphQL; rate limiting on,
budgets raised out of reach): requests/s, p50/p99, CPU seconds of the API processes, Redis,
HAProxy and Postgres, and requests per CPU-second; then a light load for latency. Then the budget
scripts' own round trip (redis-benchmark), and the fault phases on the three-replica topology.
Prints a table; exits 0 when it ran (figures are findings, not pass/fail), 1 if the harness
failed, 2 on a usage error.

Scenarios:
${SCENARIOS.map(s => `  ${s.key.padEnd(3)} ${s.title}`).join('\n')}

  --only LIST         scenarios to run, comma-separated (default: all; faults run with c3)
  --seconds N         measured seconds of saturating load per scenario (default 12)
  --warmup N          unmeasured seconds before it, on fresh processes (default 4)
  --light N           seconds of light load per scenario, for latency (default 6)
  --connections N     keep-alive connections per request class under saturation (default 8)
  --rate N            requests per second per class under light load (default 40)
  --rounds N          run the scenarios N times in turn and report each one's median round by
                      requests per API CPU-second, listing every round's (default 1)
  --fault-seconds N   length of each fault window (default 3)
  --no-faults         skip the fault phases
  --script-calls N    calls per redis-benchmark measurement of the budget scripts (default 10000)
  --write-docs        replace the generated section of docs/scaling.md with this run's figures
  --worktree          build the working tree as it is instead of the committed HEAD
  --reuse-build       skip the publish and use bench/scaling/out/api from the previous run`;

export function parseArguments(argv) {
  const options = {
    only: null, seconds: 12, warmup: 4, light: 6, connections: 8, rate: 40, rounds: 1, faultSeconds: 3, faults: true,
    scriptCalls: 10_000, writeDocs: false, worktree: false, reuseBuild: false,
  };
  const number = (name, value, { integer = false, min = 1 } = {}) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n)))
      throw new Error(`${name} needs ${integer ? 'an integer' : 'a number'} of at least ${min}, got ${value}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value; see --help`);
      return argv[++i];
    };
    if (arg === '--only') {
      options.only = value().split(',').map(s => s.trim()).filter(Boolean);
      const unknown = options.only.filter(k => !SCENARIOS.some(s => s.key === k));
      if (unknown.length || !options.only.length) throw new Error(`--only: unknown scenario ${unknown.join(', ') || '(none)'}; see --help`);
    } else if (arg === '--seconds') options.seconds = number(arg, value());
    else if (arg === '--warmup') options.warmup = number(arg, value(), { min: 0 });
    else if (arg === '--light') options.light = number(arg, value());
    else if (arg === '--connections') options.connections = number(arg, value(), { integer: true });
    else if (arg === '--rate') options.rate = number(arg, value(), { integer: true });
    else if (arg === '--rounds') options.rounds = number(arg, value(), { integer: true });
    else if (arg === '--fault-seconds') options.faultSeconds = number(arg, value());
    else if (arg === '--no-faults') options.faults = false;
    else if (arg === '--script-calls') options.scriptCalls = number(arg, value(), { integer: true, min: 100 });
    else if (arg === '--write-docs') options.writeDocs = true;
    else if (arg === '--worktree') options.worktree = true;
    else if (arg === '--reuse-build') options.reuseBuild = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown argument ${arg}; see --help`);
  }
  return options;
}

export const selectScenarios = only => SCENARIOS.filter(s => !only || only.includes(s.key));

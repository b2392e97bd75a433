// Command-line options of the campaign (see `bench/attack/run.sh --help`).
import { CLASSES } from '../classes/index.mjs';
import { REHEARSAL } from './clients.mjs';

export const HELP = `Usage: bench/attack/run.sh [--only LIST] [--seconds N] [--baseline N] [--rehearse N] [--rss-cap-mb N] [--write-docs] [--worktree] [--reuse-build]

A bounded attack campaign against a Release build of the API on loopback, with its default
(production) settings: rate limiting, output cache and every limit as shipped. Each class runs
against a freshly started server: a victim client measures uncached REST and GraphQL requests
alone (baseline), then while the class's attackers run. Prints a table; exits 0 unless the
harness itself failed (a FAIL is a finding, not an error).

  --only LIST      classes to run, by number or name, comma-separated (default: all):
${CLASSES.map((c, i) => `                     ${i + 1} ${c.meta.key.padEnd(14)} ${c.meta.title}`).join('\n')}
  --seconds N      attack seconds per class (default 12)
  --baseline N     victim-alone seconds per class (default 8), after an unmeasured warm-up: 3 s, then
                   2 s steps until the server's JIT settles (at most 30 s more)
  --rehearse N     before the victim's warm-up, run the class's attack for N s from other addresses
                   (${REHEARSAL.network}.${REHEARSAL.first} upwards), so that its request paths are compiled and moved to tier 1
                   before it is measured: what is then measured is the class's sustained effect, without
                   the one-off cost of the server's first calls on those paths (off by default: the
                   campaign measures a server meeting each attack for the first time; the peak RSS
                   then covers the rehearsal too)
  --rss-cap-mb N   safety stop: end a class's attack when the server's RSS passes N MB, so the
                   campaign cannot exhaust the machine (default 2048; the target is 512)
  --write-docs     replace the generated section of docs/security.md with this run's figures
  --worktree       build the working tree as it is instead of the committed HEAD
  --reuse-build    skip the publish and use bench/attack/out/api from the previous run`;

export function parseArguments(argv) {
  const options = { only: null, seconds: 12, baseline: 8, rehearse: 0, rssCapMb: 2048, writeDocs: false, worktree: false, reuseBuild: false };
  const number = (name, value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number, got ${value}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value; see --help`);
      return argv[++i];
    };
    if (arg === '--only') options.only = value().split(',').map(s => s.trim()).filter(Boolean);
    else if (arg === '--seconds') options.seconds = number(arg, value());
    else if (arg === '--baseline') options.baseline = number(arg, value());
    else if (arg === '--rehearse') options.rehearse = number(arg, value());
    else if (arg === '--rss-cap-mb') options.rssCapMb = number(arg, value());
    else if (arg === '--write-docs') options.writeDocs = true;
    else if (arg === '--worktree') options.worktree = true;
    else if (arg === '--reuse-build') options.reuseBuild = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown argument ${arg}; see --help`);
  }
  return options;
}

/** The classes `--only` names, in campaign order. */
export function selectClasses(only) {
  if (!only) return CLASSES;
  const chosen = new Set();
  for (const name of only) {
    const index = /^\d+$/.test(name) ? Number(name) - 1 : CLASSES.findIndex(c => c.meta.key === name);
    if (!CLASSES[index]) throw new Error(`unknown class ${name}; see --help`);
    chosen.add(index);
  }
  return CLASSES.filter((_, i) => chosen.has(i));
}

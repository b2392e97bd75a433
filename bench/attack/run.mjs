// The attack campaign of docs/security.md in one command (see ./run.sh --help): a private
// Postgres with the seed data and a labelled synthetic long price series, the API published in
// Release and started with its production defaults, and per class a victim's latency alone and
// under attack, the attackers' requests, points and bytes, 5xx, Postgres sessions and the
// server's memory. Loopback only; every class is bounded in time and stops by itself.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { freePort, startCluster } from '../load/lib/cluster.mjs';
import { machine, publishApi, sh } from '../load/lib/publish.mjs';
import { startApi } from '../load/lib/servers.mjs';
import { ATTACK_DB, createAttackDatabase } from './lib/dataset.mjs';
import { tokenPricesShape } from './lib/documents.mjs';
import { HELP, parseArguments, selectClasses } from './lib/options.mjs';
import { runClass } from './lib/run-class.mjs';
import { evaluate, markdown, writeSecurityDoc } from './lib/report.mjs';

const BENCH = new URL('.', import.meta.url).pathname;
const REPO = resolve(BENCH, '../..');
const OUT = join(BENCH, 'out');

/** The API as deployed: only where its data is. Rate limiting, caches and limits keep their defaults. */
const apiSettings = connection => ({ 'ConnectionStrings:Depin': connection, 'ConnectionStrings:DepinAdmin': connection });

/** The document fragments every class uses, written for the schema this build serves. */
async function documentShapes({ dll, settings, logDir }) {
  const server = await startApi({ dll, port: await freePort(), settings, readyPath: '/readyz', logFile: join(logDir, 'api-0-schema.log') });
  try {
    const shape = await tokenPricesShape(server.baseUrl);
    return {
      pricesWindow: shape.select('from: $from, to: $to', 'date priceUsd'),
      pricesFrom: shape.select('from: $from', 'date priceUsd'),
      pricesAll: shape.select('', 'date priceUsd'),
      paged: shape.page ? `${shape.page.name} ≤ ${shape.page.max}${shape.connection ? ', connection' : ''}` : 'unpaged list',
    };
  } finally {
    await server.stop();
  }
}

function build(options) {
  const dll = join(OUT, 'api', 'DepinApi.dll');
  if (options.reuseBuild && existsSync(dll)) {
    console.log('reusing the previous build in bench/attack/out/api');
    return { dll, commit: `${sh('git', ['rev-parse', '--short', 'HEAD'], REPO)} (reused build; see the run that made it)` };
  }
  return publishApi({ repo: REPO, out: OUT, worktree: options.worktree });
}

async function main() {
  let options;
  let classes;
  try {
    options = parseArguments(process.argv.slice(2));
    classes = selectClasses(options.only);
  } catch (e) {
    console.error(e.message);
    process.exitCode = 2;
    return;
  }
  if (options.help) return console.log(HELP);
  const started = performance.now();
  mkdirSync(OUT, { recursive: true });
  const logDir = join(OUT, 'logs');
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const run = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command: ['bench/attack/run.sh', ...process.argv.slice(2)].join(' '),
    machine: machine(REPO),
    options,
    classes: [],
    failedClasses: [],
  };
  const { dll, commit } = build(options);
  run.commit = commit;
  const pgDirectory = process.env.ATTACK_PG_DIR ?? join(os.tmpdir(), `depin-attack-pg-${process.pid}`);
  const cluster = await startCluster(pgDirectory);
  run.postgres = cluster.version;
  const stop = () => cluster.stop();
  process.once('SIGINT', () => { stop(); process.exit(130); });
  try {
    console.log('importing the seed data and generating the synthetic long series ...');
    run.dataset = await createAttackDatabase({ cluster, dll, seedDirectory: join(REPO, 'seed-data'), logDir });
    const settings = apiSettings(cluster.npgsql(ATTACK_DB));
    const shapes = await documentShapes({ dll, settings, logDir });
    console.log(`  ${run.dataset.prices} synthetic prices; Project.tokenPrices: ${shapes.paged}`);
    const setup = { dll, settings, logDir, cluster, database: ATTACK_DB, shapes };
    for (const cls of classes) {
      console.log(`class ${cls.number} ${cls.meta.title}: ${cls.meta.what}`);
      try {
        const entry = await runClass(cls, setup, options);
        entry.result = evaluate(entry);
        run.classes.push(entry);
        const r = entry.result;
        console.log(`  ${entry.attack.requests} attacker requests, ${entry.attack.points} points` +
          `${entry.attack.unansweredAtEnd ? ` (+ ${entry.attack.unansweredAtEnd} cut off unanswered, charge unseen)` : ''}, ${(entry.attack.bytes / 2 ** 20).toFixed(1)} MB; ` +
          `victim p99 REST ${entry.baseline.rest.p99?.toFixed(1)} → ${entry.underAttack.rest.p99?.toFixed(1)} ms, GraphQL ${entry.baseline.graphql.p99?.toFixed(1)} → ${entry.underAttack.graphql.p99?.toFixed(1)} ms; ` +
          `5xx ${r.fivexx}; peak RSS ${entry.peakRssMb?.toFixed(0)} MB; ${r.pass ? 'PASS' : `FAIL (${r.failures.join(', ')})`}`);
      } catch (e) {
        // One class's harness failure (say, a server that never became ready) does not lose the others' figures.
        console.log(`  the harness failed in this class: ${e.message}`);
        run.failedClasses.push({ number: cls.number, title: cls.meta.title, error: e.message.split('\n')[0] });
      }
    }
  } finally {
    stop();
    rmSync(pgDirectory, { recursive: true, force: true });
  }
  run.seconds = (performance.now() - started) / 1000;
  const text = markdown(run);
  console.log(`\n${text}\n`);
  writeFileSync(join(OUT, 'last-run.json'), JSON.stringify(run, null, 2));
  writeFileSync(join(OUT, 'last-run.md'), `${text}\n`);
  if (options.writeDocs) {
    writeSecurityDoc(join(REPO, 'docs', 'security.md'), run);
    console.log('wrote docs/security.md');
  }
  if (run.failedClasses.length) process.exitCode = 1;
}

main().catch(e => { console.error(e.stack ?? e); process.exitCode = 1; });

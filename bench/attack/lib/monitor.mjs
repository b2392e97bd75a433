// What the server holds while a class runs: its resident memory (VmRSS sampled, VmHWM as the
// kernel's own peak) and its Postgres sessions by state — a slow reader that keeps a session
// "idle in transaction" shows up here before it shows up in anyone's latency.
import { createRequire } from 'node:module';
import { memoryOf } from '../../load/lib/memory.mjs';

// `pg` is installed with the load harness's packages (bench/load/package.json); one install serves both benches.
const pg = createRequire(new URL('../../load/package.json', import.meta.url))('pg');

const SESSIONS = `SELECT count(*) AS total,
                          count(*) FILTER (WHERE state = 'active') AS active,
                          count(*) FILTER (WHERE state LIKE 'idle in transaction%') AS in_transaction
                   FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`;

/**
 * Samples every `intervalMs` until stop(). `onRss(mb)` is called with every memory sample (the
 * campaign's safety stop uses it).
 */
export async function startMonitor({ pid, databaseUrl, database, intervalMs = 100, onRss = () => {} }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const peak = { rssMb: 0, sessions: 0, active: 0, inTransaction: 0 };
  let querying = false;
  const memory = setInterval(() => {
    try {
      const { rssMb } = memoryOf(pid);
      peak.rssMb = Math.max(peak.rssMb, rssMb);
      onRss(rssMb);
    } catch { /* the server has exited; its exit is reported elsewhere */ }
  }, intervalMs);
  const sessions = setInterval(async () => {
    if (querying) return;
    querying = true;
    try {
      const row = (await client.query(SESSIONS, [database])).rows[0];
      peak.sessions = Math.max(peak.sessions, Number(row.total));
      peak.active = Math.max(peak.active, Number(row.active));
      peak.inTransaction = Math.max(peak.inTransaction, Number(row.in_transaction));
    } catch { /* Postgres busy or the monitor stopping: skip this sample */ } finally { querying = false; }
  }, intervalMs * 2.5);
  return {
    /** Forgets the peaks so far (the attack is measured from here). */
    reset() { Object.assign(peak, { rssMb: 0, sessions: 0, active: 0, inTransaction: 0 }); },
    peak: () => ({ ...peak }),
    async stop() {
      clearInterval(memory);
      clearInterval(sessions);
      await client.end().catch(() => {});
      return { ...peak };
    },
  };
}

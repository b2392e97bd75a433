// A private PostgreSQL cluster for one harness run, made from the machine's own server
// binaries the same way the API's embedded cluster is (src/DepinApi/Database/EmbeddedPostgres.cs):
// loopback only, password authentication, and run as the `postgres` system user when we are
// root, because PostgreSQL refuses to run as root.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import net from 'node:net';
import pg from 'pg';

export const OWNER = 'bench_owner';

export function locateBinaries() {
  const root = '/usr/lib/postgresql';
  const candidates = existsSync(root)
    ? readdirSync(root).filter(v => /^\d+$/.test(v)).sort((a, b) => b - a).map(v => join(root, v, 'bin'))
    : [];
  for (const dir of candidates)
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return { initdb: join(dir, 'initdb'), pgCtl: join(dir, 'pg_ctl'), dir };
  throw new Error('PostgreSQL server programs (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin; apt-get install -y postgresql');
}

const runsAsRoot = process.getuid?.() === 0;

function run(program, args) {
  const [file, argv] = runsAsRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  return execFileSync(file, argv, { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Initialises a fresh cluster in `directory` (anything there before is removed) and starts it.
 * Durability is off: the data is generated again on every run, and a benchmark should measure
 * the API's reads, not the disk's fsync.
 */
export async function startCluster(directory) {
  const bin = locateBinaries();
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const data = join(directory, 'data');
  mkdirSync(data);
  const password = randomBytes(18).toString('hex');
  const pwFile = join(directory, 'pwfile');
  writeFileSync(pwFile, password);
  if (runsAsRoot) execFileSync('chown', ['-R', 'postgres:postgres', directory]);
  chmodSync(pwFile, 0o600);
  run(bin.initdb, ['-D', data, '-U', OWNER, '--pwfile', pwFile, '--auth-host=scram-sha-256', '--auth-local=scram-sha-256',
    '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
  rmSync(pwFile);
  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: "''",
    max_connections: 200,
    shared_buffers: '512MB',
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    maintenance_work_mem: '256MB',
  };
  const options = `-p ${port} ` + Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`).join(' ');
  run(bin.pgCtl, ['start', '-w', '-t', '60', '-D', data, '-l', join(data, 'server.log'), '-o', options]);
  const cluster = {
    port,
    version: run(join(bin.dir, 'postgres'), ['--version']).trim(),
    settings,
    /** The postmaster's process id; every backend is its child. */
    get pid() {
      return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    },
    url: db => `postgres://${OWNER}:${password}@127.0.0.1:${port}/${db}`,
    npgsql: db => `Host=127.0.0.1;Port=${port};Username=${OWNER};Password=${password};Database=${db}`,
    async createDatabase(name) {
      await withClient(cluster.url('postgres'), c => c.query(`CREATE DATABASE "${name}"`));
    },
    stop() {
      try { run(bin.pgCtl, ['stop', '-w', '-m', 'fast', '-D', data]); } catch { /* already stopped */ }
    },
  };
  return cluster;
}

/** Runs `work` with a connected client and always closes it. */
export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { return await work(client); } finally { await client.end(); }
}

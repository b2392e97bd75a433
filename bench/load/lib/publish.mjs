// Building what is measured: the API published in Release the way it is deployed, and a
// description of the machine it ran on. Shared by the load harness and the attack campaign
// (bench/attack), so both measure the same build of the same commit.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';

export const sh = (file, args, cwd) => execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

// Published as it is deployed (see the Dockerfile): ReadyToRun, so start-up runs precompiled code.
const READY_TO_RUN = ['-r', 'linux-x64', '--self-contained', 'false', '-p:PublishReadyToRun=true'];

/**
 * Publishes the API in Release from the committed HEAD of `repo` (or its working tree) into
 * `out`/api and returns the DLL and the commit it was built from.
 */
export function publishApi({ repo, out, worktree }) {
  const commit = sh('git', ['rev-parse', '--short', 'HEAD'], repo);
  const dirty = sh('git', ['status', '--porcelain', '--', 'src', 'schema'], repo).length > 0;
  let source = repo;
  if (!worktree) {
    // A snapshot of HEAD: what is measured is what is committed, whatever is being edited.
    source = join(out, 'src');
    rmSync(source, { recursive: true, force: true });
    mkdirSync(source, { recursive: true });
    execFileSync('bash', ['-c', `git archive HEAD | tar -x -C '${source}'`], { cwd: repo });
  }
  const api = join(out, 'api');
  rmSync(api, { recursive: true, force: true });
  const artifacts = process.env.BENCH_ARTIFACTS ?? join(out, 'artifacts');
  console.log(`publishing the API (Release) from ${worktree ? 'the working tree' : `HEAD ${commit}`} ...`);
  try {
    execFileSync('dotnet', ['publish', join(source, 'src/DepinApi'), '-c', 'Release', ...READY_TO_RUN, '-o', api, '--artifacts-path', artifacts, '--nologo', '-v', 'q'],
      { cwd: source, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // dotnet writes build errors to standard output.
    const errors = `${e.stdout}${e.stderr}`.split('\n').filter(line => /error/i.test(line));
    throw new Error(`dotnet publish failed:\n${[...new Set(errors)].slice(0, 20).join('\n')}`);
  }
  const built = { dll: join(api, 'DepinApi.dll'), commit: worktree && dirty ? `${commit} + uncommitted changes` : commit };
  writeFileSync(join(api, 'bench-commit.json'), JSON.stringify({ commit: built.commit }));
  return built;
}

export function machine(repo) {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memoryGb: (os.totalmem() / 2 ** 30).toFixed(1),
    kernel: `${os.type()} ${os.release()}`,
    dotnet: sh('dotnet', ['--version'], repo),
    node: process.version,
  };
}

/**
 * Publishes the cold-start yardstick, an empty ASP.NET Core minimal-API app (bench/load/empty-app), the same way
 * as the API, into `out`/empty-app; returns its DLL.
 */
export function publishEmptyApp({ bench, out }) {
  const target = join(out, 'empty-app');
  rmSync(target, { recursive: true, force: true });
  const artifacts = join(out, 'empty-app-artifacts');
  execFileSync('dotnet', ['publish', join(bench, 'empty-app'), '-c', 'Release', ...READY_TO_RUN, '-o', target, '--artifacts-path', artifacts, '--nologo', '-v', 'q'],
    { cwd: bench, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return join(target, 'EmptyApp.dll');
}

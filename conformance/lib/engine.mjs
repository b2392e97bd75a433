// Drives the C# conformance runner: builds it, then streams corpus entries to one process as JSON
// lines on stdin and reads one JSON line per entry from stdout. The first stdout line carries the
// engine's printed SDL. If the process dies mid-way, or answers nothing for a while (a hang), the entry
// it was working on is recorded as a crash and a fresh process continues with the rest.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const silenceLimitMs = 30_000;

export function buildRunner(repoRoot, artifactsPath) {
  const project = path.join(repoRoot, 'tests', 'GraphQLEngine.Conformance');
  const args = ['build', project, '-c', 'Release', '--nologo', '-v', 'q', '-clp:ErrorsOnly'];
  if (artifactsPath) args.push('--artifacts-path', artifactsPath);
  const build = spawnSync('dotnet', args, { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`dotnet build of ${project} failed`);
  return artifactsPath
    ? path.join(artifactsPath, 'bin', 'GraphQLEngine.Conformance', 'release', 'GraphQLEngine.Conformance.dll')
    : path.join(project, 'bin', 'Release', 'net10.0', 'GraphQLEngine.Conformance.dll');
}

export async function runEngine(runnerDll, dataFile, entries) {
  const outcomes = new Map();
  let sdl = null;
  let pending = entries;
  while (pending.length > 0) {
    const { sdl: printed, results, exitCode, stderr, timedOut } = await runProcess(runnerDll, dataFile, pending);
    sdl ??= printed;
    for (const result of results) outcomes.set(result.id, result);
    const answered = results.length;
    if (answered >= pending.length) break;
    const victim = pending[answered];
    outcomes.set(victim.id, {
      id: victim.id,
      stage: 'crash',
      message: timedOut
        ? `runner gave no answer for ${silenceLimitMs / 1000} s while handling this entry (killed)`
        : `runner exited with code ${exitCode} while handling this entry: ${stderr.trim().split('\n').slice(-5).join(' / ')}`,
    });
    pending = pending.slice(answered + 1);
  }
  return { sdl, outcomes };
}

function runProcess(runnerDll, dataFile, entries) {
  return new Promise((resolve, reject) => {
    const child = spawn('dotnet', [runnerDll, dataFile], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let lastOutput = Date.now();
    let timedOut = false;
    const watchdog = setInterval(() => {
      if (Date.now() - lastOutput > silenceLimitMs) {
        timedOut = true;
        child.kill('SIGKILL');
      }
    }, 1000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      lastOutput = Date.now();
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.stdin.on('error', () => {}); // the process may exit before reading everything
    child.on('close', (exitCode) => {
      clearInterval(watchdog);
      const lines = stdout.split('\n').filter((line) => line.trim() !== '');
      let sdl = null;
      const results = [];
      for (const line of lines) {
        let message;
        try {
          message = JSON.parse(line);
        } catch {
          stderr += `\nunparsable runner output: ${line.slice(0, 200)}`;
          continue;
        }
        if ('sdl' in message) sdl = message.sdl;
        else results.push(message);
      }
      resolve({ sdl, results, exitCode, stderr, timedOut });
    });
    for (const entry of entries) {
      const request = { id: entry.id, query: entry.query, execute: entry.execute !== false };
      if (entry.variables !== undefined) request.variables = entry.variables;
      if (entry.operationName !== undefined) request.operationName = entry.operationName;
      child.stdin.write(JSON.stringify(request) + '\n');
    }
    child.stdin.end();
  });
}

// Runs a function of a module on a thread of its own. The victim and the attackers each get
// one, so the victim's timings are not delayed by the attackers' work on the same event loop
// (and neither delays the harness's memory sampling).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { rehearse } from './clients.mjs';

/**
 * Starts a thread for `exportName` of `moduleUrl` and loads the module. Returns { ready (a
 * promise, resolved once the module is loaded), start(more) (calls the function with `data`
 * and `more` merged, and an AbortSignal), result (a promise of what the function returns),
 * stop() (aborts the signal) }. Starting a thread and loading its modules takes a core for
 * tens of milliseconds; the harness does it before the clock starts, so that neither the
 * victim's first requests nor the attack's first second pay for the harness's own start-up.
 */
export function inWorker(moduleUrl, exportName, data) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { moduleUrl: String(moduleUrl), exportName, data } });
  let onReady;
  const ready = new Promise(resolve => { onReady = resolve; });
  const result = new Promise((resolve, reject) => {
    worker.on('message', message => {
      if (message.ready) return onReady();
      // Keep-alive sockets and timers may keep the thread alive; its work is done.
      worker.terminate();
      if (message.error) reject(new Error(message.error)); else resolve(message.result);
    });
    worker.once('error', reject);
    worker.once('exit', code => reject(new Error(`${exportName} worker exited (${code}) without a result`)));
  });
  // A failure while loading ends the wait for readiness too.
  result.catch(() => onReady());
  return {
    ready,
    result,
    start: (more = {}) => worker.postMessage({ start: more }),
    stop: () => worker.postMessage('stop'),
  };
}

if (!isMainThread && workerData?.moduleUrl) {
  const controller = new AbortController();
  let onStart;
  const started = new Promise(resolve => { onStart = resolve; });
  parentPort.on('message', message => {
    if (message === 'stop') controller.abort();
    else if (message?.start) onStart(message.start);
  });
  // A socket that fails when no request is listening any more (the server dropped an idle keep-alive
  // connection at the moment it was reused, say) is a finding of the class, not the end of its figures.
  const strays = [];
  process.on('uncaughtException', e => strays.push(`a connection failed outside any request: ${e.message}`));
  const { moduleUrl, exportName, data } = workerData;
  if (data?.rehearsal) rehearse();
  import(moduleUrl)
    .then(async module => {
      parentPort.postMessage({ ready: true });
      const more = await started;
      return module[exportName]({ ...data, ...more }, controller.signal);
    })
    .then(result => parentPort.postMessage({ result: strays.length ? { ...result, notes: [...(result?.notes ?? []), ...strays] } : result }),
      e => parentPort.postMessage({ error: e.stack ?? String(e) }));
}

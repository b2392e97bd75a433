// Runs a function of a module on a thread of its own. The victim and the attackers each get
// one, so the victim's timings are not delayed by the attackers' work on the same event loop
// (and neither delays the harness's memory sampling).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * Starts `exportName` of `moduleUrl` with `data` and an AbortSignal. Returns { result (a
 * promise of what the function returns), stop() (aborts the signal) }.
 */
export function inWorker(moduleUrl, exportName, data) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { moduleUrl: String(moduleUrl), exportName, data } });
  const result = new Promise((resolve, reject) => {
    worker.once('message', message => {
      // Keep-alive sockets and timers may keep the thread alive; its work is done.
      worker.terminate();
      if (message.error) reject(new Error(message.error)); else resolve(message.result);
    });
    worker.once('error', reject);
    worker.once('exit', code => reject(new Error(`${exportName} worker exited (${code}) without a result`)));
  });
  return { result, stop: () => worker.postMessage('stop') };
}

if (!isMainThread && workerData?.moduleUrl) {
  const controller = new AbortController();
  parentPort.on('message', message => { if (message === 'stop') controller.abort(); });
  // A socket that fails when no request is listening any more (the server dropped an idle keep-alive
  // connection at the moment it was reused, say) is a finding of the class, not the end of its figures.
  const strays = [];
  process.on('uncaughtException', e => strays.push(`a connection failed outside any request: ${e.message}`));
  const { moduleUrl, exportName, data } = workerData;
  import(moduleUrl)
    .then(module => module[exportName](data, controller.signal))
    .then(result => parentPort.postMessage({ result: strays.length ? { ...result, notes: [...(result?.notes ?? []), ...strays] } : result }),
      e => parentPort.postMessage({ error: e.stack ?? String(e) }));
}

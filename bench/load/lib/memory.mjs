// Server memory read from /proc: VmRSS is resident memory now, VmHWM its peak ("high water
// mark") over the process's life, which the kernel keeps for us between our samples.
import { readFileSync } from 'node:fs';

export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = name => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Samples VmRSS every `intervalMs` until stopped; stop() returns the samples' maximum and count. */
export function sampleRss(pid, intervalMs = 50) {
  let max = 0;
  let count = 0;
  const take = () => {
    try {
      max = Math.max(max, memoryOf(pid).rssMb);
      count++;
    } catch { /* the process ended; keep what was seen */ }
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { maxRssMb: max, samples: count };
    },
  };
}

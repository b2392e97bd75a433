// Processor time used by each side of a run — the server, Postgres and the load generator —
// read from /proc, so requests per CPU-second (what a core buys) can be told apart from
// requests per second on a machine all three share.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

function stat(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses; the fields after it are fixed.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    ppid: Number(fields[1]),
    utime: Number(fields[11]), stime: Number(fields[12]),
    cutime: Number(fields[13]), cstime: Number(fields[14]),
  };
}

/** CPU seconds used so far by `pid` alone. */
export function processSeconds(pid) {
  const s = stat(pid);
  return (s.utime + s.stime) / TICKS_PER_SECOND;
}

/**
 * CPU seconds used so far by a process tree such as Postgres's: the root, its live children,
 * and its children that have already ended (the kernel adds those to the root's cutime/cstime).
 */
export function treeSeconds(rootPid) {
  const root = stat(rootPid);
  let ticks = root.utime + root.stime + root.cutime + root.cstime;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const s = stat(entry);
      if (s.ppid === rootPid) ticks += s.utime + s.stime;
    } catch { /* ended while we looked */ }
  }
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds this (load generator) process has used so far. */
export const selfSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

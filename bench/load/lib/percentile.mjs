// The percentile every harness reports latencies by (load, attack, scaling), so that their figures mean the same.

/** The p-th percentile (0–100) of `sorted` (ascending), by nearest rank; null when it is empty. */
export const percentile = (sorted, p) =>
  (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : null);

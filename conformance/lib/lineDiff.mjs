// A small line diff (longest common subsequence) that prints only changed lines with some context,
// enough to read a mismatch between two pretty-printed JSON values.
export function lineDiff(expected, actual, { context = 2, maxLines = 80 } = {}) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const ops = diffOps(a, b);
  const keep = new Array(ops.length).fill(false);
  ops.forEach((op, i) => {
    if (op.kind !== ' ') for (let j = Math.max(0, i - context); j <= Math.min(ops.length - 1, i + context); j++) keep[j] = true;
  });
  const lines = [];
  let skipped = false;
  ops.forEach((op, i) => {
    if (!keep[i]) {
      if (!skipped) lines.push('    ...');
      skipped = true;
      return;
    }
    skipped = false;
    lines.push(`  ${op.kind} ${op.text}`);
  });
  if (lines.length > maxLines) return [...lines.slice(0, maxLines), `    ... (${lines.length - maxLines} more diff lines)`].join('\n');
  return lines.join('\n');
}

function diffOps(a, b) {
  // Trim the common prefix and suffix first: large introspection results differ in few places.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const midA = a.slice(start, endA), midB = b.slice(start, endB);
  const n = midA.length, m = midB.length;
  const ops = a.slice(0, start).map((text) => ({ kind: ' ', text }));
  if (n * m > 4_000_000) {
    ops.push(...midA.map((text) => ({ kind: '-', text })), ...midB.map((text) => ({ kind: '+', text })));
  } else {
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) { ops.push({ kind: ' ', text: midA[i] }); i++; j++; }
      else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) { ops.push({ kind: '+', text: midB[j] }); j++; }
      else { ops.push({ kind: '-', text: midA[i] }); i++; }
    }
  }
  ops.push(...a.slice(endA).map((text) => ({ kind: ' ', text })));
  return ops;
}

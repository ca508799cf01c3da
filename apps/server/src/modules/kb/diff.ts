/**
 * Line diffs between article versions, in the unified format editors know from code review:
 * `@@ -a,b +c,d @@` hunks with a few lines of context, `-` removed and `+` added lines.
 */

export interface LineDiff {
  /** Unified diff text ('' when nothing changed). */
  text: string;
  added: number;
  removed: number;
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

// The LCS table is |a|·|b| cells; beyond this a changed middle is shown as removed + added.
const MAX_CELLS = 4_000_000;

function lcsOps(a: readonly string[], b: readonly string[], aOff: number, bOff: number): Op[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [
      ...a.map((line, i) => ({ kind: '-' as const, line, a: aOff + i, b: bOff })),
      ...b.map((line, j) => ({ kind: '+' as const, line, a: aOff + n, b: bOff + j })),
    ];
  }
  // Suffix LCS lengths, so the walk below goes forward and prefers removals before additions.
  const w = m + 1;
  const t = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i * w + j] =
        a[i] === b[j]
          ? (t[(i + 1) * w + j + 1] as number) + 1
          : Math.max(t[(i + 1) * w + j] as number, t[i * w + j + 1] as number);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i] as string, a: aOff + i, b: bOff + j });
      i++;
      j++;
    } else if (j >= m || (i < n && (t[(i + 1) * w + j] as number) >= (t[i * w + j + 1] as number))) {
      ops.push({ kind: '-', line: a[i] as string, a: aOff + i, b: bOff + j });
      i++;
    } else {
      ops.push({ kind: '+', line: b[j] as string, a: aOff + i, b: bOff + j });
      j++;
    }
  }
  return ops;
}

/** The line diff from `before` to `after` with `context` unchanged lines around each change. */
export function diffLines(before: string, after: string, context = 2): LineDiff {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
    suf++;
  const ops: Op[] = [
    ...a.slice(0, pre).map((line, i) => ({ kind: ' ' as const, line, a: i, b: i })),
    ...lcsOps(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf), pre, pre),
    ...a
      .slice(a.length - suf)
      .map((line, k) => ({ kind: ' ' as const, line, a: a.length - suf + k, b: b.length - suf + k })),
  ];
  const added = ops.filter((o) => o.kind === '+').length;
  const removed = ops.filter((o) => o.kind === '-').length;
  if (!added && !removed) return { text: '', added, removed };
  // Group changed lines with their context into hunks.
  const keep = new Uint8Array(ops.length);
  ops.forEach((o, k) => {
    if (o.kind === ' ') return;
    for (let x = Math.max(0, k - context); x <= Math.min(ops.length - 1, k + context); x++) keep[x] = 1;
  });
  const out: string[] = [];
  let k = 0;
  while (k < ops.length) {
    if (!keep[k]) {
      k++;
      continue;
    }
    let end = k;
    while (end < ops.length && keep[end]) end++;
    const hunk = ops.slice(k, end);
    const first = hunk[0] as Op;
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aLen ? first.a + 1 : first.a},${aLen} +${bLen ? first.b + 1 : first.b},${bLen} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.line}`);
    k = end;
  }
  return { text: out.join('\n'), added, removed };
}

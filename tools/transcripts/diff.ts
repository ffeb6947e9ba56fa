/**
 * A unified-style line diff (`-` committed, `+` new, two lines of context), from the longest common
 * subsequence. Transcripts are short, so the quadratic table is cheap.
 */
export function unifiedDiff(before: string[], after: string[], context = 2): string[] {
  const ops = lineOps(before, after);
  const changed = ops.map((op) => op.kind !== ' ');
  const shown = ops.map((_, i) => changed.slice(Math.max(0, i - context), i + context + 1).some(Boolean));
  const out: string[] = [];
  ops.forEach((op, i) => {
    if (!shown[i]) return;
    if (i > 0 && !shown[i - 1]) out.push('@@');
    out.push(`${op.kind}${op.line}`);
  });
  return out;
}

interface LineOp {
  kind: ' ' | '-' | '+';
  line: string;
}

function lineOps(a: string[], b: string[]): LineOp[] {
  const lcs = Array.from({length: a.length + 1}, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: LineOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({kind: ' ', line: a[i++]});
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({kind: '-', line: a[i++]});
    else ops.push({kind: '+', line: b[j++]});
  }
  return ops;
}

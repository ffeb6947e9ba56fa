/** One static problem, printed as `file:line:col rule message`. Line and column are 1-based. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  rule: string;
  message: string;
}

/** Control characters (bytes of a binary file, a tool's newline) as \xNN: one problem stays one clean line. */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function formatProblem(p: Problem): string {
  return `${escapeControls(p.file)}:${p.line}:${p.col} ${p.rule} ${escapeControls(p.message)}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule),
  );
}

/** Each problem once: a fragment merged into several services (`<<: *base`) holds one defect, not one per service. */
export function uniqueProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

import type { CliDiagnostic } from './fileTasks';
import type { Colors } from './terminal';

export type SeverityName = CliDiagnostic['severity'];

export const SEVERITY_RANK: Record<SeverityName, number> = { hint: 1, info: 2, warning: 3, error: 4 };

export function sortDiagnostics(ds: CliDiagnostic[]): CliDiagnostic[] {
  return ds.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}

/** One message on one line (the problem matcher reads line by line). */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * ESLint-stylish text for one file: the path, then `line:col  severity  message  code` with
 * 1-based line and column (the column counts UTF-16 code units, as the editor does).
 * The problem matcher `seed-review` in package.json reads exactly this.
 */
export function formatFileStylish(displayPath: string, ds: readonly CliDiagnostic[], c: Colors): string {
  if (!ds.length) return '';
  const rows = ds.map((d) => ({
    pos: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
    sev: d.severity,
    msg: oneLine(d.message),
    code: d.code,
  }));
  const posW = Math.max(...rows.map((r) => r.pos.length));
  const sevW = Math.max(...rows.map((r) => r.sev.length));
  const msgW = Math.min(100, Math.max(...rows.map((r) => r.msg.length)));
  const paint = (sev: SeverityName, s: string) => (sev === 'error' ? c.red(s) : sev === 'warning' ? c.yellow(s) : sev === 'info' ? c.cyan(s) : c.dim(s));
  let out = c.underline(displayPath) + '\n';
  for (const r of rows) {
    out += `  ${c.dim(r.pos.padStart(posW))}  ${paint(r.sev, r.sev.padEnd(sevW))}  ${r.msg}${' '.repeat(Math.max(2, msgW - r.msg.length + 2))}${c.dim(r.code)}\n`;
  }
  return out + '\n';
}

export interface Totals {
  error: number;
  warning: number;
  info: number;
  hint: number;
  /** files with at least one problem */
  filesWithProblems: number;
  filesChecked: number;
  skipped: number;
}

export function emptyTotals(): Totals {
  return { error: 0, warning: 0, info: 0, hint: 0, filesWithProblems: 0, filesChecked: 0, skipped: 0 };
}

export function addTotals(t: Totals, ds: readonly CliDiagnostic[]): void {
  t.filesChecked++;
  if (ds.length) t.filesWithProblems++;
  for (const d of ds) t[d.severity]++;
}

const plural = (n: number, word: string, many = word + 's') => `${n} ${n === 1 ? word : many}`;

/** `✖ 42 problems (0 errors, 30 warnings, 12 infos) in 2 files` (hints named when there are some). */
export function formatSummary(t: Totals, c: Colors): string {
  const problems = t.error + t.warning + t.info + t.hint;
  const checked = `${plural(t.filesChecked, 'file')} checked` + (t.skipped ? `, ${t.skipped} skipped` : '');
  if (!problems) return c.green(`✔ No problems (${checked})`) + '\n';
  const parts = [plural(t.error, 'error'), plural(t.warning, 'warning'), plural(t.info, 'info')];
  if (t.hint) parts.push(plural(t.hint, 'hint'));
  const line = `✖ ${plural(problems, 'problem')} (${parts.join(', ')}) in ${plural(t.filesWithProblems, 'file')}`;
  const painted = t.error ? c.red(c.bold(line)) : c.yellow(c.bold(line));
  return `${painted}${c.dim(` (${checked})`)}\n`;
}

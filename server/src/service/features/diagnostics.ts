import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { SeedAnalysis } from '../analysis';
import type { SeedReviewSettings, RuleSeverity } from '../../shared/settings';
import { DIAGNOSTIC_SOURCE } from '../../shared/protocol';
import { effectiveSeverity, ruleHelpUri } from '../rules';
import { linesRange, spanRange } from '../text/positions';
import { hashLines } from '../edits/lineEdits';
import type { DiagnosticData } from './diagnosticData';

/** Decides whether a finding was marked "ignore here" (.seedreview.json). */
export interface IgnoreFilter {
  isIgnored(uri: string, code: string, hash: string): boolean;
}

const SEVERITY: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function formatBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} kB`;
}

function firstWords(s: string, max = 48): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + '\u2026';
}

export function computeDiagnostics(a: SeedAnalysis, settings: SeedReviewSettings, ignores?: IgnoreFilter): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (code: string, d: Pick<Diagnostic, 'range' | 'message' | 'data'>, tags?: DiagnosticTag[]) => {
    const sev = effectiveSeverity(code, settings.rules);
    if (sev === 'off') return;
    // one literal of one shape (no spreads): files can carry hundreds of diagnostics
    const diagnostic: Diagnostic = { range: d.range, message: d.message, data: d.data, severity: SEVERITY[sev], code, source: DIAGNOSTIC_SOURCE, codeDescription: { href: ruleHelpUri(code) } };
    if (tags) diagnostic.tags = tags;
    out.push(diagnostic);
  };

  if (a.partial) {
    add('file.too-large', {
      range: linesRange(a.lines, 0, 0),
      message: `File is ${formatBytes(a.partial.size)}, over seedReview.maxFileSize (${formatBytes(a.partial.limit)}): only lines 1\u2013${a.partial.analysedLines} were analysed.`,
      data: { fix: 'none' } satisfies DiagnosticData,
    });
  }

  if (a.headerParse.kind === 'malformed') {
    add('header.malformed', {
      range: spanRange(a.lines, a.headerParse.header.dateSpan),
      message: `Malformed header: ${a.headerParse.reason}.`,
      data: { fix: 'none' } satisfies DiagnosticData,
    });
  }

  for (const run of a.invisibles) {
    const line = a.lines[run.line];
    const count = run.chars.length > 1 ? ` (${run.chars.length} characters)` : '';
    add('text.invisible-character', {
      range: spanRange(a.lines, run),
      message: `Invisible character inside text: ${run.names.join(', ')}${count}. ${run.replacement ? 'Replace with a plain space.' : 'Remove it.'}`,
      data: {
        fix: 'replace',
        line: run.line,
        startCharacter: run.start - line.start,
        endCharacter: run.end - line.start,
        expected: run.chars,
        replacement: run.replacement,
      } satisfies DiagnosticData,
    });
  }

  for (const block of a.chrome.blocks) {
    const hash = hashLines(a.lines, block.startLine, block.endLine);
    if (ignores?.isIgnored(a.uri, block.code, hash)) continue;
    add(
      block.code,
      {
        range: linesRange(a.lines, block.startLine, block.endLine),
        message: block.message,
        data: { fix: 'removeChrome', code: block.code, startLine: block.startLine, endLine: block.endLine, hash } satisfies DiagnosticData,
      },
      [DiagnosticTag.Unnecessary],
    );
  }

  for (const q of a.quotes) {
    // quotes in chrome belong to other stories: neither flagged nor attributed
    if (q.inChrome) continue;
    if (q.unbalanced) {
      add('quote.unbalanced', {
        range: spanRange(a.lines, { start: q.span.start, end: q.span.start + 1 }),
        message: `Quote mark opened here is never closed: \u201c${firstWords(q.content.text)}\u201d.`,
        data: { fix: 'none' } satisfies DiagnosticData,
      });
    } else if (!q.speaker && !(q as { nested?: boolean }).nested) {
      add('quote.unattributed', {
        range: spanRange(a.lines, q.span),
        message: `Quotation with no speaker found: \u201c${firstWords(q.content.text)}\u201d.`,
        data: { fix: 'none' } satisfies DiagnosticData,
      });
    }
  }
  return out;
}

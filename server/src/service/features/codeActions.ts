import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { SeedAnalysis } from '../analysis';
import type { SeedReviewSettings } from '../../shared/settings';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../../shared/protocol';
import { effectiveSeverity, getRule } from '../rules';
import { hashLines, linesToDelete, deleteLinesEdits } from '../edits/lineEdits';
import { isDiagnosticData } from './diagnosticData';
import type { IgnoreFilter } from './diagnostics';

function versioned(a: SeedAnalysis, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits }] };
}

function ruleTitle(code: string): string {
  return getRule(code)?.title ?? code;
}

function lineLabel(start: number, end: number): string {
  return start === end ? `line ${start + 1}` : `lines ${start + 1}\u2013${end + 1}`;
}

/** Chrome blocks that are in force: rule not off, not ignored. */
export function activeChromeBlocks(a: SeedAnalysis, settings: SeedReviewSettings, ignores?: IgnoreFilter) {
  return a.chrome.blocks.filter(
    (b) => effectiveSeverity(b.code, settings.rules) !== 'off' && !ignores?.isIgnored(a.uri, b.code, hashLines(a.lines, b.startLine, b.endLine)),
  );
}

/** The edits that remove the given chrome blocks, leaving one blank line between the paragraphs around them. */
export function chromeRemovalEdits(a: SeedAnalysis, blocks: readonly { startLine: number; endLine: number }[]): TextEdit[] {
  const remove = new Set<number>();
  for (const b of blocks) for (let i = b.startLine; i <= b.endLine; i++) remove.add(i);
  return deleteLinesEdits(a.lines, linesToDelete(a.lines, remove));
}

export function fixAllAction(a: SeedAnalysis, settings: SeedReviewSettings, ignores: IgnoreFilter | undefined, kind: string): CodeAction | null {
  const blocks = activeChromeBlocks(a, settings, ignores);
  if (!blocks.length) return null;
  return {
    title: `Remove all chrome from this seed (${blocks.length} block${blocks.length === 1 ? '' : 's'})`,
    kind,
    edit: versioned(a, chromeRemovalEdits(a, blocks)),
  };
}

export function getCodeActions(
  a: SeedAnalysis,
  context: CodeActionContext,
  settings: SeedReviewSettings,
  ignores?: IgnoreFilter,
): CodeAction[] {
  const only = context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];

  if (only && only.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(o + '.') || o === CodeActionKind.Source)) {
    const fixAll = fixAllAction(a, settings, ignores, FIX_ALL_KIND);
    if (fixAll) actions.push(fixAll);
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;

  const disabled = new Set<string>();
  let sawChrome = false;
  for (const d of context.diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string' || !isDiagnosticData(d.data)) continue;
    const data = d.data;
    if (data.fix === 'replace') {
      const line = a.lines[data.line];
      // refuse a stale fix: the range must still hold exactly what the diagnostic saw
      if (!line || line.text.slice(data.startCharacter, data.endCharacter) !== data.expected) continue;
      actions.push({
        title: data.replacement ? 'Replace the invisible character with a plain space' : 'Remove the invisible character',
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: versioned(a, [
          {
            range: { start: { line: data.line, character: data.startCharacter }, end: { line: data.line, character: data.endCharacter } },
            newText: data.replacement,
          },
        ]),
      });
    } else if (data.fix === 'removeChrome') {
      if (data.endLine >= a.lines.length || hashLines(a.lines, data.startLine, data.endLine) !== data.hash) continue;
      sawChrome = true;
      const title = ruleTitle(data.code);
      actions.push({
        title: `Remove ${title.toLowerCase()} (${lineLabel(data.startLine, data.endLine)})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: versioned(a, chromeRemovalEdits(a, [data])),
      });
      const sameKind = activeChromeBlocks(a, settings, ignores).filter((b) => b.code === data.code);
      if (sameKind.length > 1) {
        actions.push({
          title: `Remove all ${sameKind.length} blocks of ${title.toLowerCase()} in this seed`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: versioned(a, chromeRemovalEdits(a, sameKind)),
        });
      }
      actions.push({
        title: `Ignore this ${title.toLowerCase()} here`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: 'Ignore here', command: Commands.ignoreHere, arguments: [{ uri: a.uri, code: data.code, hash: data.hash }] },
      });
    }
    if (!disabled.has(d.code)) {
      disabled.add(d.code);
      actions.push(disableRuleAction(d.code, d));
    }
  }
  if (sawChrome) {
    const all = fixAllAction(a, settings, ignores, CodeActionKind.QuickFix);
    if (all && activeChromeBlocks(a, settings, ignores).length > 1) actions.push(all);
  }
  return actions;
}

function disableRuleAction(code: string, d: Diagnostic): CodeAction {
  return {
    title: `Disable rule ${code}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    command: { title: `Disable rule ${code}`, command: Commands.disableRule, arguments: [code] },
  };
}

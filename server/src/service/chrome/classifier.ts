import type { ChromeInput, ChromeResult, LineKind } from '../types';
import { isBlankLine } from '../text/lines';

// Placeholder until the chrome classifier lands: every non-blank line is body.
export function classifyChrome(input: ChromeInput, _isCancelled?: () => boolean): ChromeResult {
  const kinds: LineKind[] = input.lines.map((t, i) => (i === input.headerLine ? 'header' : isBlankLine(t) ? 'blank' : 'body'));
  return { kinds, rules: kinds.map(() => null), blocks: [] };
}

import type { ChromeInput, ChromeResult, LineKind } from '../types';
import { isBlankLine } from '../text/lines';

export function classifyChrome(input: ChromeInput, _isCancelled?: () => boolean): ChromeResult {
  const kinds: LineKind[] = input.lines.map((l, i) => (i === input.headerLine ? 'header' : isBlankLine(l) ? 'blank' : 'body'));
  return { kinds, rules: kinds.map(() => null), blocks: [] };
}

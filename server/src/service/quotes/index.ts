import type { Line, LineKind, Quote } from '../types';

// Placeholder until the quote finder lands.
export function findQuotes(_text: string, _lines: readonly Line[], _kinds: readonly LineKind[], _isCancelled?: () => boolean): Quote[] {
  return [];
}

export function speakerKey(name: string): string {
  return name.toLowerCase();
}

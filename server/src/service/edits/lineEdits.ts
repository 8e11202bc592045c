import type { TextEdit } from 'vscode-languageserver-types';
import type { Line } from '../types';
import { isBlankLine } from '../text/lines';
import { TEXT_HASH_START, textHash, textHashOn } from '../text/hash';

/** character codes of the hex digits */
const HEX = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/** The 8 lower-case hex digits of a 32-bit hash (`toString(16)` and `padStart` took 20 times longer). */
function hex(h: number): string {
  return String.fromCharCode(HEX[(h >>> 28) & 15], HEX[(h >>> 24) & 15], HEX[(h >>> 20) & 15], HEX[(h >>> 16) & 15], HEX[(h >>> 12) & 15], HEX[(h >>> 8) & 15], HEX[(h >>> 4) & 15], HEX[h & 15]);
}

/** A small, stable content hash (FNV-1a, 32 bit, hex) used to anchor fixes and ignores to text. */
export function hashText(s: string): string {
  return hex(textHash(s));
}

/**
 * Hash of the text of lines start..end (inclusive), independent of line-break style: `hashText`
 * of the lines joined by `\n`, hashed line by line rather than joined.
 */
export function hashLines(lines: readonly Line[], start: number, end: number): string {
  let h = TEXT_HASH_START;
  for (let i = start; i <= end && i < lines.length; i++) {
    if (i > start) h = textHashOn(h, '\n');
    h = textHashOn(h, lines[i].text);
  }
  return hex(h);
}

/**
 * Which lines remain when the lines in `remove` are deleted: blank lines that the removal
 * leaves doubled collapse to one between paragraphs, and to none at the start or end of the
 * file. Only the removed lines and such blank lines go; every other line stays as it is.
 */
export function linesToDelete(lines: readonly Line[], remove: ReadonlySet<number>): Set<number> {
  const del = new Set<number>(remove);
  const n = lines.length;
  // the empty last line after a final line break is the end of the file, not a line to delete
  const last = n > 1 && lines[n - 1].text === '' && lines[n - 2].eol !== '' ? n - 1 : n;
  const blank = (i: number) => isBlankLine(lines[i].text);
  let i = 0;
  while (i < last) {
    if (del.has(i) || !blank(i)) {
      i++;
      continue;
    }
    // a run of kept blank lines, possibly interrupted by deleted lines
    let j = i;
    let touchesRemoval = i > 0 && remove.has(i - 1);
    const keptBlanks: number[] = [];
    while (j < last && (del.has(j) || blank(j))) {
      if (remove.has(j)) touchesRemoval = true;
      else keptBlanks.push(j);
      j++;
    }
    if (j < last && j > i && remove.has(j - 1)) touchesRemoval = true;
    if (touchesRemoval) {
      const beforeContent = keptContentBefore(lines, del, i);
      const afterContent = j < last; // a non-blank kept line follows
      const keep = beforeContent && afterContent ? 1 : 0;
      for (let k = keep; k < keptBlanks.length; k++) del.add(keptBlanks[k]);
    }
    i = j;
  }
  return del;
}

function keptContentBefore(lines: readonly Line[], del: ReadonlySet<number>, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (!del.has(k) && !isBlankLine(lines[k].text)) return true;
  }
  return false;
}

/** TextEdits that delete the given whole lines (each maximal run of lines as one edit). */
export function deleteLinesEdits(lines: readonly Line[], del: ReadonlySet<number>): TextEdit[] {
  const edits: TextEdit[] = [];
  const sorted = [...del].filter((i) => i >= 0 && i < lines.length).sort((a, b) => a - b);
  let k = 0;
  while (k < sorted.length) {
    const a = sorted[k];
    let b = a;
    while (k + 1 < sorted.length && sorted[k + 1] === b + 1) b = sorted[++k];
    k++;
    if (b + 1 < lines.length) {
      edits.push({ range: { start: { line: a, character: 0 }, end: { line: b + 1, character: 0 } }, newText: '' });
    } else if (a > 0) {
      // the run reaches the last line, which has no line break: take the break before it instead
      const prev = lines[a - 1];
      edits.push({ range: { start: { line: a - 1, character: prev.text.length }, end: { line: b, character: lines[b].text.length } }, newText: '' });
    } else {
      edits.push({ range: { start: { line: 0, character: 0 }, end: { line: b, character: lines[b].text.length } }, newText: '' });
    }
  }
  return edits;
}

/** The text with the given whole lines deleted (what applying deleteLinesEdits gives). */
export function applyLineDeletion(lines: readonly Line[], del: ReadonlySet<number>): string {
  let out = '';
  let lastKept = -1;
  for (const l of lines) {
    if (del.has(l.index)) continue;
    out += l.text + l.eol;
    lastKept = l.index;
  }
  // when the deleted run ended the file, the kept line before it loses its trailing break
  if (lastKept >= 0 && lastKept < lines.length - 1) {
    out = out.slice(0, out.length - lines[lastKept].eol.length);
  }
  return out;
}

import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { SeedAnalysis } from '../service/analysis';
import type { Sentence } from '../service/types';
import { spanRange } from '../service/text/positions';
import { ownCopy } from '../service/text/ownCopy';

/** The stable JSON shape of `seed-review analyze --json`, one file. Extend only by adding fields. */
export interface AnalyzedFileJson {
  path: string;
  header: { date: string; title: string; range: Range } | null;
  lines: { line: number; kind: string; rule: string | null }[];
  diagnostics: { code: string; severity: 'error' | 'warning' | 'info' | 'hint'; message: string; range: Range }[];
  quotes: {
    range: Range;
    text: string;
    speaker: { text: string; name: string; key: string; range: Range; via: Range | null } | null;
    cue: { text: string; range: Range } | null;
    inChrome: boolean;
  }[];
  /** sentences other files also carry: `same` (score >= minScore), or one `contains`/is `containedIn` the other whole */
  matches: { range: Range; text: string; target: { path: string; range: Range; text: string }; score: number; relation?: 'same' | 'contains' | 'containedIn' }[];
}

export function severityName(s: DiagnosticSeverity | undefined): 'error' | 'warning' | 'info' | 'hint' {
  switch (s) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'warning';
  }
}

/**
 * The lines of the file as a reader counts them: a final line break ends the last line rather
 * than starting an empty one (so `wc -l` and the entries agree), and an empty file has none.
 */
export function fileLines(a: SeedAnalysis): SeedAnalysis['lines'] {
  const n = a.lines.length;
  if (a.text.length === 0) return [];
  if (n > 1 && a.lines[n - 1].text === '' && a.lines[n - 2].eol !== '') return a.lines.slice(0, n - 1);
  return a.lines;
}

const utf8 = new TextEncoder();
/** `,"kind":…,"rule":…}` of a line entry as UTF-8, by kind, then rule */
const lineTailBytes = new Map<string, Map<string | null, Uint8Array>>();
const LINE_OPEN = utf8.encode('{"line":');
const COMMA = 44;
/** the buffer a file's JSON is written into, kept for the next file */
let out = new Uint8Array(1 << 16);
let at = 0;

function room(n: number): void {
  if (at + n <= out.length) return;
  const grown = new Uint8Array(Math.max(2 * out.length, at + n));
  grown.set(out.subarray(0, at));
  out = grown;
}

function putString(s: string): void {
  room(3 * s.length);
  at += utf8.encodeInto(s, out.subarray(at)).written;
}

function putByte(c: number): void {
  room(1);
  out[at++] = c;
}

function putBytes(b: Uint8Array): void {
  room(b.length);
  out.set(b, at);
  at += b.length;
}

/** a non-negative integer's decimal digits, as String(n) gives them (a line or character number) */
function putInt(n: number): void {
  if (n < 10) return putByte(48 + n);
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  room(digits);
  at += digits;
  for (let p = at; n > 0; n = Math.floor(n / 10)) out[--p] = 48 + (n % 10);
}

/** `"range":{…}` of an LSP range, as JSON.stringify writes it */
function putRange(r: Range): void {
  putBytes(RANGE_START);
  putInt(r.start.line);
  putBytes(CHARACTER);
  putInt(r.start.character);
  putBytes(RANGE_END);
  putInt(r.end.line);
  putBytes(CHARACTER);
  putInt(r.end.character);
  putBytes(RANGE_CLOSE);
}
const RANGE_START = utf8.encode('"range":{"start":{"line":');
const CHARACTER = utf8.encode(',"character":');
const RANGE_END = utf8.encode('},"end":{"line":');
const RANGE_CLOSE = utf8.encode('}}');

/**
 * JSON.stringify of a string as UTF-8, kept for the next files: a diagnostic's code and message
 * recur across files (`Site template: 3 lines recurring verbatim across the corpus`). Bounded:
 * the memo starts again when full.
 */
const jsonBytesMemo = new Map<string, Uint8Array>();
const MAX_MEMO = 4096;
function putJsonString(s: string): void {
  let b = jsonBytesMemo.get(s);
  if (b === undefined) {
    if (jsonBytesMemo.size >= MAX_MEMO) jsonBytesMemo.clear();
    b = utf8.encode(JSON.stringify(s));
    // an own copy: the memo outlives the file a message quotes
    jsonBytesMemo.set(ownCopy(s), b);
  }
  putBytes(b);
}
const DIAGNOSTIC_CODE = utf8.encode('{"code":');
const SEVERITY = new Map(['error', 'warning', 'info', 'hint'].map((s) => [s, utf8.encode(`,"severity":"${s}","message":`)]));

/** The `diagnostics` entries of toAnalyzedFileJson, written as JSON.stringify writes them. */
function putDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (let k = 0; k < diagnostics.length; k++) {
    const d = diagnostics[k];
    if (k > 0) putByte(COMMA);
    putBytes(DIAGNOSTIC_CODE);
    putJsonString(String(d.code));
    putBytes(SEVERITY.get(severityName(d.severity))!);
    putJsonString(d.message);
    putByte(COMMA);
    putRange(d.range);
    putByte(CLOSE);
  }
}
const CLOSE = 125;

const TEXT = utf8.encode(',"text":');

/**
 * The body sentences as matches show them, `"range":{...},"text":"..."` in UTF-8 (what a match
 * says of its sentence and of its target), written on; sentence k ends `ends[k]` bytes after
 * where the first starts.
 */
function putSentenceFragments(a: SeedAnalysis, sentences: readonly Sentence[], ends: Int32Array): void {
  const start = at;
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
    putRange(spanRange(a.lines, s));
    putBytes(TEXT);
    putString(JSON.stringify(s.text));
    ends[k] = at - start;
  }
}

/**
 * A file's analyze output as UTF-8, written into one buffer, kept for the next file (the view is
 * valid until then): first `JSON.stringify(toAnalyzedFileJson(displayPath, a, diagnostics, []))`,
 * the same bytes, `jsonLength` of them; then the fragments of `sentences` (see
 * putSentenceFragments), fragment k ending `ends[k]` bytes after the JSON. Written straight as
 * bytes: the `lines` entries (one per line of the file, most of the JSON) from a byte string per
 * kind and rule (short fixed lists) and the line number's digits, rather than made as objects,
 * then as text, then encoded; the rest encoded in place.
 */
export function analyzedFileBytes(displayPath: string, a: SeedAnalysis, diagnostics: Diagnostic[], sentences: readonly Sentence[]): { bytes: Uint8Array; jsonLength: number; ends: Int32Array } {
  at = 0;
  putFileJson(displayPath, a, diagnostics);
  const jsonLength = at;
  const ends = new Int32Array(sentences.length);
  putSentenceFragments(a, sentences, ends);
  return { bytes: out.subarray(0, at), jsonLength, ends };
}

function putFileJson(displayPath: string, a: SeedAnalysis, diagnostics: Diagnostic[]): void {
  const { header, quotes } = toAnalyzedFileJson(displayPath, a, [], [], false);
  const lines = fileLines(a);
  const kinds = a.chrome.kinds, rules = a.chrome.rules;
  putString(`{"path":${JSON.stringify(displayPath)},"header":${JSON.stringify(header)},"lines":[`);
  for (let k = 0; k < lines.length; k++) {
    const i = lines[k].index;
    const kind = kinds[i] ?? 'body';
    const rule = rules[i] ?? null;
    const byRule = lineTailBytes.get(kind) ?? lineTailBytes.set(kind, new Map()).get(kind)!;
    let tail = byRule.get(rule);
    if (tail === undefined) byRule.set(rule, (tail = utf8.encode(`,"kind":${JSON.stringify(kind)},"rule":${rule === null ? 'null' : JSON.stringify(rule)}}`)));
    if (k > 0) putByte(COMMA);
    putBytes(LINE_OPEN);
    putInt(i);
    putBytes(tail);
  }
  putString('],"diagnostics":[');
  putDiagnostics(diagnostics);
  putString(`],"quotes":${JSON.stringify(quotes)},"matches":[]}`);
}

export function toAnalyzedFileJson(
  displayPath: string,
  a: SeedAnalysis,
  diagnostics: Diagnostic[],
  matches: AnalyzedFileJson['matches'],
  withLines = true,
): AnalyzedFileJson {
  const h = a.header;
  return {
    path: displayPath,
    header: h ? { date: h.date, title: h.title, range: spanRange(a.lines, { start: h.keywordSpan.start, end: Math.max(h.dateSpan.end, h.titleSpan.end) }) } : null,
    lines: withLines ? fileLines(a).map((l) => ({ line: l.index, kind: a.chrome.kinds[l.index] ?? 'body', rule: a.chrome.rules[l.index] ?? null })) : [],
    diagnostics: diagnostics.map((d) => ({ code: String(d.code), severity: severityName(d.severity), message: d.message, range: d.range })),
    quotes: a.quotes.map((q) => ({
      range: spanRange(a.lines, q.span),
      text: q.content.text,
      speaker: q.speaker
        ? { text: q.speaker.mention.text, name: q.speaker.name, key: q.speaker.key, range: spanRange(a.lines, q.speaker.mention), via: q.speaker.via ? spanRange(a.lines, q.speaker.via) : null }
        : null,
      cue: q.cue ? { text: q.cue.text, range: spanRange(a.lines, q.cue) } : null,
      inChrome: q.inChrome,
    })),
    matches,
  };
}

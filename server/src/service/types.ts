/**
 * Shared types of the analysis pipeline. Offsets are UTF-16 code-unit offsets into the
 * document text (as TextDocument.offsetAt gives); line numbers are zero-based.
 * Nothing here imports vscode or vscode-languageserver.
 */

export type LineKind = 'header' | 'body' | 'chrome' | 'blank';

/** A half-open span [start, end) of the document text, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One line of the document, without its line break. */
export interface Line {
  index: number;
  /** offset of the first character */
  start: number;
  /** offset just past the last character, before the line break */
  end: number;
  text: string;
  /** the line break that ends it: '\n', '\r\n', '\r' or '' for the last line */
  eol: string;
}

export interface Header {
  line: number;
  /** the ISO date as written, e.g. 2025-02-28 */
  date: string;
  /** whether the date is a real calendar date */
  dateValid: boolean;
  title: string;
  dateSpan: Span;
  titleSpan: Span;
  keywordSpan: Span;
}

export interface Sentence {
  /** index within the document's sentence list */
  index: number;
  line: number;
  start: number;
  end: number;
  text: string;
  /** UTF-16 character of `start` within its line (a sentence never spans lines) */
  character?: number;
}

// ---- chrome stage -------------------------------------------------------------------------

export type ChromeCode =
  | 'chrome.navigation-list'
  | 'chrome.related-headlines'
  | 'chrome.teaser'
  | 'chrome.repeated-title'
  | 'chrome.template-leak'
  | 'chrome.section-label'
  | 'chrome.reading-time'
  | 'chrome.photo-credit'
  | 'chrome.byline'
  | 'chrome.footer'
  | 'chrome.site-template'
  | 'chrome.dateline'
  | 'chrome.boilerplate';

export interface ChromeInput {
  /** line texts without line breaks, one per document line */
  lines: readonly string[];
  /** index of the header line, or null when the file has no ` date YYYY-MM-DD` header */
  headerLine: number | null;
  /** the title from the header, if any */
  title: string | null;
  /**
   * How many OTHER files of the corpus contain this line (after the corpus stage's own
   * normalisation). Absent or 0 when unknown or unique.
   */
  recurrence?: (lineText: string, line: number) => number;
  /** number of files in the corpus, this one included (1 when alone) */
  corpusFiles: number;
}

export interface ChromeBlock {
  /** first line of the block */
  startLine: number;
  /** last line of the block, inclusive (blank lines inside a block are part of it) */
  endLine: number;
  code: ChromeCode;
  /** one-line message naming what it is and why, e.g. "Related-headlines list: 14 lines, each headline twice, after the article ends" */
  message: string;
  /** the individual pieces of evidence, shown in the hover */
  evidence: string[];
}

export interface ChromeResult {
  kinds: LineKind[];
  /** for each line, the rule code of the chrome block it belongs to, else null */
  rules: (ChromeCode | null)[];
  blocks: ChromeBlock[];
}

// ---- quotes stage -------------------------------------------------------------------------

export type SpeakerKind = 'person' | 'organisation' | 'unknown';

export interface Speaker {
  /** the mention that names the speaker (for `it added`, the earlier mention `it` refers to) */
  mention: Span;
  /** the pronoun or short mention at the quote, when it differs from `mention` */
  via: Span | null;
  /** canonical display name, e.g. "U.S. State Department" */
  name: string;
  /** identity key: mentions with the same key are one speaker (within a file and across the corpus) */
  key: string;
  kind: SpeakerKind;
}

export interface Quote {
  /** the quotation including its quote marks */
  span: Span;
  /** the quoted words without the marks */
  content: Span;
  /** true when the quote lies in chrome; such quotes are not attributed */
  inChrome: boolean;
  /** true when the opening mark is never closed */
  unbalanced: boolean;
  speaker: Speaker | null;
  /** the attribution cue, e.g. "said in a statement", "added", "according to" */
  cue: Span | null;
}

// ---- cross-link stage ----------------------------------------------------------------------

export interface SentenceRef {
  uri: string;
  sentence: Sentence;
}

export interface CrossLink {
  /** the sentence in this document */
  sentence: Sentence;
  /** the matching sentence in another corpus file */
  target: SentenceRef;
  /** 0..1, higher is closer */
  score: number;
}

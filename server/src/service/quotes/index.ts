/**
 * QuoteAttributor: finds the quotations of a seed file and who said them.
 *
 * Pipeline per file: (1) scan quote marks line by line (marks.ts), link quotations that
 * continue over paragraphs; (2) tokenise each body paragraph with its quotations masked
 * (tokens.ts); (3) in reading order, record named entities and speech-verb subjects for
 * coreference (coref.ts) and match attribution patterns around each quotation (patterns.ts);
 * (4) spread speakers to quotations that news convention attributes implicitly (the next
 * sentence of the same quote paragraph, a quote-only paragraph, the pieces of a multi-paragraph
 * quote, quotes nested in an attributed quote). Linear in the text; never throws.
 */
import type { Line, LineKind, Quote, Span, Speaker } from '../types';
import { isJsSpace } from './chars';
import { SpeakerTracker } from './coref';
import { mayNameOrganisation, speakerKey as keyOf } from './identity';
import { DETERMINERS, NP_STOP, SUBJECT_PRONOUNS } from './lexicon';
import { scanLine, startsWithOpeningDouble, type QuoteMarkSpan } from './marks';
import { attributionAfter, attributionBefore, sentenceSubject, speechSubjects, type Attribution, type TokenRange } from './patterns';
import { quoteEndsSentence, tokenize, type MaskedQuote, type Token } from './tokens';

export { nameShape } from './identity';

/** A quote with how it sits among others (a `Quote` for every consumer of the contract). */
export interface FoundQuote extends Quote {
  /** a single-quoted quote inside a double-quoted one; it carries the outer quote's speaker */
  nested: boolean;
  /** the quotation goes on in the next paragraph (news convention: no closing mark here) */
  continues: boolean;
  /** this piece continues a quotation from the previous paragraph */
  continued: boolean;
}

/** Identity key of a speaker name: mentions with equal keys are one speaker. */
export function speakerKey(name: string): string {
  try {
    return keyOf(name.length > 300 ? name.slice(0, 300) : name);
  } catch {
    return name.toLowerCase();
  }
}

interface Paragraph {
  line: number;
  chrome: boolean;
  marks: QuoteMarkSpan[];
  /** index into `quotes` of each mark */
  quoteIndex: number[];
  /** top-level marks, in the order they were masked */
  topLevel: number[];
  /**
   * what step 4 needs of the tokens (dropped after step 3, so they die young): per quotation
   * token, the quote's index into `quotes` and whether the token opens a sentence
   */
  quoteTokens: { quote: number; opensSentence: boolean }[];
  /** quotations and no words outside them */
  quoteOnly: boolean;
}

export function findQuotes(text: string, lines: readonly Line[], kinds: readonly LineKind[], isCancelled?: () => boolean): FoundQuote[] {
  try {
    return find(text, lines, kinds, isCancelled);
  } catch {
    return [];
  }
}

/*
 * find() runs its steps as functions of their own: V8 optimises each apart, so a rare path met
 * for the first time in one step (a colon introducing a quote, a nested quotation) deoptimises
 * and recompiles that step only, not one function holding all of them (a compile of which took
 * 100-300 ms of a background thread, again at each such path: about a second in the first
 * 10,000 files of an index build).
 */
function find(text: string, lines: readonly Line[], kinds: readonly LineKind[], isCancelled?: () => boolean): FoundQuote[] {
  const quotes: FoundQuote[] = [];
  const paragraphs: Paragraph[] = [];
  if (!collectMarks(text, lines, kinds, quotes, paragraphs, isCancelled)) return [];
  linkContinuations(text, lines, kinds, quotes, paragraphs);
  // speakers are found for quotes of the article only (chrome paragraphs are passed over):
  // with none, tokenising the article's paragraphs for names would change nothing
  if (!quotes.some((q) => !q.inChrome)) return quotes;
  const tracker = new SpeakerTracker();
  if (!attributeDirect(text, lines, quotes, paragraphs, tracker, isCancelled)) return [];
  attributeImplicit(quotes, paragraphs, tracker);
  return quotes;
}

/** 1. quote marks: a paragraph per non-blank line, a quote per mark. False when cancelled. */
function collectMarks(text: string, lines: readonly Line[], kinds: readonly LineKind[], quotes: FoundQuote[], paragraphs: Paragraph[], isCancelled?: () => boolean): boolean {
  for (let i = 0; i < lines.length; i++) {
    if ((i & 255) === 0 && isCancelled?.()) return false;
    const line = lines[i];
    const kind = kinds[i] ?? 'body';
    if (kind === 'blank' || line.end <= line.start) continue;
    const marks = scanLine(text, line.start, Math.min(line.end, text.length));
    paragraphs.push({ line: i, chrome: kind === 'chrome', marks, quoteIndex: [], topLevel: [], quoteTokens: [], quoteOnly: false });
  }
  for (const p of paragraphs) {
    for (const m of p.marks) {
      p.quoteIndex.push(quotes.length);
      const closed = m.closed;
      const contentStart = Math.min(m.open + m.openLen, m.end);
      const contentEnd = Math.max(contentStart, m.end - m.closeLen);
      quotes.push({
        span: span(text, m.open, m.end),
        content: span(text, contentStart, contentEnd),
        inChrome: p.chrome,
        unbalanced: !closed,
        speaker: null,
        cue: null,
        nested: m.parent >= 0,
        continues: false,
        continued: false,
      });
    }
  }
  return true;
}

/** Multi-paragraph quotations: open at the end of one paragraph, the next paragraph opens again. */
function linkContinuations(text: string, lines: readonly Line[], kinds: readonly LineKind[], quotes: FoundQuote[], paragraphs: Paragraph[]): void {
  for (let k = 0; k + 1 < paragraphs.length; k++) {
    const p = paragraphs[k];
    const last = lastTopLevelDouble(p);
    if (last < 0 || p.marks[last].closed) continue;
    const q = paragraphs[k + 1];
    if (q.chrome !== p.chrome || !onlyBlankBetween(lines, kinds, p.line, q.line)) continue;
    const ql = lines[q.line];
    if (!startsWithOpeningDouble(text, ql.start, ql.end)) continue;
    const a = quotes[p.quoteIndex[last]];
    a.unbalanced = false;
    a.continues = true;
    const first = q.marks.findIndex((m) => !m.single);
    if (first >= 0) quotes[q.quoteIndex[first]].continued = true;
  }
}

/** 2./3. tokens, coreference and direct attribution in reading order. False when cancelled. */
function attributeDirect(text: string, lines: readonly Line[], quotes: FoundQuote[], paragraphs: Paragraph[], tracker: SpeakerTracker, isCancelled?: () => boolean): boolean {
  // `Caddell continued:` closing a paragraph introduces the quotes of the next one
  let colon: { attr: Attribution; tokens: Token[] } | null = null;
  for (let k = 0; k < paragraphs.length; k++) {
    if ((k & 63) === 0 && isCancelled?.()) return false;
    const p = paragraphs[k];
    if (p.chrome) { colon = null; continue; }
    const line = lines[p.line];
    const masked: MaskedQuote[] = [];
    p.marks.forEach((m, i) => {
      if (m.parent >= 0) return;
      p.topLevel.push(i);
      masked.push({ start: m.open, end: m.end, endsSentence: quoteEndsSentence(text, m.open, m.end - m.closeLen) });
    });
    const tokens = tokenize(text, line.start, Math.min(line.end, text.length), masked);
    p.quoteOnly = isQuoteOnly(tokens);
    const subjects = recordEntities(text, tokens, tracker);
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t];
      if (tok.kind !== 'quote') continue;
      const qi = p.quoteIndex[p.topLevel[tok.quote]];
      p.quoteTokens.push({ quote: qi, opensSentence: tok.sentence === t });
      const after = attributionAfter(tokens, t);
      if (after) { attribute(quotes[qi], after, tokens, text, tracker); continue; }
      // the name of a show, book or song (`on "Face the Nation,"`) is not a quotation
      if (isTitle(quotes[qi].content.text, tokens[t - 1])) continue;
      const attr = attributionBefore(tokens, t);
      if (attr && (!isImplausibleSpeaker(rangeSpan(text, tokens, attr.np).text, tracker))) { attribute(quotes[qi], attr, tokens, text, tracker); continue; }
      if (colon && t === 0) { attribute(quotes[qi], colon.attr, colon.tokens, text, tracker); continue; }
      // `Kerry said that 100,000 would be accepted. "That adds up …"`: a quote opening a sentence
      // continues the latest speaker of its paragraph
      if (tok.sentence === t && t > 0) {
        const prior = latestBefore(subjects, t);
        if (prior) { attribute(quotes[qi], prior, tokens, text, tracker); continue; }
      }
      // the sentence's subject speaks through its verb (`Cruz exhorted Republicans to "…"`)
      const subj = sentenceSubject(tokens, t);
      if (subj && isSpeakerLike(rangeSpan(text, tokens, subj.np).text, tracker)) attribute(quotes[qi], subj, tokens, text, tracker);
    }
    const last = tokens.length - 1;
    colon = null;
    if (last > 0 && tokens[last].kind === 'punct' && tokens[last].text === ':') {
      const attr = attributionBefore(tokens, last);
      if (attr) colon = { attr, tokens };
    }
  }

  return true;
}

/** 4. implicit attribution, then speakers carried over continuations and into nested quotes. */
function attributeImplicit(quotes: FoundQuote[], paragraphs: Paragraph[], tracker: SpeakerTracker): void {
  let prevSpeakerQuote: FoundQuote | null = null; // last attributed top-level quote of the previous paragraph
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k];
    if (p.chrome) { prevSpeakerQuote = null; continue; }
    // a quote that opens a sentence takes the speaker of the previous quote of its paragraph
    let lastInParagraph: FoundQuote | null = null;
    for (const qt of p.quoteTokens) {
      const q = quotes[qt.quote];
      if (!q.speaker && lastInParagraph?.speaker && qt.opensSentence) inherit(q, lastInParagraph);
      if (q.speaker) lastInParagraph = q;
    }
    // a paragraph that is only a quotation belongs to the previous paragraph's speaker
    const top: FoundQuote[] = [];
    for (const i of p.topLevel) top.push(quotes[p.quoteIndex[i]]);
    if (top.length > 0 && !top[0].speaker && prevSpeakerQuote?.speaker && p.quoteOnly) {
      for (const q of top) if (!q.speaker) inherit(q, prevSpeakerQuote);
    }
    // nested quotes carry the outer quote's speaker
    p.marks.forEach((m, i) => {
      if (m.parent < 0) return;
      const outer = quotes[p.quoteIndex[m.parent]];
      const q = quotes[p.quoteIndex[i]];
      if (outer.speaker) inherit(q, outer);
    });
    const attributed = top.filter((q) => q.speaker);
    prevSpeakerQuote = attributed.length ? attributed[attributed.length - 1] : null;
  }
  propagateOverContinuations(quotes);
  // names grow as fuller mentions appear: every speaker shows the fullest name of the file
  for (const q of quotes) {
    const e = q.speaker ? tracker.entity(q.speaker.key) : undefined;
    if (q.speaker && e) q.speaker.name = e.name;
  }
  // the pieces may have gained speakers; nested quotes follow again
  for (const p of paragraphs) {
    p.marks.forEach((m, i) => {
      if (m.parent < 0) return;
      const outer = quotes[p.quoteIndex[m.parent]];
      const q = quotes[p.quoteIndex[i]];
      if (!q.speaker && outer.speaker) inherit(q, outer);
    });
  }
}

const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'is', 'are', 'from', 'as', 'but', 'nor', 'vs', 'vs.']);
const TITLE_CUES = new Set(['on', 'in', 'of', 'at', 'from', 'titled', 'entitled', 'headlined', 'show', 'program', 'programme', 'book', 'film', 'movie', 'documentary', 'song', 'series', 'album', 'episode', 'column', 'article', 'op-ed', 'editorial', 'segment', 'memoir', 'novel', 'play', 'hit']);

/** Title-case words after `on`, `of`, a possessive or `titled`: a work's name, not a quotation. */
function isTitle(content: string, before: Token | undefined): boolean {
  if (!before || before.kind !== 'word') return false;
  if (!(TITLE_CUES.has(before.lower) || /['\u2019]s$/.test(before.lower))) return false;
  // index scans, not `/[.,!?;:…]+$/` (quadratic in a long run of punctuation) nor a split of
  // the whole quotation (at most 11 words are looked at)
  let end = content.length;
  while (end > 0 && isTitleFinalPunct(content.charCodeAt(end - 1))) end--;
  const words: string[] = [];
  for (let i = 0; i < end && words.length <= 10;) {
    while (i < end && isJsSpace(content.charCodeAt(i))) i++;
    if (i >= end) break;
    let j = i + 1;
    while (j < end && !isJsSpace(content.charCodeAt(j))) j++;
    words.push(content.slice(i, j));
    i = j;
  }
  if (words.length === 0 || words.length > 10) return false;
  return words.every((w, i) => (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())) || STARTS_UPPER_OR_DIGIT.test(w));
}

// module-level: bundlers turn a `\p{…}` literal into `new RegExp(…)`, which would run per call
const STARTS_UPPER_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
const HAS_UPPER = /\p{Lu}/u;

function isTitleFinalPunct(c: number): boolean {
  return c === 46 || c === 44 || c === 33 || c === 63 || c === 59 || c === 58 || c === 0x2026;
}


/**
 * A noun phrase that names nobody: no capital, no pronoun, no person or organisation head,
 * no agent noun (`the streets`, `a box`, `protests`).
 */
function isImplausibleSpeaker(np: string, tracker: SpeakerTracker): boolean {
  if (HAS_UPPER.test(np) || isSpeakerLike(np, tracker)) return false;
  const head = tracker.names.shape(np).head;
  return !/(er|or|ist|ian|ant|ent|ee|man|woman|men|women|one|body|ers|ors|ists|ians|ants|ents)$/.test(head);
}

/** A person, an organisation or a subject pronoun: who can be said to say something. */
function isSpeakerLike(np: string, tracker: SpeakerTracker): boolean {
  const shape = tracker.names.shape(np);
  if (shape.pronoun || shape.kind !== 'unknown') return true;
  // a bare surname (`Trump`) is a speaker when the file names that person in full
  const known = tracker.entity(tracker.names.key(np));
  return !!known && known.kind !== 'unknown';
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

function lastTopLevelDouble(p: Paragraph): number {
  for (let i = p.marks.length - 1; i >= 0; i--) if (!p.marks[i].single && p.marks[i].parent < 0) return i;
  return -1;
}

function onlyBlankBetween(lines: readonly Line[], kinds: readonly LineKind[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if ((kinds[i] ?? 'body') !== 'blank' && lines[i].text.trim() !== '') return false;
  return true;
}

function isQuoteOnly(tokens: readonly Token[]): boolean {
  let quotes = 0;
  for (const t of tokens) {
    if (t.kind === 'quote') quotes++;
    else if (t.kind === 'word') return false;
  }
  return quotes > 0;
}

function inherit(q: FoundQuote, from: FoundQuote): void {
  if (q.inChrome || !from.speaker) return;
  const s = from.speaker;
  // makeSpeaker's literal: a spread copy has a map of its own, and code reading speakers deoptimises on it
  q.speaker = { mention: s.mention, via: s.via, name: s.name, key: s.key, kind: s.kind };
  q.cue = from.cue;
}

function propagateOverContinuations(quotes: FoundQuote[]): void {
  // chains are consecutive in `quotes` order only through their top-level pieces
  let chain: FoundQuote[] = [];
  const flush = (): void => {
    const source = chain.find((q) => q.speaker) ?? null;
    if (source) for (const q of chain) if (!q.speaker) inherit(q, source);
    chain = [];
  };
  for (const q of quotes) {
    if (q.nested) continue;
    if (q.continued && chain.length) chain.push(q);
    else { flush(); chain = [q]; }
    if (!q.continues) flush();
  }
  flush();
}

function rangeSpan(text: string, tokens: readonly Token[], r: TokenRange): Span {
  return span(text, tokens[r.start].start, tokens[r.end].end);
}

function attribute(q: FoundQuote, attr: Attribution, tokens: readonly Token[], text: string, tracker: SpeakerTracker): void {
  const np = rangeSpan(text, tokens, attr.np);
  const cue = rangeSpan(text, tokens, attr.cue);
  const speaker = makeSpeaker(np, tracker);
  if (!speaker) return;
  q.speaker = speaker;
  q.cue = cue;
}

function makeSpeaker(np: Span, tracker: SpeakerTracker): Speaker | null {
  const lower = np.text.toLowerCase();
  if (lower === 'i' || lower === 'we') {
    return { mention: np, via: null, name: np.text, key: `?${lower}@${np.start}`, kind: lower === 'i' ? 'person' : 'unknown' };
  }
  if (SUBJECT_PRONOUNS.has(lower)) {
    const r = tracker.resolvePronoun(lower, np.start);
    if (!r) {
      return { mention: np, via: null, name: np.text, key: `?${lower}@${np.start}`, kind: tracker.names.shape(np.text).kind };
    }
    return { mention: r.mention, via: np, name: r.entity.name, key: r.entity.key, kind: r.entity.kind };
  }
  const entity = tracker.add(np, true);
  if (!entity) return null;
  if (tracker.names.definite(np.text) && entity.key !== tracker.names.key(np.text)) {
    const naming = tracker.namingMention(entity, np.start) ?? np;
    return { mention: naming, via: np, name: entity.name, key: entity.key, kind: entity.kind };
  }
  return { mention: np, via: null, name: entity.name, key: entity.key, kind: entity.kind };
}

const SENTENCE_STARTERS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'as', 'after', 'before', 'when', 'while', 'if', 'for', 'with', 'from', 'by', 'this', 'that', 'it', 'he', 'she', 'they', 'we', 'i', 'later', 'speaking', 'still', 'yet', 'so', 'also', 'meanwhile', 'however', 'there', 'here', 'then', 'today', 'asked', 'despite', 'during', 'since', 'his', 'her', 'their', 'its', 'our']);

function latestBefore(subjects: readonly Attribution[], t: number): Attribution | null {
  let best: Attribution | null = null;
  for (const a of subjects) if (a.cue.end < t) best = a;
  return best;
}

/** Named entities (capitalised runs) and speech-verb subjects, for coreference; returns the subjects. */
function recordEntities(text: string, tokens: readonly Token[], tracker: SpeakerTracker): Attribution[] {
  const attributions = speechSubjects(tokens);
  const subjects = attributions.map((a) => a.np);
  let si = 0;
  let k = 0;
  while (k < tokens.length) {
    // speech subjects are recorded at their position so mentions stay in reading order
    while (si < subjects.length && subjects[si].start <= k) {
      const r = subjects[si++];
      const t = tokens[r.start].lower;
      if (r.start === r.end && (SUBJECT_PRONOUNS.has(t) || NP_STOP.has(t) || DETERMINERS.has(t))) continue;
      tracker.add(rangeSpan(text, tokens, r), true);
    }
    const t = tokens[k];
    if (t.kind !== 'word' || !t.cap) { k++; continue; }
    let start = k;
    if (t.sentence === k && SENTENCE_STARTERS.has(t.lower)) { start = k + 1; }
    let end = start;
    while (end < tokens.length && tokens[end].kind === 'word' && (tokens[end].cap || (tokens[end].lower === 'of' && tokens[end + 1]?.cap && end > start))) end++;
    // a single word counts only as an organisation
    if (end - start >= 2 || (end > start && mayNameOrganisation(tokens[start].text, tokens[start].lower))) {
      const r: TokenRange = { start, end: end - 1 };
      const shape = tracker.names.shape(start === end - 1 ? tokens[start].text : text.slice(tokens[start].start, tokens[end - 1].end));
      if (shape.kind !== 'unknown' && !shape.pronoun && (end - start >= 2 || shape.kind === 'organisation')) tracker.add(rangeSpan(text, tokens, r), false);
    }
    k = Math.max(end, k + 1);
  }
  while (si < subjects.length) {
    const r = subjects[si++];
    const t = tokens[r.start].lower;
    if (r.start === r.end && (SUBJECT_PRONOUNS.has(t) || NP_STOP.has(t) || DETERMINERS.has(t))) continue;
    tracker.add(rangeSpan(text, tokens, r), true);
  }
  return attributions;
}

/**
 * Attribution patterns of news writing, matched on a paragraph's tokens (quotations masked):
 * `"…," X said`, `"…," said X`, `X said: "…"`, `X said that … "…"`, `X, who …, said`,
 * `according to X`, `X told Y`, `X was quoted as saying`. Every search is bounded to the
 * quote's sentence and a fixed number of tokens.
 */
import { AUX_SKIP, DETERMINERS, IRREGULAR_PAST, NP_LINKS, NP_STOP, SUBJECT_PRONOUNS, TIME_WORDS, WEAK_SPEECH_VERBS, isIngForm } from './lexicon';
import type { Token } from './tokens';

/** Token range [start, end] inclusive. */
export interface TokenRange {
  start: number;
  end: number;
}

export interface Attribution {
  /** the speaker noun phrase */
  np: TokenRange;
  /** the cue (verb and a following `in a statement`, or `according to`) */
  cue: TokenRange;
}

const MAX_NP = 10;
/** `“Okay,” I said`: the writer speaks; such a speaker is named by the pronoun itself. */
export const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'we']);
const AFTER_WINDOW = 30;
const BEFORE_WINDOW = 70;
const CUE_NOUNS = new Set(['statement', 'interview', 'speech', 'email', 'e-mail', 'letter', 'tweet', 'post', 'release', 'briefing', 'address', 'conference', 'call', 'message', 'video', 'op-ed', 'column', 'filing', 'report', 'remarks', 'comments', 'note', 'memo', 'podcast', 'broadcast', 'appearance', 'testimony', 'hearing', 'rally', 'debate', 'press']);

export function speechVerb(t: Token | undefined): string | null {
  if (!t || t.kind !== 'word') return null;
  return t.verb;
}

/**
 * The speech verb at token i, unless the form is a plural noun there (`his tweets`,
 * `the reports`, `Trump's early-morning tweets`, `late-night comments`).
 */
export function speechVerbAt(toks: readonly Token[], i: number): string | null {
  const t = toks[i];
  const base = speechVerb(t);
  if (!base || t.cap) return base && !t.cap ? base : null;
  if (t.lower.endsWith('s') && t.lower !== base && !t.lower.endsWith('ss')) {
    const prev = toks[i - 1];
    if (prev && prev.kind === 'word' && (DETERMINERS.has(prev.lower) || isPossessive(prev.lower) || prev.lower.includes('-') || NP_LINKS.has(prev.lower) || startsWithDigit(prev.lower) || (!prev.cap && /(al|ous|ive|ic|ful|less|ing)$/.test(prev.lower)))) return null;
  }
  return base;
}

/** A word that ends a speaker noun phrase going backwards: verbs, gerunds, numbers. */
function notInName(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  if (TIME_WORDS.has(t.lower)) return true;
  // `Speaking at a town hall, …`: a sentence-initial participle
  if (t.cap && k === t.sentence && t.lower.length > 4 && t.lower.endsWith('ing')) return true;
  if (t.cap) return false;
  const w = t.lower;
  if (startsWithDigit(w) && /^\d[\d,.]*$/.test(w)) return true;
  if (w.endsWith("n't") || w.endsWith('n\u2019t')) return true;
  if (IRREGULAR_PAST.has(w)) return true;
  if (w.length > 4 && (w.endsWith('ed') || w.endsWith('ing'))) {
    const prev = toks[k - 1];
    return !(prev && prev.kind === 'word' && DETERMINERS.has(prev.lower));
  }
  return false;
}

// string tests of single words, without a regular expression each
function startsWithDigit(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** `/['’]s$/` */
function isPossessive(w: string): boolean {
  return w.endsWith("'s") || w.endsWith('\u2019s');
}

/** `/n['’]t$/` */
function endsWithNot(w: string): boolean {
  return w.endsWith("n't") || w.endsWith('n\u2019t');
}

function isWord(t: Token | undefined): t is Token {
  return !!t && t.kind === 'word';
}

/**
 * The noun phrase that ends at token `end` (inclusive), not reaching before `min`.
 * A lone subject pronoun is a noun phrase.
 */
export function npBackward(toks: readonly Token[], end: number, min: number): TokenRange | null {
  let k = end;
  let n = 0;
  let start = -1;
  while (k >= min && n < MAX_NP) {
    const t = toks[k];
    if (t.kind === 'punct' && t.text === ')') {
      // `Rep. Gwen Moore (D-Wis.)`: a parenthetical inside or after the name
      const open = openParen(toks, k, min);
      if (open < 0) break;
      k = open - 1; n++;
      continue;
    }
    if (!isWord(t)) break;
    if (SUBJECT_PRONOUNS.has(t.lower) || FIRST_PERSON.has(t.lower)) {
      if (start < 0) return { start: k, end };
      break;
    }
    if (NP_LINKS.has(t.lower)) {
      // `head of Russia's parliament`
      if (start >= 0 && isNounish(toks, k - 1, min)) { start = k; k--; n++; continue; }
      break;
    }
    if (DETERMINERS.has(t.lower)) {
      if (start < 0) return null; // a determiner alone
      start = k;
      // `a spokesman for the department`: continue over a linking preposition
      if (k - 1 >= min && isWord(toks[k - 1]) && NP_LINKS.has(toks[k - 1].lower) && isNounish(toks, k - 2, min)) {
        k -= 2; n += 2; continue;
      }
      break;
    }
    if (NP_STOP.has(t.lower) || (speechVerb(t) && !t.cap) || notInName(toks, k) || startsWithDigit(t.lower)) break;
    start = k;
    k--; n++;
  }
  if (start < 0) return null;
  // `Donald Trump’s tweet`: a possessive is not the subject
  if (isPossessive(toks[end].lower)) return null;
  // a phrase may not start with a link word
  while (start <= end && NP_LINKS.has(toks[start].lower)) start++;
  if (start > end) return null;
  return { start, end };
}

/** A word at i (not before min) that can be inside a noun phrase: not a stop word, determiner or speech verb. */
function isNounish(toks: readonly Token[], i: number, min: number): boolean {
  return i >= min && isWord(toks[i]) && !NP_STOP.has(toks[i].lower) && !DETERMINERS.has(toks[i].lower) && !(speechVerb(toks[i]) && !toks[i].cap);
}

function openParen(toks: readonly Token[], close: number, min: number): number {
  for (let i = close - 1; i >= Math.max(min, close - 8); i--) {
    const t = toks[i];
    if (t.kind === 'quote' || (t.kind === 'punct' && t.text === ')')) return -1;
    if (t.kind === 'punct' && t.text === '(') return i;
  }
  return -1;
}

function closeParen(toks: readonly Token[], open: number, max: number): number {
  for (let i = open + 1; i < Math.min(max, open + 9); i++) {
    const t = toks[i];
    if (t.kind === 'quote' || (t.kind === 'punct' && t.text === '(')) return -1;
    if (t.kind === 'punct' && t.text === ')') return i;
  }
  return -1;
}

/** The noun phrase starting at token `start`, not reaching `max` (exclusive). */
export function npForward(toks: readonly Token[], start: number, max: number): TokenRange | null {
  const first = toks[start];
  if (!isWord(first) || start >= max || TIME_WORDS.has(first.lower) || (first.cap && start === first.sentence && first.lower.length > 4 && first.lower.endsWith('ing'))) return null;
  if (SUBJECT_PRONOUNS.has(first.lower) || FIRST_PERSON.has(first.lower)) return { start, end: start };
  let k = start;
  let end = -1;
  while (k < max && k - start < MAX_NP) {
    const t = toks[k];
    if (!isWord(t)) break;
    if (NP_LINKS.has(t.lower)) {
      if (end >= 0 && isWord(toks[k + 1]) && k + 1 < max && !NP_STOP.has(toks[k + 1].lower)) { k++; continue; }
      break;
    }
    if (DETERMINERS.has(t.lower)) {
      if (end >= 0 && !NP_LINKS.has(toks[k - 1].lower)) break;
      k++; continue;
    }
    if (NP_STOP.has(t.lower) || (speechVerb(t) && !t.cap) || (k > start && notInName(toks, k)) || (!t.cap && t.lower.length > 4 && t.lower.endsWith('ly'))) break;
    end = k;
    k++;
  }
  if (end < 0) return null;
  if (toks[end + 1]?.kind === 'punct' && toks[end + 1].text === '(') {
    const close = closeParen(toks, end + 1, max);
    if (close > 0) end = close;
  }
  return { start, end };
}

/** Skips auxiliaries and adverbs before a verb at `v`: returns the index of the token before them. */
function skipAux(toks: readonly Token[], v: number, min: number): number {
  let k = v - 1;
  let n = 0;
  while (k >= min && n < 3 && isWord(toks[k]) && (AUX_SKIP.has(toks[k].lower) || endsWithNot(toks[k].lower) || (toks[k].lower.endsWith('ly') && !toks[k].cap && toks[k].lower.length > 4))) { k--; n++; }
  return k;
}

/**
 * The subject of the speech verb at `v`: the noun phrase before it, skipping auxiliaries
 * (`also said`) and an appositive or relative clause between commas (`X, who …, said`).
 */
export function subjectOf(toks: readonly Token[], v: number, min: number): TokenRange | null {
  let k = skipAux(toks, v, min);
  if (k < min) return null;
  // `X was quoted as saying`
  if (toks[v].lower === 'saying' && toks[k]?.lower === 'as' && toks[k - 1]?.lower === 'quoted') {
    k = skipAux(toks, k - 1, min);
    if (isWord(toks[k]) && (toks[k].lower === 'was' || toks[k].lower === 'is' || toks[k].lower === 'been')) k = skipAux(toks, k, min);
  }
  if (toks[k].kind === 'punct' && toks[k].text === ',') {
    // appositive: find the comma that opens it
    for (let c = k - 1; c >= Math.max(min, k - 30); c--) {
      const t = toks[c];
      if (t.kind === 'quote') return null;
      if (t.kind === 'punct' && t.text === ',') {
        const np = npBackward(toks, c - 1, min);
        return np;
      }
    }
    return null;
  }
  const t = toks[k];
  if (t && t.kind === 'word' && (t.lower === 'who' || t.lower === 'which' || t.lower === 'that')) {
    // `a letter from his doctor that says …`: the antecedent speaks
    let a = k - 1;
    if (toks[a]?.text === ',') a--;
    return a >= min ? npBackward(toks, a, min) : null;
  }
  return npBackward(toks, k, min);
}

/** Extends a cue over `in a statement`, `in an interview on Thursday` … (at most 4 tokens). */
function cueExtent(toks: readonly Token[], v: number, max: number): TokenRange {
  const t1 = toks[v + 1], t2 = toks[v + 2], t3 = toks[v + 3];
  if (v + 3 < max && isWord(t1) && (t1.lower === 'in' || t1.lower === 'on') && isWord(t2) && DETERMINERS.has(t2.lower) && isWord(t3) && CUE_NOUNS.has(t3.lower)) {
    return { start: v, end: v + 3 };
  }
  return { start: v, end: v };
}

/** End (exclusive) of the sentence of token `from`, looking at most `cap` tokens ahead. */
function sentenceEnd(toks: readonly Token[], from: number, cap = AFTER_WINDOW + MAX_NP + 2): number {
  const s = toks[from]?.sentence;
  const limit = Math.min(toks.length, from + cap);
  let k = from;
  while (k < limit && toks[k].sentence === s) k++;
  return k;
}

/**
 * `"…," X said` / `"…," said X` / `"…," according to X` / `"…" — X` right after the quote
 * token `q`; also `"…" of the plan, X said.` where the attribution clause ends the sentence
 * after a comma.
 */
export function attributionAfter(toks: readonly Token[], q: number): Attribution | null {
  let k = q + 1;
  let dash = -1;
  while (k < toks.length && toks[k].kind === 'punct' && /^[,\u2014\u2013\u2015\-\u2026:]$/.test(toks[k].text)) {
    if (toks[k].text !== ',' && toks[k].text !== ':' && toks[k].text !== '\u2026') dash = k;
    k++;
  }
  if (k >= toks.length || toks[k].kind !== 'word') return null;
  const end = sentenceEnd(toks, k);
  const max = Math.min(end, k + AFTER_WINDOW + MAX_NP);
  const t = toks[k];
  if (t.lower === 'according' && toks[k + 1]?.lower === 'to') {
    const np = npForward(toks, k + 2, max);
    return np ? { np, cue: { start: k, end: k + 1 } } : null;
  }
  const verb = speechVerb(t);
  if (verb && !t.cap && !isIngForm(t.lower)) {
    if (WEAK_SPEECH_VERBS.has(verb)) return null;
    const np = npForward(toks, k + 1, max);
    return np ? { np, cue: { start: k, end: k } } : null;
  }
  for (let v = k + 1; v < max && v <= k + AFTER_WINDOW; v++) {
    const tv = toks[v];
    if (tv.kind === 'quote') break;
    const vb = speechVerbAt(toks, v);
    if (!vb || tv.cap) continue;
    if (isIngForm(tv.lower) && tv.lower !== 'saying') continue;
    const np = subjectOf(toks, v, k);
    if (np && np.start === k) return { np, cue: cueExtent(toks, v, max) };
    // `"…," Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said`
    const before = skipAux(toks, v, k);
    if (toks[before]?.text === ',') {
      const head = npForward(toks, k, v);
      if (head && toks[head.end + 1]?.text === ',' && !hasVerbBetween(toks, head.end + 1, before)) return { np: head, cue: cueExtent(toks, v, max) };
    }
    // `"…" of the plan, X said.`: the attribution clause closes the sentence after a comma
    if (np && toks[np.start - 1]?.text === ',' && closesSentence(toks, v, end)) return { np, cue: cueExtent(toks, v, max) };
    return null;
  }
  // `"…" — Pamela Padilla` (a signature after a dash, ending the paragraph or sentence)
  if (dash >= 0 && t.cap) {
    const np = npForward(toks, k, max);
    if (np && np.end + 1 >= end) return { np, cue: { start: dash, end: dash } };
  }
  return null;
}

function hasVerbBetween(toks: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (toks[i].kind === 'quote' || (speechVerb(toks[i]) && !toks[i].cap)) return true;
  return false;
}

/** Whether only an adjunct (`of RT`, `on Friday`, `in a statement`) follows the verb at v. */
function closesSentence(toks: readonly Token[], v: number, end: number): boolean {
  if (end - v > 8) return false;
  for (let i = v + 1; i < end; i++) if (toks[i].kind === 'quote') return false;
  return true;
}

/**
 * `X said: "…"`, `X said that … "…"`, `according to X, "…"`: the nearest speech verb before
 * the quote token `q` in its sentence, with a subject.
 */
export function attributionBefore(toks: readonly Token[], q: number): Attribution | null {
  const s = toks[q].sentence;
  const min = Math.max(s, q - BEFORE_WINDOW);
  let participle = -1;
  for (let j = q - 1; j >= min; j--) {
    const t = toks[j];
    if (t.kind !== 'word') continue;
    if (t.lower === 'according' && toks[j + 1]?.lower === 'to') {
      const np = npForward(toks, j + 2, q);
      if (np) return { np, cue: { start: j, end: j + 1 } };
      continue;
    }
    const verb = t.cap && j === s ? speechVerb({ ...t, cap: false }) : speechVerbAt(toks, j);
    if (!verb) continue;
    if (isIngForm(t.lower) && !(t.lower === 'saying' && toks[j - 1]?.lower === 'as')) {
      // `adding that …`, `…, tweeting, "…"`: look for the finite verb, else the sentence's subject
      if (participle < 0) participle = j;
      continue;
    }
    const np = subjectOf(toks, j, s);
    if (np && !(np.start === np.end && !toks[np.start].cap && !SUBJECT_PRONOUNS.has(toks[np.start].lower) && NP_STOP.has(toks[np.start].lower))) {
      return { np, cue: cueExtent(toks, j, q) };
    }
    // inversion before the quote: `…, said X, "…"`
    if ((j === s || (toks[j - 1]?.kind === 'punct' && toks[j - 1].text === ',')) && !WEAK_SPEECH_VERBS.has(verb)) {
      const fw = npForward(toks, j + 1, q);
      if (fw) return { np: fw, cue: { start: j, end: j } };
    }
  }
  if (participle > s) {
    const np = npForward(toks, s, participle);
    if (np && (toks[np.start].cap || SUBJECT_PRONOUNS.has(toks[np.start].lower))) return { np, cue: { start: participle, end: participle } };
  }
  return null;
}

/** All speech-verb subjects of a paragraph outside quotations, with their verbs, in order. */
export function speechSubjects(toks: readonly Token[]): Attribution[] {
  const out: Attribution[] = [];
  for (let j = 0; j < toks.length; j++) {
    const t = toks[j];
    const verb = speechVerbAt(toks, j);
    if (!verb || t.cap || isIngForm(t.lower)) continue;
    const s = toks[j].sentence;
    const np = subjectOf(toks, j, s);
    if (np) { out.push({ np, cue: { start: j, end: j } }); continue; }
    if (toks[j - 1]?.kind === 'punct' && toks[j - 1].text === ',' && !WEAK_SPEECH_VERBS.has(verb)) {
      const fw = npForward(toks, j + 1, Math.min(toks.length, j + 1 + MAX_NP));
      if (fw) out.push({ np: fw, cue: { start: j, end: j } });
    }
  }
  return out;
}

const AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'could', 'can', 'did', 'does', 'do', 'should', 'may', 'might', 'must', 'been', 'being', 'be']);

/** A finite verb form, by shape: `admires`, `exhorted`, `took`. */
function looksFinite(t: Token): boolean {
  if (t.kind !== 'word' || t.cap) return false;
  const w = t.lower;
  if (NP_STOP.has(w) || DETERMINERS.has(w) || NP_LINKS.has(w)) return false;
  if (IRREGULAR_PAST.has(w)) return true;
  const base = t.verb;
  if (base !== null && base !== w && !isIngForm(w)) return true;
  if (w.length > 3 && w.endsWith('ed')) return true;
  return w.length > 3 && w.endsWith('s') && !/(ss|us|is|ous|ics|ness)$/.test(w);
}

/**
 * `Trump openly admires Putin as a "strong leader"`, `At the debate, Clinton cited "…"`: the
 * subject of the sentence's main verb, when the quote sits in the verb's predicate. The
 * caller decides whether the subject is a speaker (a person, an organisation, a pronoun).
 */
export function sentenceSubject(toks: readonly Token[], q: number): Attribution | null {
  const s = toks[q].sentence;
  const starts = [s];
  for (let i = s + 1; i < q && i <= s + 25 && starts.length < 4; i++) if (toks[i].kind === 'punct' && toks[i].text === ',') starts.push(i + 1);
  for (const start of starts) {
    if (start >= q || toks[start].kind !== 'word') continue;
    const longest = npForward(toks, start, q);
    if (!longest) continue;
    // the shortest noun phrase followed by a finite verb: `Trump openly admires …`
    for (let e = start; e <= longest.end; e++) {
      if (toks[e].kind !== 'word') break;
      let v = e + 1;
      let aux = false;
      for (let n = 0; n < 4 && v < q && toks[v].kind === 'word' && (AUXILIARIES.has(toks[v].lower) || AUX_SKIP.has(toks[v].lower) || (toks[v].lower.endsWith('ly') && toks[v].lower.length > 4 && !toks[v].cap)); n++, v++) {
        if (AUXILIARIES.has(toks[v].lower)) aux = true;
      }
      if (v >= q || q - v > 40) continue;
      const verb = toks[v];
      if (verb.kind !== 'word' || verb.cap) continue;
      if (!(looksFinite(verb) || (aux && !NP_STOP.has(verb.lower) && !DETERMINERS.has(verb.lower)))) continue;
      if (toks[e].lower.endsWith('s') && !aux && !toks[e].cap && verb.lower.endsWith('s') && !verb.lower.endsWith('ss')) continue;
      return { np: { start, end: e }, cue: { start: v, end: v } };
    }
  }
  return null;
}

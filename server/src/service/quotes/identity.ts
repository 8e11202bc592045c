/**
 * Speaker identity: what kind of speaker a noun phrase names, and the identity key that
 * merges mentions within a file and across the corpus (`U.S. State Department` =
 * `US State Department` = `the State Department`; `Putin` = `Russian President Vladimir Putin`).
 */
import type { SpeakerKind } from '../types';
import { isJsSpace, trimWord } from './chars';
import { COUNTRY_PREFIXES, NP_LINKS, ORG_HEADS, PERSON_ROLES, SUBJECT_PRONOUNS, TITLES } from './lexicon';
import { ownCopy } from '../text/ownCopy';

const LEADING_DETERMINERS = new Set(['the', 'a', 'an']);
const THE = new Set(['the']);
const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
const UPPER = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}[\p{Lu}.&]{1,7}$/u;
// module-level like the two above: bundlers turn a `\p{…}` literal into `new RegExp(…)`, built per call in a function
const MARKS = /\p{M}+/gu;
const LEADING_THE = /^(?:the|The)\s+(?=\p{Lu})/u;

export interface NameShape {
  kind: SpeakerKind;
  /** plural noun phrase (`officials`, `Democrats`) */
  plural: boolean;
  /** for person names: the surname, lower case */
  surname: string | null;
  /** head noun, lower case (`ministry` in `the Russian foreign ministry`) */
  head: string;
  /** a pronoun (`he`, `it`) */
  pronoun: boolean;
}

function words(name: string): string[] {
  let s = name;
  if (s.includes('(')) s = s.replace(/\([^()]{0,60}\)/g, ' ');
  if (s.includes('\u2019') || s.includes('\u2018')) s = s.replace(/[\u2019\u2018]/g, "'");
  // split at white space and trim by index scans: a trailing-trim regex (`[^\p{L}\p{N}.]+$`) is
  // quadratic in a run of combining marks, which a name may hold (Zalgo text)
  const out: string[] = [];
  const n = s.length;
  for (let i = 0; i < n;) {
    while (i < n && isJsSpace(s.charCodeAt(i))) i++;
    if (i >= n) break;
    let j = i + 1;
    while (j < n && !isJsSpace(s.charCodeAt(j))) j++;
    const w = trimWord(i === 0 && j === n ? s : s.slice(i, j));
    if (w.length > 0) out.push(w);
    i = j;
  }
  return out;
}

function stripPossessive(w: string): string {
  return w.endsWith("'s") ? w.slice(0, -2) : w;
}

/**
 * A name's words as `words()` splits them, each without a possessive `'s` (`bare`) and that in
 * lower case (`lows`): every function below reads these, so a name is lower-cased once.
 */
interface NameWords {
  words: readonly string[];
  bare: readonly string[];
  lows: readonly string[];
}

function nameWords(name: string): NameWords {
  const ws = words(name);
  const bare = ws.map(stripPossessive);
  return { words: ws, bare, lows: bare.map((w) => w.toLowerCase()) };
}

/**
 * `words[i].toLowerCase()` is in `set` (of words without a final `'s`): a word ending in `'s`
 * is not, and any other word is its bare form.
 */
function lowerIn(set: ReadonlySet<string>, nw: NameWords, i: number): boolean {
  return !nw.words[i].endsWith("'s") && set.has(nw.lows[i]);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function withoutPeriods(s: string): string {
  return s.includes('.') ? s.replace(/\./g, '') : s;
}

function singular(w: string): string {
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('men')) return w.slice(0, -3) + 'man';
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Classifies a speaker noun phrase as written (capitalisation matters). */
export function nameShape(name: string): NameShape {
  return shapeOf(nameWords(name));
}

/** nameShape of a name's words. */
function shapeOf(nw: NameWords): NameShape {
  const ws = nw.bare;
  const n = ws.length;
  const lows = nw.lows;
  if (n === 1 && SUBJECT_PRONOUNS.has(lows[0])) {
    const cls = SUBJECT_PRONOUNS.get(lows[0]);
    return { kind: cls === 'person' ? 'person' : cls === 'organisation' ? 'organisation' : 'unknown', plural: cls === 'plural', surname: null, head: lows[0], pronoun: true };
  }
  // the phrase before the first link word holds the head noun
  let cut = n;
  for (let i = 1; i < n; i++) if (NP_LINKS.has(lows[i])) { cut = i; break; }
  // the core: ws[c0, cut), without a leading determiner
  const c0 = cut > 0 && LEADING_DETERMINERS.has(lows[0]) ? 1 : 0;
  const coreLen = cut - c0;
  const headAt = coreLen > 0 ? cut - 1 : n - 1;
  const headWord = headAt >= 0 ? ws[headAt] : '';
  const head = headAt >= 0 ? lows[headAt] : '';
  const headSing = singular(head);
  const plural = headSing !== head && (PERSON_ROLES.has(headSing) || (UPPER.test(headWord) && /s$/.test(headWord) && coreLen === 1 && /(crat|can|ist|ian)s$/.test(head)));
  if (ORG_HEADS.has(head) || (ACRONYM.test(headWord) && !TITLES.has(withoutFinalPeriod(head)))) {
    return { kind: 'organisation', plural: false, surname: null, head, pronoun: false };
  }
  if (plural) return { kind: 'person', plural: true, surname: null, head: headSing, pronoun: false };
  if (PERSON_ROLES.has(head) || PERSON_ROLES.has(headSing)) return { kind: 'person', plural: false, surname: null, head, pronoun: false };
  // trailing run of capitalised words, titles stripped, is a person's name
  if (cut === n && UPPER.test(headWord)) {
    // the run: ws[r, n); k = r - 1 is the last core word before it (k < c0: none)
    let k = n - 1;
    while (k >= c0 && UPPER.test(ws[k])) k--;
    const r = k + 1;
    let t = r;
    while (t < n - 1 && TITLES.has(withoutFinalPeriod(lows[t]))) t++;
    let count = 0;
    let last = -1;
    for (let i = t; i < n; i++) if (!NAME_SUFFIXES.has(lows[i])) { count++; last = i; }
    if (count >= 1) {
      const surname = lows[last];
      // a lone capitalised word without title could be a place or an outlet: unknown
      const kind: SpeakerKind = count >= 2 || t > r || k >= c0 ? 'person' : 'unknown';
      return { kind, plural: false, surname, head, pronoun: false };
    }
  }
  return { kind: 'unknown', plural: false, surname: null, head, pronoun: false };
}

/**
 * False when one word (a token, `lower` its lower case) cannot be an organisation by
 * `nameShape`: an ASCII word is one only as an organisation head or an acronym (`Kremlin`,
 * `NATO`, `U.S.`, as shapeOf decides for a single word), so most single capitalised words
 * need no shape. Any other word may be.
 */
export function mayNameOrganisation(word: string, lower: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0x80) return true;
  // an acronym's second character is a capital, `.` or `&`
  const c1 = word.length >= 2 ? word.charCodeAt(1) : -1;
  if ((c1 >= 65 && c1 <= 90) || c1 === 46 || c1 === 38) return true;
  // the head: the word without a possessive `'s`, lower case
  return ORG_HEADS.has(word.endsWith("'s") ? lower.slice(0, -2) : lower);
}

function withoutFinalPeriod(w: string): string {
  return w.endsWith('.') ? w.slice(0, -1) : w;
}

function foldCase(s: string): string {
  // ASCII is its own decomposition and holds no marks
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return s.normalize('NFKD').replace(MARKS, '').toLowerCase();
  return s.toLowerCase();
}

/** foldCase of a name's bare word i (an ASCII word's fold is its lower case, already made). */
function foldedWord(nw: NameWords, i: number): string {
  return isAscii(nw.bare[i]) ? nw.lows[i] : foldCase(nw.bare[i]);
}

/**
 * Identity key of a speaker name. Persons key on their surname; organisations and
 * descriptions on their words without determiners, periods, possessives and a leading
 * `U.S.`/`US`/`United States`.
 */
export function speakerKey(name: string): string {
  const nw = nameWords(name);
  return keyOf(nw, shapeOf(nw));
}

function keyOf(nw: NameWords, shape: NameShape): string {
  if (shape.pronoun) return shape.head;
  // the surname is a lower-case word: ASCII folds to itself
  if (shape.surname && shape.kind !== 'organisation') return withoutPeriods(isAscii(shape.surname) ? shape.surname : foldCase(shape.surname));
  let ws = nw.bare.map((_, i) => foldedWord(nw, i));
  while (ws.length > 1 && LEADING_DETERMINERS.has(ws[0])) ws = ws.slice(1);
  if (shape.kind === 'organisation') {
    for (const prefix of COUNTRY_PREFIXES) {
      if (ws.length > prefix.length && prefix.every((p, i) => ws[i] === p)) { ws = ws.slice(prefix.length); break; }
    }
  }
  ws = ws.filter((w, i) => !(i > 0 && LEADING_DETERMINERS.has(w)));
  // `a spokesman for the U.S. State Department` = `… for the State Department`
  if (shape.kind !== 'organisation') ws = ws.filter((w, i) => !(i > 0 && i < ws.length - 1 && (w === 'u.s.' || w === 'u.s' || w === 'us')));
  return ws.map(withoutPeriods).filter((w) => w.length > 0).join(' ');
}

/** Whether a noun phrase is a short definite description (`the ministry`, `the foreign ministry`). */
export function isDefiniteDescription(name: string): boolean {
  return definiteOf(nameWords(name));
}

function definiteOf(nw: NameWords): boolean {
  const ws = nw.words;
  if (ws.length < 2 || !lowerIn(THE, nw, 0)) return false;
  return ws.slice(1).every((w) => !UPPER.test(w));
}

/** Display name: the mention without a leading `the` before a capitalised word. */
export function displayName(mention: string): string {
  if (isDisplayed(mention)) return mention;
  const m = LEADING_THE.exec(mention);
  return (m ? mention.slice(m[0].length) : mention).replace(/\s+/g, ' ').trim();
}

/** Whether displayName leaves a mention as it is: no leading `the`, single inner spaces only. */
function isDisplayed(mention: string): boolean {
  const n = mention.length;
  if (mention.startsWith('the') || mention.startsWith('The')) return false;
  for (let i = 0; i < n; i++) {
    const c = mention.charCodeAt(i);
    if (isJsSpace(c) && (c !== 32 || i === 0 || i === n - 1 || mention.charCodeAt(i - 1) === 32)) return false;
  }
  return true;
}

/** How full a name is: its number of words other than determiners. */
export function fullness(name: string): number {
  return fullnessOf(nameWords(name));
}

function fullnessOf(nw: NameWords): number {
  let n = 0;
  for (let i = 0; i < nw.words.length; i++) if (!lowerIn(LEADING_DETERMINERS, nw, i)) n++;
  return n;
}

/** Number of words of a name that start with a capital. */
export function capitalWords(name: string): number {
  let n = 0;
  for (const w of name.split(/\s+/)) if (UPPER.test(w)) n++;
  return n;
}

interface NameInfo {
  words?: NameWords;
  shape?: NameShape;
  key?: string;
  definite?: boolean;
  display?: string;
  fullness?: number;
  capitals?: number;
  /** the name's text (in a shared entry its own copy: it must not hold a slice of a document) */
  text: string;
}

/** Names up to this length are memoised for the process, in generations of this many names. */
const MAX_SHARED_NAME = 80;
const GENERATION = 2000;
let youngNames = new Map<string, NameInfo>();
let oldNames = new Map<string, NameInfo>();

/**
 * The facts of a short name, shared by every document: the functions are pure, names recur
 * across files, and an edited document is analysed again at every change. Two generations bound
 * the memory: when the young one is full it becomes the old one (the older names are dropped),
 * and a name found only in the old one moves back into the young one.
 */
function sharedInfo(name: string): NameInfo {
  let i = youngNames.get(name);
  if (i !== undefined) return i;
  i = oldNames.get(name) ?? { text: ownCopy(name) };
  if (youngNames.size >= GENERATION) {
    oldNames = youngNames;
    youngNames = new Map();
  }
  youngNames.set(i.text, i);
  return i;
}

/**
 * The functions above memoised per name text: a name is classified once however often it is
 * mentioned, looked up or compared. Short names (nearly all) share the process-wide memo, long
 * ones are kept for one document. Same results as the functions.
 */
export class NameCache {
  private readonly map = new Map<string, NameInfo>();
  /** the name asked about last: a mention's shape, key and display name are asked in a row */
  private lastName: string | null = null;
  private lastInfo: NameInfo = { text: '' };

  private info(name: string): NameInfo {
    if (name === this.lastName) return this.lastInfo;
    let i: NameInfo | undefined;
    if (name.length <= MAX_SHARED_NAME) i = sharedInfo(name);
    else {
      i = this.map.get(name);
      if (!i) {
        i = { text: name };
        this.map.set(name, i);
      }
    }
    this.lastName = name;
    this.lastInfo = i;
    return i;
  }

  private wordsOf(i: NameInfo): NameWords {
    return (i.words ??= nameWords(i.text));
  }

  shape(name: string): NameShape {
    const i = this.info(name);
    return (i.shape ??= shapeOf(this.wordsOf(i)));
  }

  key(name: string): string {
    const i = this.info(name);
    return (i.key ??= keyOf(this.wordsOf(i), (i.shape ??= shapeOf(this.wordsOf(i)))));
  }

  definite(name: string): boolean {
    const i = this.info(name);
    return (i.definite ??= definiteOf(this.wordsOf(i)));
  }

  display(name: string): string {
    const i = this.info(name);
    return (i.display ??= displayName(i.text));
  }

  fullness(name: string): number {
    const i = this.info(name);
    return (i.fullness ??= fullnessOf(this.wordsOf(i)));
  }

  capitals(name: string): number {
    const i = this.info(name);
    return (i.capitals ??= capitalWords(i.text));
  }
}

/**
 * Per-line evidence of the kind jusText and boilerpipe compute for HTML blocks, adapted to the
 * lines of a plain-text seed: length, words, stopword density, sentence punctuation,
 * capitalisation, list markers, and keys for finding duplicated lines inside the file.
 * Linear in the line length; no regular expression runs on more than a bounded slice.
 *
 * One pass over the character codes does it all, with fast paths for ASCII: no string is built
 * per character or per word (stopwords are looked up by a numeric code of the word, and the
 * duplicate key is kept as a hash of its characters).
 */
import { isBlankLine as textIsBlankLine } from '../text/lines';
import { MAX_STOPWORD_LENGTH } from './stopwords';
import { CUE, HEAD_CHARS, tokenCues as patternTokenCues } from './patterns';
import { isStopwordCode as stopwordCode } from './stopwords';

// module-local copies: the hot loop below reads plain constants, not imported bindings
const tokenCues = patternTokenCues;
const isStopwordCode = stopwordCode;
const isBlankLine = textIsBlankLine;
const MAX_STOPWORD = MAX_STOPWORD_LENGTH;
const HEAD = HEAD_CHARS;
const CUE_DIGIT = CUE.digit;
const CUE_DOT_CAP = CUE.dotCap;
const CUE_Q_DOT = CUE.qDot;
const CUE_PARENS = CUE.parens;
const CUE_BRACE = CUE.brace;
const CUE_LT = CUE.lt;
const CUE_COPYRIGHT = CUE.copyright;

/** Only this many characters of a line are looked at for word statistics (the rest is extrapolated). */
const MAX_SCAN = 4000;

export interface LineFeatures {
  blank: boolean;
  /** the line trimmed (and cut to a bounded length for pattern tests) */
  text: string;
  chars: number;
  words: number;
  stopwords: number;
  /** stopwords / words */
  stopDensity: number;
  /** ends with sentence-final punctuation (possibly followed by a closing quote or bracket) */
  endsSentence: boolean;
  /** number of sentence ends inside the line ('. X', '! X', '? X' and the final one) */
  sentences: number;
  /** share of non-stopword words that start with a capital letter */
  capRatio: number;
  /** no lower-case letters and at least two letters */
  allCaps: boolean;
  /** begins with a list marker (`1.`, `-`, `•`, …) */
  listMarker: boolean;
  /** places where a lower-case letter runs straight into a capital (`Invest MoneyWhat`): menu items glued together */
  glued: number;
  /** leading white space */
  indent: number;
  /**
   * Key for duplicate detection, as a 53-bit hash of the key text: the letters and digits only
   * (the first 300), lower-cased, list marker removed. Equal keys are equal texts.
   */
  dupKey: number;
  /** characters in the key text behind `dupKey` */
  dupLen: number;
  /** for `WORLD Trump cuts short …`: the key (hash, as `dupKey`) without the leading ALL-CAPS section word(s) */
  prefixKey: number | null;
  /** cue bits (`CUE` in patterns.ts) of the whole text: the pre-test of the pattern expressions */
  cues: number;
  /** cue bits of tokens and marks in the first HEAD_CHARS characters */
  headCues: number;
}

function isAlnumCode(code: number): boolean {
  if (code >= 48 && code <= 57) return true;
  if (code >= 97 && code <= 122) return true;
  if (code >= 65 && code <= 90) return true;
  return code > 0xbf && code !== 0x2018 && code !== 0x2019 && code !== 0x201c && code !== 0x201d && code !== 0x2013 && code !== 0x2014 && code !== 0x2026 && code !== 0xa0 && code !== 0x200b && code !== 0xd7 && code !== 0xf7;
}

const LIST_MARKER = /^(?:\d{1,3}[.)]|[a-z][.)]|[-*•·▪►–—●○■□✓✔»>])\s/;
const LIST_MARKER_CHARS = new Set([...'-*•·▪►–—●○■□✓✔»>'].map((c) => c.charCodeAt(0)));
/** a numbered or lettered list marker (`12.`, `b)`), whose number or letter the key leaves out */
const NUMBERED_MARKER = /^\s*(?:\d{1,3}|[a-z])[.)]/;
const KEY_MARKER = /^(?:\d{1,3}|[a-z])(?=[^0-9])/;
const SECTION_PREFIX = /^((?:[A-Z][A-Z&]+ ){1,3})(?=[A-Z]?[a-z'‘“"]|[A-Z][a-z])/;
/** Most characters a duplicate key holds. */
const MAX_KEY = 300;

/**
 * The features of every blank line (half the lines of a seed): one object, never written to,
 * with its properties in the order `lineFeatures` writes them, so that every LineFeatures has
 * one shape (a second order made each read of a feature polymorphic).
 */
const BLANK: LineFeatures = { blank: true, text: '', chars: 0, words: 0, stopwords: 0, stopDensity: 0, endsSentence: false, sentences: 0, capRatio: 0, allCaps: false, listMarker: false, glued: 0, indent: 0, dupKey: 0, dupLen: 0, prefixKey: null, cues: 0, headCues: 0 };

/**
 * The key text: the letters and digits of `s` from `from` on, lower-cased one character at a
 * time, until it holds at least `max` characters. Only for short prefixes and tests.
 */
export function alnumKey(s: string, from = 0, max = MAX_KEY): string {
  let key = '';
  for (let i = from; i < s.length && key.length < max; i++) if (isAlnumCode(s.charCodeAt(i))) key += s[i].toLowerCase();
  return key;
}

const H1 = 0x811c9dc5;
const H2 = 0x9e3779b9;

/** The 53-bit hash of a key text (the same as `lineFeatures` computes while it scans). */
export function keyHash(key: string): number {
  let h1 = H1;
  let h2 = H2;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** Whether `s` ends a sentence: `[.!?]` and at most three closing quotes or brackets, but not `...`. */
function endsWithSentence(s: string): boolean {
  let j = s.length;
  let closers = 0;
  while (closers < 3 && j > 0) {
    const c = s.charCodeAt(j - 1);
    if (c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93) {
      j--;
      closers++;
    } else break;
  }
  if (j === 0) return false;
  const p = s.charCodeAt(j - 1);
  if (p !== 46 && p !== 33 && p !== 63) return false;
  const n = s.length;
  return !(n >= 3 && s.charCodeAt(n - 1) === 46 && s.charCodeAt(n - 2) === 46 && s.charCodeAt(n - 3) === 46);
}

export function lineFeatures(raw: string): LineFeatures {
  // an empty line: reading its first character would be out of bounds (and cost an optimised build of this function)
  if (raw.length === 0) return BLANK;
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  // a line that starts and ends with a visible ASCII character is neither blank nor in need of trimming
  const plain = first > 32 && first < 127 && last > 32 && last < 127;
  const full = plain ? raw : raw.trim();
  if (!plain && (full.length === 0 || isBlankLine(raw))) return BLANK;
  let indent = 0;
  if (!plain) {
    for (;;) {
      const c = raw.charCodeAt(indent);
      if (c === 32 || c === 9 || c === 0xa0) indent++;
      else break;
    }
  }
  const chars = full.length;
  const text = chars > MAX_SCAN ? full.slice(0, MAX_SCAN) : full;
  const scale = chars > MAX_SCAN ? chars / MAX_SCAN : 1;
  const n = text.length;

  const c0 = text.charCodeAt(0);
  const listMarker = ((c0 >= 48 && c0 <= 57) || (c0 >= 97 && c0 <= 122) || LIST_MARKER_CHARS.has(c0)) && LIST_MARKER.test(text.slice(0, 8));
  /** leading key characters left out of `dupKey` (a list marker's number or letter) */
  let skip = 0;
  if (listMarker && NUMBERED_MARKER.test(text)) {
    const m = KEY_MARKER.exec(alnumKey(text, 0, 4));
    if (m) skip = m[0].length;
  }
  /** where the key behind `prefixKey` starts (after `WORLD `), -1 without a section prefix */
  let restFrom = -1;
  if (c0 >= 65 && c0 <= 90) {
    const c1 = text.charCodeAt(1);
    if ((c1 >= 65 && c1 <= 90) || c1 === 38) {
      const pm = SECTION_PREFIX.exec(text.slice(0, 40));
      if (pm) restFrom = pm[1].length;
    }
  }

  let words = 0;
  let stop = 0;
  let content = 0;
  let capContent = 0;
  let lower = 0;
  let upper = 0;
  let sentences = 0;
  let glued = 0;
  let prevLower = false;
  /** start of the current word, -1 outside a word */
  let ws = -1;
  /** the current word coded for the stopword table; state -1: it has a digit (never a stopword); -2: look it up as a string */
  let wHead = 0;
  let wRest = 0;
  let wState = 0;
  // the key: characters so far and their hash (from `skip` on); the same for the key after a section prefix
  let kLen = 0;
  let k1 = H1;
  let k2 = H2;
  let rLen = 0;
  let r1 = H1;
  let r2 = H2;
  // cues: the token being read (code of its first letters), and whether the last character ended word characters
  let cues = 0;
  let head = 0;
  let tBoundary = true;
  let tActive = false;
  let tCode = 0;
  let tLen = 0;
  let tStart = 0;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? text.charCodeAt(i) : 32;
    if (code >= 97 && code <= 122 && ws >= 0) {
      // the common case first: a lower-case ASCII letter inside a word (what the general branch
      // below does for it, without its other tests)
      lower++;
      prevLower = true;
      if (tBoundary) {
        tActive = true;
        tCode = code - 96;
        tLen = 1;
        tStart = i;
      } else if (tActive) {
        tCode = tCode * 28 + (code - 96);
        if (++tLen === 4) {
          const m = tokenCues(tCode);
          cues |= m;
          if (tStart < HEAD) head |= m;
          tActive = false;
        }
      }
      tBoundary = false;
      if (wState === 0) {
        const at = i - ws;
        if (at < 6) wHead = wHead * 28 + (code - 96);
        else if (at < MAX_STOPWORD) wRest = wRest * 28 + (code - 96);
      }
      if (kLen < MAX_KEY) {
        if (kLen >= skip) {
          k1 = Math.imul(k1 ^ code, 0x01000193);
          k2 = Math.imul(k2 ^ code, 0x5bd1e995);
          k2 ^= k2 >>> 15;
        }
        kLen++;
      }
      if (restFrom >= 0 && i >= restFrom && rLen < MAX_KEY) {
        r1 = Math.imul(r1 ^ code, 0x01000193);
        r2 = Math.imul(r2 ^ code, 0x5bd1e995);
        r2 ^= r2 >>> 15;
        rLen++;
      }
      continue;
    }
    if (code < 128 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) : isAlnumCode(code)) {
      if (ws < 0) {
        ws = i;
        wHead = 0;
        wRest = 0;
        wState = 0;
      }
      if (code < 128) {
        let lc = code;
        if (code >= 97 && code <= 122) {
          lower++;
          prevLower = true;
        } else if (code >= 65 && code <= 90) {
          lc = code + 32;
          upper++;
          if (prevLower) glued++;
          prevLower = false;
        } else {
          prevLower = false;
          wState = -1;
          if (i < HEAD) head |= CUE_DIGIT;
          cues |= CUE_DIGIT;
        }
        if (lc >= 97) {
          if (tBoundary) {
            tActive = true;
            tCode = lc - 96;
            tLen = 1;
            tStart = i;
          } else if (tActive) {
            tCode = tCode * 28 + (lc - 96);
            if (++tLen === 4) {
              const m = tokenCues(tCode);
              cues |= m;
              if (tStart < HEAD) head |= m;
              tActive = false;
            }
          }
        } else if (tActive) {
          const m = tokenCues(tCode);
          cues |= m;
          if (tStart < HEAD) head |= m;
          tActive = false;
        }
        tBoundary = false;
        if (wState === 0) {
          // a word longer than a stopword is never looked up: its code stops growing (and stays a small integer)
          const at = i - ws;
          if (at < 6) wHead = wHead * 28 + (lc - 96);
          else if (at < MAX_STOPWORD) wRest = wRest * 28 + (lc - 96);
        }
        if (kLen < MAX_KEY) {
          if (kLen >= skip) {
            k1 = Math.imul(k1 ^ lc, 0x01000193);
            k2 = Math.imul(k2 ^ lc, 0x5bd1e995);
            k2 ^= k2 >>> 15;
          }
          kLen++;
        }
        if (restFrom >= 0 && i >= restFrom && rLen < MAX_KEY) {
          r1 = Math.imul(r1 ^ lc, 0x01000193);
          r2 = Math.imul(r2 ^ lc, 0x5bd1e995);
          r2 ^= r2 >>> 15;
          rLen++;
        }
      } else {
        wState = -2;
        if (tActive) {
          const m = tokenCues(tCode);
          cues |= m;
          if (tStart < HEAD) head |= m;
          tActive = false;
        }
        tBoundary = true;
        const ch = text[i];
        const lch = ch.toLowerCase();
        if (ch !== lch) {
          upper++;
          if (prevLower) glued++;
          prevLower = false;
        } else if (ch !== ch.toUpperCase()) {
          lower++;
          prevLower = true;
        } else prevLower = false;
        // the key takes the whole lower case of the character (it may be longer than one)
        if (kLen < MAX_KEY) {
          for (let j = 0; j < lch.length; j++) {
            if (kLen >= skip) {
              const lc = lch.charCodeAt(j);
              k1 = Math.imul(k1 ^ lc, 0x01000193);
              k2 = Math.imul(k2 ^ lc, 0x5bd1e995);
              k2 ^= k2 >>> 15;
            }
            kLen++;
          }
        }
        if (restFrom >= 0 && i >= restFrom && rLen < MAX_KEY) {
          for (let j = 0; j < lch.length; j++) {
            const lc = lch.charCodeAt(j);
            r1 = Math.imul(r1 ^ lc, 0x01000193);
            r2 = Math.imul(r2 ^ lc, 0x5bd1e995);
            r2 ^= r2 >>> 15;
            rLen++;
          }
        }
      }
    } else if ((code === 39 || code === 0x2019) && ws >= 0 && i + 1 < n && isAlnumCode(text.charCodeAt(i + 1))) {
      // an apostrophe inside a word: part of the word (as '), not of the key; a token boundary
      if (tActive) {
        const m = tokenCues(tCode);
        cues |= m;
        if (tStart < HEAD) head |= m;
        tActive = false;
      }
      tBoundary = true;
      if (wState === 0) {
        if (i - ws < 6) wHead = wHead * 28 + 27;
        else if (i - ws < MAX_STOPWORD) wRest = wRest * 28 + 27;
      }
    } else {
      prevLower = false;
      if (tActive) {
        const m = tokenCues(tCode);
        cues |= m;
        if (tStart < HEAD) head |= m;
        tActive = false;
      }
      tBoundary = code !== 95;
      let mark = 0;
      if (code === 46) {
        const c1 = text.charCodeAt(i + 1);
        if (c1 >= 65 && c1 <= 90) mark = CUE_DOT_CAP;
      } else if (code === 63) {
        if (text.charCodeAt(i + 1) === 46) mark = CUE_Q_DOT;
      } else if (code === 40) {
        if (text.charCodeAt(i + 1) === 41) mark = CUE_PARENS;
      } else if (code === 123 || code === 125 || code === 37) mark = CUE_BRACE;
      else if (code === 60) mark = CUE_LT;
      else if (code === 0xa9) mark = CUE_COPYRIGHT;
      if (mark !== 0) {
        cues |= mark;
        if (i < HEAD) head |= mark;
      }
      if (ws >= 0) {
        // a word ends
        words++;
        let isStop = false;
        // a word with a character outside ASCII is never a stopword: the stopwords are ASCII letters
        // and apostrophes, and no such character lower-cases to those alone (U+212A KELVIN SIGN
        // becomes `k`, which no stopword holds); one with a digit is not either
        if (wState === 0 && i - ws <= MAX_STOPWORD) isStop = isStopwordCode(wHead, wRest);
        if (isStop) stop++;
        else {
          const s0 = text.charCodeAt(ws);
          if (s0 < 128) {
            if (s0 >= 65 && s0 <= 90) {
              content++;
              capContent++;
            } else if (s0 >= 97 && s0 <= 122) content++;
          } else {
            const ch0 = text[ws];
            const l0 = ch0.toLowerCase();
            if (l0 !== ch0.toUpperCase()) {
              content++;
              if (ch0 !== l0) capContent++;
            }
          }
        }
        ws = -1;
      }
      if ((code === 46 || code === 33 || code === 63) && i + 2 < n && text.charCodeAt(i + 1) === 32) {
        const c2 = text.charCodeAt(i + 2);
        if ((c2 >= 65 && c2 <= 90) || c2 === 34 || c2 === 39 || c2 === 0x201c || c2 === 0x2018) sentences++;
      }
    }
  }

  const endsSentence = endsWithSentence(full);
  if (endsSentence) sentences++;

  const W = Math.round(words * scale);
  return {
    blank: false,
    text,
    chars,
    words: W,
    stopwords: Math.round(stop * scale),
    stopDensity: words ? stop / words : 0,
    endsSentence,
    sentences: Math.round(sentences * scale),
    capRatio: content ? capContent / content : 0,
    allCaps: upper >= 2 && lower === 0,
    listMarker,
    glued: Math.round(glued * scale),
    indent,
    dupKey: (k1 >>> 0) * 0x200000 + ((k2 >>> 0) & 0x1fffff),
    dupLen: kLen - skip,
    prefixKey: restFrom >= 0 && words >= 4 && rLen >= 10 ? (r1 >>> 0) * 0x200000 + ((r2 >>> 0) & 0x1fffff) : null,
    cues,
    headCues: head,
  };
}

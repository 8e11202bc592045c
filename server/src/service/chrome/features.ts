/**
 * Per-line evidence of the kind jusText and boilerpipe compute for HTML blocks, adapted to the
 * lines of a plain-text seed: length, words, stopword density, sentence punctuation,
 * capitalisation, list markers, and keys for finding duplicated lines inside the file.
 * Linear in the line length; no regular expression runs on more than a bounded slice.
 */
import { isBlankLine } from '../text/lines';
import { ENGLISH_STOPWORDS, isStopword } from './stopwords';

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
  /** key for duplicate detection: letters and digits only, lower-cased, list marker removed */
  dupKey: string;
  /** for `WORLD Trump cuts short …`: the key without the leading ALL-CAPS section word(s) */
  prefixKey: string | null;
}

function isAlnumCode(code: number): boolean {
  if (code >= 48 && code <= 57) return true;
  if (code >= 97 && code <= 122) return true;
  if (code >= 65 && code <= 90) return true;
  return code > 0xbf && code !== 0x2018 && code !== 0x2019 && code !== 0x201c && code !== 0x201d && code !== 0x2013 && code !== 0x2014 && code !== 0x2026 && code !== 0xa0 && code !== 0x200b && code !== 0xd7 && code !== 0xf7;
}

const LIST_MARKER = /^(?:\d{1,3}[.)]|[a-z][.)]|[-*•·▪►–—●○■□✓✔»>])\s/;
const LIST_MARKER_CHARS = new Set([...'-*•·▪►–—●○■□✓✔»>'].map((c) => c.charCodeAt(0)));
const SECTION_PREFIX = /^((?:[A-Z][A-Z&]+ ){1,3})(?=[A-Z]?[a-z'‘“"]|[A-Z][a-z])/;
/** Longest stopword: longer words are never looked up. */
const MAX_STOPWORD = Math.max(...[...ENGLISH_STOPWORDS].map((w) => w.length));
/** Most characters a duplicate key holds. */
const MAX_KEY = 300;

const BLANK: LineFeatures = Object.freeze({ blank: true, glued: 0, text: '', chars: 0, words: 0, stopwords: 0, stopDensity: 0, endsSentence: false, sentences: 0, capRatio: 0, allCaps: false, listMarker: false, indent: 0, dupKey: '', prefixKey: null }) as LineFeatures;

/**
 * The letters and digits of `s` from `from` on, lower-cased, at most MAX_KEY characters (each
 * letter lower-cased on its own, so a character whose lower case is longer may end it a little past).
 * ASCII runs are cut and lower-cased as slices; other characters one at a time.
 */
function alnumKey(s: string, from: number): string {
  let key = '';
  let run = -1;
  const n = s.length;
  for (let i = from; i < n && key.length < MAX_KEY; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
        if (run < 0) run = i;
        continue;
      }
    } else if (isAlnumCode(c)) {
      if (run >= 0) {
        key += s.slice(run, Math.min(i, run + MAX_KEY - key.length)).toLowerCase();
        run = -1;
      }
      if (key.length < MAX_KEY) key += s[i].toLowerCase();
      continue;
    }
    if (run >= 0) {
      key += s.slice(run, Math.min(i, run + MAX_KEY - key.length)).toLowerCase();
      run = -1;
    }
  }
  if (run >= 0 && key.length < MAX_KEY) key += s.slice(run, Math.min(n, run + MAX_KEY - key.length)).toLowerCase();
  return key;
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
  const full = raw.trim();
  if (full.length === 0 || isBlankLine(raw)) return { ...BLANK };
  let indent = 0;
  for (;;) {
    const c = raw.charCodeAt(indent);
    if (c === 32 || c === 9 || c === 0xa0) indent++;
    else break;
  }
  const chars = full.length;
  const text = chars > MAX_SCAN ? full.slice(0, MAX_SCAN) : full;
  const scale = chars > MAX_SCAN ? chars / MAX_SCAN : 1;

  // words, stopwords, capitalisation in one pass over character codes
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
  /** the current word has an upper-case or non-ASCII character, or a typographic apostrophe */
  let wUpper = false;
  let wApos = false;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? text.charCodeAt(i) : 32;
    if (code < 128 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) : isAlnumCode(code)) {
      if (ws < 0) {
        ws = i;
        wUpper = false;
        wApos = false;
      }
      if (code >= 97 && code <= 122) {
        lower++;
        prevLower = true;
      } else if (code >= 65 && code <= 90) {
        upper++;
        wUpper = true;
        if (prevLower) glued++;
        prevLower = false;
      } else if (code < 128) {
        prevLower = false;
      } else {
        wUpper = true;
        const ch = text[i];
        if (ch !== ch.toLowerCase()) {
          upper++;
          if (prevLower) glued++;
          prevLower = false;
        } else if (ch !== ch.toUpperCase()) {
          lower++;
          prevLower = true;
        } else prevLower = false;
      }
    } else if ((code === 39 || code === 0x2019) && ws >= 0 && i + 1 < n && isAlnumCode(text.charCodeAt(i + 1))) {
      if (code === 0x2019) wApos = true;
    } else {
      prevLower = false;
      if (ws >= 0) {
        // a word ends
        words++;
        let isStop = false;
        if (i - ws <= MAX_STOPWORD) {
          let lw = text.slice(ws, i);
          if (wUpper) lw = lw.toLowerCase();
          if (wApos) lw = lw.replace(/\u2019/g, "'");
          isStop = isStopword(lw);
        }
        if (isStop) stop++;
        else {
          const c0 = text.charCodeAt(ws);
          if (c0 < 128) {
            if (c0 >= 65 && c0 <= 90) {
              content++;
              capContent++;
            } else if (c0 >= 97 && c0 <= 122) content++;
          } else {
            const s0 = text[ws];
            const l0 = s0.toLowerCase();
            if (l0 !== s0.toUpperCase()) {
              content++;
              if (s0 !== l0) capContent++;
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

  const endsSentence = endsWithSentence(chars > 6 ? full.slice(-6) : full);
  if (endsSentence) sentences++;
  const c0 = text.charCodeAt(0);
  const listMarker = ((c0 >= 48 && c0 <= 57) || (c0 >= 97 && c0 <= 122) || LIST_MARKER_CHARS.has(c0)) && LIST_MARKER.test(text.slice(0, 8));

  const key = alnumKey(text, 0);
  let dupKey = key;
  if (listMarker) {
    const m = /^(?:\d{1,3}|[a-z])(?=[^0-9])/.exec(key);
    if (m && /^\s*(?:\d{1,3}|[a-z])[.)]/.test(text)) dupKey = key.slice(m[0].length);
  }

  // `WORLD Trump cuts short …`: the leading ALL-CAPS word(s) as a section prefix
  let prefixKey: string | null = null;
  if (words >= 4 && c0 >= 65 && c0 <= 90) {
    const c1 = text.charCodeAt(1);
    const pm = (c1 >= 65 && c1 <= 90) || c1 === 38 ? SECTION_PREFIX.exec(text.slice(0, 40)) : null;
    if (pm) {
      const rk = alnumKey(text, pm[1].length);
      if (rk.length >= 10) prefixKey = rk;
    }
  }

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
    dupKey,
    prefixKey,
  };
}

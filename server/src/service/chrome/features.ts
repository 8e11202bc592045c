/**
 * Per-line evidence of the kind jusText and boilerpipe compute for HTML blocks, adapted to the
 * lines of a plain-text seed: length, words, stopword density, sentence punctuation,
 * capitalisation, list markers, and keys for finding duplicated lines inside the file.
 * Linear in the line length; no regular expression runs on more than a bounded slice.
 */
import { isBlankLine } from '../text/lines';
import { isStopword } from './stopwords';

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

function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

function isAlnumCode(code: number): boolean {
  if (code >= 48 && code <= 57) return true;
  if (code >= 97 && code <= 122) return true;
  if (code >= 65 && code <= 90) return true;
  return code > 0xbf && code !== 0x2018 && code !== 0x2019 && code !== 0x201c && code !== 0x201d && code !== 0x2013 && code !== 0x2014 && code !== 0x2026 && code !== 0xa0 && code !== 0x200b && code !== 0xd7 && code !== 0xf7;
}

const LIST_MARKER = /^(?:\d{1,3}[.)]|[a-z][.)]|[-*•·▪►–—●○■□✓✔»>])\s/;

export function lineFeatures(raw: string): LineFeatures {
  if (isBlankLine(raw) || raw.trim() === "") {
    return { blank: true, glued: 0, text: '', chars: 0, words: 0, stopwords: 0, stopDensity: 0, endsSentence: false, sentences: 0, capRatio: 0, allCaps: false, listMarker: false, indent: 0, dupKey: '', prefixKey: null };
  }
  let indent = 0;
  while (indent < raw.length && (raw[indent] === ' ' || raw[indent] === '\t' || raw[indent] === '\u00a0')) indent++;
  const full = raw.trim();
  const chars = full.length;
  const text = chars > MAX_SCAN ? full.slice(0, MAX_SCAN) : full;
  const scale = chars > MAX_SCAN ? chars / MAX_SCAN : 1;

  // words, stopwords, capitalisation, duplicate key in one pass
  let words = 0;
  let stop = 0;
  let content = 0;
  let capContent = 0;
  let lower = 0;
  let upper = 0;
  let sentences = 0;
  let glued = 0;
  let prevLower = false;
  let key = '';
  let word = '';
  let wordStart = '';
  const flush = () => {
    if (word.length === 0) return;
    words++;
    const lw = word.toLowerCase();
    if (isStopword(lw)) stop++;
    else if (isLetter(wordStart)) {
      content++;
      if (wordStart !== wordStart.toLowerCase()) capContent++;
    }
    word = '';
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text[i];
    if (isAlnumCode(code)) {
      if (word.length === 0) wordStart = ch;
      word += ch;
      if (key.length < 300) key += ch.toLowerCase();
      if (ch !== ch.toLowerCase()) {
        upper++;
        if (prevLower) glued++;
        prevLower = false;
      } else if (ch !== ch.toUpperCase()) {
        lower++;
        prevLower = true;
      } else prevLower = false;
    } else if ((ch === "'" || ch === '\u2019') && word.length > 0 && i + 1 < text.length && isAlnumCode(text.charCodeAt(i + 1))) {
      word += "'";
    } else {
      prevLower = false;
      flush();
      if ((ch === '.' || ch === '!' || ch === '?') && i + 2 < text.length && text[i + 1] === ' ' && /[A-Z"“‘']/.test(text[i + 2])) sentences++;
    }
  }
  flush();

  const endsSentence = /[.!?]["'”’»)\]]{0,3}$/.test(full.slice(-6)) && !/\.\.\.$/.test(full.slice(-4));
  if (endsSentence) sentences++;
  const listMarker = LIST_MARKER.test(text.slice(0, 8));

  let dupKey = key;
  if (listMarker) {
    const m = /^(?:\d{1,3}|[a-z])(?=[^0-9])/.exec(key);
    if (m && /^\s*(?:\d{1,3}|[a-z])[.)]/.test(text)) dupKey = key.slice(m[0].length);
  }

  // `WORLD Trump cuts short …`: the leading ALL-CAPS word(s) as a section prefix
  let prefixKey: string | null = null;
  const pm = /^((?:[A-Z][A-Z&]+ ){1,3})(?=[A-Z]?[a-z'‘“"]|[A-Z][a-z])/.exec(text.slice(0, 40));
  if (pm && words >= 4) {
    const rest = text.slice(pm[1].length);
    let rk = '';
    for (let i = 0; i < rest.length && rk.length < 300; i++) if (isAlnumCode(rest.charCodeAt(i))) rk += rest[i].toLowerCase();
    if (rk.length >= 10) prefixKey = rk;
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

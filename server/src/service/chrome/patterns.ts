/**
 * Phrase and shape patterns that name a kind of chrome outright (template code, reading time,
 * photo credits, bylines, dates, share/subscribe/cookie/copyright phrases, section labels).
 *
 * Every expression here is linear: no nested quantifiers over overlapping classes, and each is
 * run on a bounded slice of the line (HEAD/TAIL characters), so a 200,000-character line costs
 * no more than a short one.
 */
import type { ChromeCode } from '../types';
import type { LineFeatures } from './features';

const HEAD = 300;
/** The head slice's length, for the cues `lineFeatures` gathers. */
export const HEAD_CHARS = HEAD;
const TAIL = 120;

export interface PatternHit {
  code: ChromeCode;
  /** evidence shown in the hover */
  why: string;
  /** hard chrome: applies even inside the article stretch */
  strong: boolean;
}

// ---- template code ----------------------------------------------------------------------
const TEMPLATE_CODE = [
  /\b[A-Z][a-z]\w*(?:\.[A-Z][a-z]\w*\??){2,}/, // Quark.Models.Entities.Ancestor?.Title
  /\?\.[A-Z]\w*/, // ?.Title
  /\.[A-Z]\w+\(\)/, // .ToUpperInvariant()
  /\{\{|\}\}|\{%|%\}|<%|%>|\$\{\w/, // template delimiters
  /\bfunction\s*\(|\bdocument\.(?:write|getElement)|\bwindow\.\w|\bgoogletag\.|\bdataLayer\.push/,
];
/** HTML tags in the text: often leaked markup, but code articles quote them, so only weak evidence */
const HTML_TAG = /<\/?(?:div|span|script|style|iframe|img|a|p|br)\b[^>]{0,200}>/i;

// ---- reading time, dates, times -----------------------------------------------------------
const READING_TIME = /^(?:\d{1,3}\s*(?:-\s*\d{1,3}\s*)?(?:min(?:ute)?s?|m)\.?\s*(?:read|reading|to read|listen)\b|(?:estimated\s+)?read(?:ing)? time\b)/i;
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_PATTERNS = [
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'i'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\s+\\d{4}\\b`, 'i'),
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/,
  /\b\d{1,2}:\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?/i,
  /\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b/i,
];
const DATE_WORDS = /^(?:published|updated|posted|last updated|modified|date|on|at|by|am|pm|gmt|utc|est|edt|pst|ist|cet|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|ago|and|\d+(?:st|nd|rd|th)?|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|of)$/i;

// ---- photo credits --------------------------------------------------------------------------
const AGENCY = /(?:\bAFP|\bReuters|\bAP Photo|\(AP\)|\bGetty(?: Images)?|\bEPA(?:-EFE)?|\bAnadolu(?: Agency| Ajansı)?|\bShutterstock|\biStock(?:photo)?|\bAlamy|\bXinhua|\bUnsplash|\bPexels|\bWikimedia(?: Commons)?|\bImago|\bSipa|\bdpa|\bPA (?:Wire|Media|Images)|\bBloomberg|\bNurPhoto|\bFile Photo|\bCorbis)/;
const CREDIT_MARK = /(?:\/|\||©|\(c\)|\bphoto(?:graph)?(?:s)?(?: by| credit)?:?|\bimage(?: credit)?:|\bcredit:|\bcourtesy(?: of)?|\bvia\b|\bfile\b|\()/i;
/** a caption ending in a credit: `… 1990. Archival pigment print. Courtesy the artist and X` */
const CREDIT_TAIL = /(?:\bcourtesy(?: of)?|©|\(c\)|\bphoto(?:graph)?(?: by)?:|\bimage(?: by)?:|\bcredit:|\bphoto by|\bpictured?:)\s[^.!?]{0,100}[.)]?\s*$/i;
const CREDIT_ONLY = /^(?:\(?(?:photo|image|picture|illustration|credit|source|graphic)s?(?: by| credit)?\s*[:|/]|©)/i;

// ---- bylines --------------------------------------------------------------------------------
const NAME = "\\p{Lu}[\\p{L}'’.\\-]{0,30}";
const BYLINE = new RegExp(`^(?:by|written by|words by|reported by|story by|author:?|posted by|text:?|von|por|par)\\s+${NAME}(?:,?\\s+(?:${NAME}|and|&|de|da|van|von|der|del|bin|al))${'{0,6}'}\\s*(?:[|,\\-–—]\\s*.{0,80})?$`, 'iu');
const AUTHOR_BIO = /^(?:about the author|about (?:the )?writer|author bio|more from this author|view all posts by|see all articles by|follow (?:the )?author)/i;

/** the nouns of an author bio; the first letter in either case (`Trending Editor`, `senior writer`) */
const BIO_NOUNS = ['writer', 'editor', 'journalist', 'reporter', 'contributor', 'author', 'correspondent', 'columnist', 'blogger', 'expert', 'specialist', 'strategist', 'founder', 'co-founder', 'reviewer', 'years of experience']
  .map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`)
  .join('|');
/** author box: `Jane Doe is a content writer at X with more than five years of experience` */
const AUTHOR_BIO_SENTENCE = new RegExp(`^(?:(?:\\p{Lu}[\\p{L}.'’-]{0,30} ){1,3}(?:is|was|has been|has over|has more than|brings)|[Ii]'?m|I am)\\b[^.]{0,120}\\b(?:${BIO_NOUNS})\\b|^(?:\\p{Lu}[\\p{L}.'’-]{0,30} ){1,3}(?:joined|has written for|writes (?:about|for)|covers) \\p{Lu}`, 'u');
/** a bare address: `https://example.com/path` */
const BARE_URL = /^(?:https?:\/\/|www\.)\S{3,300}$/i;

/** affiliate, consent and legal notices */
const NOTICE_STRONG = /\b(?:we (?:may )?(?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)|affiliate (?:links?|commission|disclosure)|reader-supported|advertising disclosure|i (?:consent|agree) to (?:receive|the)|by (?:checking|ticking|clicking|submitting|entering|providing)\b.{0,60}\b(?:agree|consent)|message (?:and|&) data rates|reply stop\b|this site is protected by recaptcha)/i;
const NOTICE_WEAK = /\b(?:for (?:general )?information(?:al purposes)? only|(?:is|are) not (?:intended|meant) (?:to|as) (?:be )?(?:a substitute|replace|legal|financial|medical|investment|professional)|does not constitute (?:legal|financial|investment|medical)|consult (?:a|your) (?:qualified|licensed|financial|medical|legal|tax)|past performance is not|independently (?:researched|reviewed|selected)|editorially independent)\b/i;
/** imperative call to action opening a short line: `Learn how to…`, `Discover why…` */
const CALL_TO_ACTION = /^(?:discover|learn (?:how|more|why|what|about)|find out|explore|check out|book (?:a|your)|start (?:your|a) (?:free|14|30)|try (?:it )?(?:for )?free|sign up|join (?:us|our|the|now)|download (?:our|the|now)|get (?:started|your|the|a free|in touch)|shop (?:our|the|now)|request (?:a|your)|schedule (?:a|your)|call (?:us|now|today))\b/i;

// ---- phrases of site chrome ------------------------------------------------------------------
/** The footer phrases in one expression; `footerPhrase` runs them in parts (exported for its test). */
export const FOOTER = /(?:©|\bcopyright\b|\ball rights reserved\b|\bprivacy (?:policy|notice|settings)\b|\bterms (?:of (?:use|service)|and conditions|& conditions)\b|\bcontact us\b|\babout us\b|\bsitemap\b|\bsite map\b|\bcookie(?:s| policy| settings| preferences)?\b|\bnewsletter\b|\bsubscribe\b|\bagree to (?:our|the)\b|\bemail address\b|\bunsubscribe\b|\bshare (?:your )?feedback\b|\bsneak a peek\b|\bdo not sell\b|\baccessibility statement\b|\bpowered by\b|\bback to top\b|\bskip to (?:main )?content\b)/i;
const BOILER = /^(?:share(?: this| on| via| article| story| post)?(?: (?:on|via|to))?(?: (?:facebook|twitter|x|linkedin|whatsapp|email|reddit|telegram|pinterest|bluesky|threads))?|tweet|email|print|pin(?: it)?|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy link|copied|link copied|save|saved|bookmark|listen|play|pause|follow(?: us)?|sign in|sign up|log ?in|log ?out|register|my account|search|menu|close|open|toggle navigation|skip to (?:main )?content|home|advertisement|advert|sponsored(?: content)?|ad|ads|read more|continue reading|load more|show more|see more|view more|more|next|previous|prev|back|top|reply|like|comment|comments|\d+\s+comments?|leave a (?:reply|comment)|cancel reply|post comment|submit|loading\.*|watch|video|photos?|gallery|image|tags?:?|topics?:?|categories:?|filed under:?|related:?|trending(?: now)?|popular|most (?:read|popular|viewed)|editor'?s picks?|you may also like|you might also like|recommended(?: for you)?|latest(?: news| stories| posts)?|more (?:from|stories|news|on|in)\b.{0,60}|read (?:also|next|this)\b.{0,60}|see also\b.{0,60}|related (?:articles|posts|stories|news|content|topics|reading)|about the author|explore(?: more)?|newsletter|subscribe(?: now| today)?|get the app|download the app|contact(?: us)?|feedback|privacy|terms|faq|help)\W{0,3}$/i;
const BOILER_START = /^(?:(?:this|the) (?:article|story|post|page|piece) (?:was|is|has been) (?:originally |first )?(?:published|updated|produced|written|shared|amended|corrected|edited)|tags?\s*[:\-–]\s|filed under\b|categories\s*:|topics\s*:|(?:sign|subscribe|register) (?:up|in|now|today) (?:for|to)|follow us on|click here|tap here|we (?:use|may earn) (?:cookies|a commission|commission)|by (?:clicking|continuing|using this|signing up|subscribing)|join (?:our|the) (?:newsletter|mailing list|community)|get (?:our|the latest)|already (?:a )?(?:subscriber|member|have an account)|don't miss|never miss|share this (?:article|story|post)|if you (?:liked|enjoyed) this|(?:read|see|watch) (?:more|also|next|the full)\s*:|related\s*:|more\s*:|also read\s*:|read also\s*:|advertisement\b)/i;

/** Short labels that usually head sections and link lists. */
const SECTION_WORD = /^(?:latest(?: news| stories| posts| articles)?|recommended|explore|trending|popular|most (?:read|popular|viewed|shared)|related(?: articles| posts| stories| news| content)?|more (?:news|stories|from [\w ]{1,40})|top stories|editor'?s picks?|news|world|politics|business|economy|sports?|opinion|culture|science|technology|tech|health|lifestyle|entertainment|travel|video|videos|podcasts?|analysis|features?|in pictures|you may also like|you might also like|don't miss|must read|read next|up next|what to read next|further reading|categories|tags|archives|recent posts|popular posts|follow us|share|comments?)\W{0,2}$/i;

// ---- cues: a cheap pre-test for the expressions that search the whole line -----------------
/*
 * While `lineFeatures` scans a line it notes which cue words start a token (a run of ASCII letters
 * after a character that is not an ASCII word character, as the regular expressions' `\b` sees it)
 * and which marks occur. Every expression below can only match where one of its cues is present,
 * so a line without them skips the expression. A token is known by its first four letters (or all
 * of them, when fewer are followed by a non-letter); `afp*` stands for the three-letter token and
 * any four-letter one it begins. The cues only ever let more lines through, never fewer.
 */
export const CUE = {
  digit: 1 << 0,
  /** `.` before a capital */
  dotCap: 1 << 1,
  /** `?.` */
  qDot: 1 << 2,
  /** `()` */
  parens: 1 << 3,
  /** `{`, `}` or `%` */
  brace: 1 << 4,
  /** `<` */
  lt: 1 << 5,
  /** `©` */
  copyright: 1 << 6,
  script: 1 << 7,
  agency: 1 << 8,
  noticeStrong: 1 << 9,
  noticeWeak: 1 << 10,
  bioNoun: 1 << 11,
  footer: 1 << 12,
  creditTail: 1 << 13,
  /*
   * FOOTER phrases whose first token is common in prose (`top`, `us`, `right`, `terms`, …) need a
   * second token as well (`back to top`, `contact us`, `all rights reserved`): one bit for the
   * first tokens and one for the second tokens of each group of phrases
   */
  footerA1: 1 << 14,
  footerA2: 1 << 15,
  footerB1: 1 << 16,
  footerB2: 1 << 17,
  footerC1: 1 << 18,
  footerC2: 1 << 19,
  footerD1: 1 << 20,
  footerD2: 1 << 21,
  footerE1: 1 << 22,
  footerE2: 1 << 23,
  footerF1: 1 << 24,
  footerF2: 1 << 25,
  /** the other FOOTER tokens that suffice alone, in two more groups (`footer` is the third) */
  footerS1: 1 << 26,
  footerS2: 1 << 27,
  /** `says` (a comment's `Jane Doe says:`) */
  says: 1 << 28,
  /** a word each phrase of COMMENTS_START holds (`comments`, `reply`, `discussion`, `author`, `by`, …) */
  comments: 1 << 29,
} as const;

/**
 * FOOTER cut into parts by the cues each needs (one big alternation tries every phrase at every
 * character; a part of a few phrases runs several times faster, and only where its cues are).
 * A part runs when the line has a token of both its cue sets (`[bits, bits]` for tokens that
 * suffice alone). Together the parts match exactly the lines FOOTER matches.
 */
const FOOTER_PARTS: [number, number, RegExp][] = [
  [CUE.copyright, CUE.copyright, /©/],
  [CUE.footerS1, CUE.footerS1, /\bcopyright\b|\bsubscribe\b|\bunsubscribe\b/i],
  [CUE.footerS2, CUE.footerS2, /\bnewsletter\b|\bagree to (?:our|the)\b/i],
  [CUE.footer, CUE.footer, /\bsitemap\b|\bsite map\b|\bcookie(?:s| policy| settings| preferences)?\b|\bsneak a peek\b|\bskip to (?:main )?content\b/i],
  [CUE.footerA1, CUE.footerA2, /\ball rights reserved\b|\baccessibility statement\b/i],
  [CUE.footerB1, CUE.footerB2, /\bshare (?:your )?feedback\b|\bback to top\b/i],
  [CUE.footerC1, CUE.footerC2, /\bcontact us\b|\babout us\b|\bemail address\b/i],
  [CUE.footerD1, CUE.footerD2, /\bprivacy (?:policy|notice|settings)\b|\bterms (?:of (?:use|service)|and conditions|& conditions)\b/i],
  [CUE.footerE1, CUE.footerE2, /\bpowered by\b/i],
  [CUE.footerF1, CUE.footerF2, /\bdo not sell\b/i],
];

/** Whether the head slice `h`, whose cue bits are `c`, holds a FOOTER phrase (the same answer as `FOOTER.test(h)`). */
export function footerPhrase(h: string, c: number): boolean {
  for (const [a, b, re] of FOOTER_PARTS) if ((c & a) !== 0 && (c & b) !== 0 && re.test(h)) return true;
  return false;
}

const TOKEN_CUES: [number, string][] = [
  [CUE.script, 'func docu wind goog data'],
  [CUE.agency, 'afp* reut ap gett epa* anad shut isto alam xinh unsp pexe wiki imag sipa dpa* pa bloo nurp file corb'],
  [CUE.noticeStrong, 'earn rece affi supp adve cons agre mess repl reca'],
  [CUE.noticeWeak, 'info inte mean cons perf inde'],
  [CUE.bioNoun, 'writ edit jour repo cont auth corr colu blog expe spec stra foun revi year join cove'],
  [CUE.says, 'says'],
  [CUE.comments, 'comm resp repl thou disc conv thin shar like says auth writ by expe cont revi'],
  [CUE.footerS1, 'copy subs unsu'],
  [CUE.footerS2, 'news agre'],
  [CUE.footer, 'site cook peek skip'],
  // accessibility statement, all rights reserved
  [CUE.footerA1, 'acce righ'],
  [CUE.footerA2, 'stat rese'],
  // back to top, share (your) feedback
  [CUE.footerB1, 'top feed'],
  [CUE.footerB2, 'back shar'],
  // contact us, about us, email address
  [CUE.footerC1, 'us addr'],
  [CUE.footerC2, 'cont abou emai'],
  // terms of use / of service / and conditions, privacy policy / notice / settings
  [CUE.footerD1, 'term priv'],
  [CUE.footerD2, 'use serv cond poli noti sett'],
  // powered by
  [CUE.footerE1, 'powe'],
  [CUE.footerE2, 'by'],
  // do not sell
  [CUE.footerF1, 'sell'],
  [CUE.footerF2, 'not'],
  [CUE.creditTail, 'cour phot imag cred pict c'],
];

/** Code of a token's letters (a = 1 … z = 26, base 28), as `lineFeatures` computes it. */
function letterCode(word: string): number {
  let code = 0;
  for (let i = 0; i < word.length; i++) code = code * 28 + (word.charCodeAt(i) - 96);
  return code;
}

const CUE_BITS = 10;
const CUE_KEYS = new Int32Array(1 << CUE_BITS);
const CUE_VALS = new Int32Array(1 << CUE_BITS);

function cueSlot(code: number): number {
  return Math.imul(code, 0x9e3779b1) >>> (32 - CUE_BITS);
}

function addCue(word: string, bit: number): void {
  const code = letterCode(word);
  let s = cueSlot(code);
  while (CUE_KEYS[s] !== 0 && CUE_KEYS[s] !== code) s = (s + 1) & ((1 << CUE_BITS) - 1);
  CUE_KEYS[s] = code;
  CUE_VALS[s] |= bit;
}

for (const [bit, words] of TOKEN_CUES) {
  for (const w of words.split(' ')) {
    if (w.endsWith('*')) {
      const stem = w.slice(0, -1);
      addCue(stem, bit);
      for (let c = 97; c <= 122; c++) addCue(stem + String.fromCharCode(c), bit);
    } else addCue(w, bit);
  }
}

/** The cue bits of a token whose first (up to four) letters have code `code`. */
export function tokenCues(code: number): number {
  let s = cueSlot(code);
  for (;;) {
    const k = CUE_KEYS[s];
    if (k === code) return CUE_VALS[s];
    if (k === 0) return 0;
    s = (s + 1) & ((1 << CUE_BITS) - 1);
  }
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Cues of the token a slice sees at `start` when the line's token runs across the cut (`start` is
 * inside a run of word characters), with the letters up to `end` only.
 */
function cutTokenCues(text: string, start: number, end: number): number {
  let code = 0;
  let len = 0;
  for (let i = start; i < end && len < 4; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c < 97 || c > 122 || !isWordCode(text.charCodeAt(i))) break;
    code = code * 28 + (c - 96);
    len++;
  }
  return len > 0 ? tokenCues(code) : 0;
}

/** A table of first characters (both cases of each letter) for an anchored expression's pre-test. */
function firsts(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const ch of chars) {
    t[ch.toLowerCase().charCodeAt(0)] = 1;
    t[ch.toUpperCase().charCodeAt(0)] = 1;
  }
  return t;
}
/** Whether a line starting with `c0` may match an expression whose first characters are `table` (any non-ASCII one may). */
function startsIn(c0: number, table: Uint8Array): boolean {
  return c0 >= 128 || table[c0] === 1;
}
const READING_TIME_FIRST = firsts('0123456789er');
const BYLINE_FIRST = firsts('bwrsaptv');
const AUTHOR_BIO_FIRST = firsts('amvsf');
const BIO_SENTENCE_FIRST = firsts('ABCDEFGHIJKLMNOPQRSTUVWXYZ'.toLowerCase() + 'i');
const BARE_URL_FIRST = firsts('hw');
const CALL_TO_ACTION_FIRST = firsts('dlfecbstjgr');
const CREDIT_ONLY_FIRST = firsts('(picsg');
const BOILER_START_FIRST = firsts('tfcsrwbjgadnim');

/** Cues of the first HEAD characters: the line's head cues, plus a token the cut shortens. */
export function headCues(f: LineFeatures): number {
  const t = f.text;
  let cues = f.headCues;
  if (t.length > HEAD && isWordCode(t.charCodeAt(HEAD))) {
    // a token of one to three letters cut at HEAD looks shorter to the head slice
    let s = HEAD;
    while (s > HEAD - 4 && s > 0 && isWordCode(t.charCodeAt(s - 1))) s--;
    if (s > HEAD - 4 && (s === 0 || !isWordCode(t.charCodeAt(s - 1)))) cues |= cutTokenCues(t, s, HEAD);
  }
  return cues;
}

/** Cues of the last TAIL characters: the line's cues, plus the token the cut starts in the middle of. */
function tailCues(f: LineFeatures): number {
  const t = f.text;
  let cues = f.cues;
  const s = t.length - TAIL;
  if (s > 0 && isWordCode(t.charCodeAt(s - 1))) cues |= cutTokenCues(t, s, t.length);
  return cues;
}

function head(f: LineFeatures): string {
  return f.text.length > HEAD ? f.text.slice(0, HEAD) : f.text;
}
function tail(f: LineFeatures): string {
  return f.text.length > TAIL ? f.text.slice(-TAIL) : f.text;
}

export function isDateOnly(f: LineFeatures): boolean {
  if (f.words === 0 || f.words > 12 || f.chars > 90) return false;
  const t = f.text;
  if (!DATE_PATTERNS.some((re) => re.test(t))) return false;
  // every word is a date word, a number or a weekday / month / time-zone / published word
  const ws = t.split(/[^\p{L}\p{N}:.]+/u).filter((w) => w.length > 0);
  let other = 0;
  for (const w of ws) {
    const bare = w.replace(/[.:]+$/, '');
    if (/^\d{1,4}(?:[:./]\d{1,4}){0,2}(?:am|pm)?$/i.test(bare) || DATE_WORDS.test(bare) || /^[ap]\.m$/i.test(bare)) continue;
    other++;
  }
  return other <= 1 && ws.length >= 1 && other * 3 < ws.length;
}

export function isSectionLabel(f: LineFeatures): boolean {
  if (f.words === 0 || f.words > 5 || f.endsSentence) return false;
  return SECTION_WORD.test(f.text);
}

/**
 * The chrome kind a line's own text names, if any. `position` is not known here; the classifier
 * weighs these hits against where the line sits.
 */
export function matchPattern(f: LineFeatures): PatternHit | null {
  if (f.blank) return null;
  const h = head(f);
  const t = tail(f);
  // each expression runs only where its cues are present (see CUE); the order of the tests is the rules' order
  const hc = headCues(f);
  const tc = tailCues(f);
  const c0 = f.text.charCodeAt(0);

  if (((hc & CUE.dotCap) !== 0 && TEMPLATE_CODE[0].test(h)) || ((hc & CUE.qDot) !== 0 && TEMPLATE_CODE[1].test(h)) || ((hc & CUE.dotCap) !== 0 && (hc & CUE.parens) !== 0 && TEMPLATE_CODE[2].test(h)) || ((hc & CUE.brace) !== 0 && TEMPLATE_CODE[3].test(h)) || ((hc & CUE.script) !== 0 && TEMPLATE_CODE[4].test(h))) {
    return { code: 'chrome.template-leak', why: 'template or script code leaked into the text', strong: true };
  }
  if ((hc & CUE.lt) !== 0 && HTML_TAG.test(h)) return { code: 'chrome.template-leak', why: 'HTML markup in the text', strong: false };
  if (f.words <= 8 && startsIn(c0, READING_TIME_FIRST) && READING_TIME.test(h)) return { code: 'chrome.reading-time', why: 'reading-time label', strong: true };
  if ((f.cues & CUE.digit) !== 0 && isDateOnly(f)) return { code: 'chrome.dateline', why: 'a date or time alone on a line', strong: true };
  if (f.words <= 12 && startsIn(c0, BYLINE_FIRST) && BYLINE.test(h)) return { code: 'chrome.byline', why: 'byline ("By …")', strong: true };
  if (f.words <= 12 && startsIn(c0, AUTHOR_BIO_FIRST) && AUTHOR_BIO.test(h)) return { code: 'chrome.byline', why: 'author box heading', strong: true };
  if (f.words <= 60 && (tc & CUE.agency) !== 0 && AGENCY.test(t)) {
    const idx = t.search(AGENCY);
    const before = t.slice(Math.max(0, idx - 40), idx);
    if (CREDIT_MARK.test(before) || /^\W{0,3}$/.test(before) || /(?:getty images|shutterstock|istock|alamy|unsplash)\W{0,3}$/i.test(t)) {
      if (!/\)\s*[-–—]\s*\S/.test(t.slice(idx, idx + 30))) {
        return { code: 'chrome.photo-credit', why: 'photo caption or credit naming a picture agency', strong: true };
      }
    }
  }
  if (f.words <= 80 && (hc & CUE.noticeStrong) !== 0 && NOTICE_STRONG.test(h)) return { code: 'chrome.boilerplate', why: 'affiliate, consent or legal notice of the site', strong: true };
  if (f.words <= 150 && (((hc & CUE.noticeWeak) !== 0 && NOTICE_WEAK.test(h)) || ((tc & CUE.noticeWeak) !== 0 && NOTICE_WEAK.test(t)))) return { code: 'chrome.boilerplate', why: 'disclaimer-like notice', strong: false };
  if (f.words <= 120 && (hc & CUE.bioNoun) !== 0 && startsIn(c0, BIO_SENTENCE_FIRST) && AUTHOR_BIO_SENTENCE.test(h)) return { code: 'chrome.byline', why: 'author bio ("… is a writer …")', strong: false };
  if (f.words <= 60 && footerPhrase(h, hc)) return { code: 'chrome.footer', why: 'site footer phrase (copyright, contact, privacy, newsletter, feedback)', strong: f.words <= 12 };
  if (f.words <= 70 && (tc & (CUE.creditTail | CUE.copyright)) !== 0 && CREDIT_TAIL.test(t)) return { code: 'chrome.photo-credit', why: 'caption ending in a picture credit', strong: true };
  if (f.words <= 40 && startsIn(c0, BARE_URL_FIRST) && BARE_URL.test(h)) return { code: 'chrome.boilerplate', why: 'a bare web address', strong: false };
  if (f.words <= 30 && startsIn(c0, CALL_TO_ACTION_FIRST) && CALL_TO_ACTION.test(h)) return { code: 'chrome.boilerplate', why: 'call to action ("Learn how…", "Sign up…")', strong: false };
  if (f.words <= 14 && startsIn(c0, CREDIT_ONLY_FIRST) && CREDIT_ONLY.test(h)) return { code: 'chrome.photo-credit', why: 'photo or image credit', strong: true };
  if (f.words <= 8 && BOILER.test(h)) return { code: 'chrome.boilerplate', why: 'share / sign-in / navigation / "read more" phrase', strong: true };
  if (f.words <= 40 && startsIn(c0, BOILER_START_FIRST) && BOILER_START.test(h)) return { code: 'chrome.boilerplate', why: 'site call-to-action or notice', strong: f.words <= 25 };
  return null;
}

/** ALL-CAPS place name alone on a line (`ISTANBUL`, `WASHINGTON, D.C.`). */
export function isDatelineShape(f: LineFeatures): boolean {
  return f.allCaps && f.words >= 1 && f.words <= 4 && f.chars <= 40 && !f.endsSentence && !SECTION_WORD.test(f.text);
}

/**
 * A line that opens the comment section or the author box: what follows is the readers' or the
 * site's text, not the article's, however sentence-like it reads.
 */
const COMMENTS_START = /^(?:(?:\d+|no|one|two|three)\s+(?:comments?|responses?|replies|thoughts? on)\b|(?:reader |user |show |view |load |see |read |hide )?(?:all )?(?:comments?|responses|discussion)(?:\s*\(\d+\))?\W{0,3}$|(?:leave|post|add|write|submit) (?:a |your )?(?:comment|reply|response)|(?:join|start) the (?:discussion|conversation)|(?:load|view|show|see|read) (?:all |more )?(?:\d+ )?comments|comments (?:are|have been) closed|be the first to comment|what do you think\?|(?:\|\s*)?reply\W{0,3}$|share(?: this(?: article| story| post)?)?:|like this:|.{1,60}\bsays:?$|about the author|written by\s|(?:written|posted|reviewed|edited|fact[- ]?checked) by\W{0,3}$|(?:the )?authors?\W{0,3}$|about (?:the|our|this) (?:author|expert|writer|contributor|reviewer)s?\W{0,3}$|meet the (?:author|writer)s?\W{0,3}$)/i;

/** `59 Comments on “<the headline>”`, `12 thoughts on “…”`, `3 Responses to “…”`: the count heads the thread whatever the headline's length */
const COMMENT_COUNT_TITLE = /^(?:\d+|no|one|two|three)\s+(?:comments?|responses?|replies|thoughts?)\s+(?:on|to)\s+["“‘'«]/i;

/** first characters of COMMENTS_START's phrases (all but `… says:`, which the `says` cue admits) */
const COMMENTS_START_FIRST = firsts('0123456789notrusvlhacdpwjbefm|');

/**
 * The page's own closing widgets under a story: a feedback question (`Was this page helpful?`),
 * links to the previous and next post, a sign-off (`Thanks for reading …! Subscribe …`). Where
 * they stand the article has ended, whatever full sentences follow (promotions, other posts).
 */
const CLOSING_WIDGET = /^(?:(?:was|is) this (?:page|article|post|content|information|guide|answer) (?:helpful|useful)|did you find this (?:content|article|page|post|information) (?:helpful|useful)|how (?:useful|helpful) was this (?:page|article|post|content)|(?:thanks|thank you) (?:so much )?for reading\b)/i;
const CLOSING_WIDGET_FIRST = firsts('widht');
/**
 * Links to the previous and next post: `Previous post`, `Next article: <its headline>`,
 * `« Previous`, `Previous: <headline>`, `Next Post →`, and the glued `PrevPrevious<headline>` of
 * a theme's icon text (not a sentence: `Next, the article says …` is prose). A bare `Next` or
 * `Previous` is a gallery's or a slideshow's pager as often, and does not count.
 */
const POST_NAV = /^(?:(?:previous|prev|next) (?:post|article|story)\b|[«‹←]\s*(?:prev(?:ious)?|older)\b|(?:prev(?:ious)?|older)(?: (?:post|article|story|entries))?\s*[:«‹←]|(?:next|newer)(?: (?:post|article|story|entries))?\s*[»›→])/i;
const POST_NAV_GLUED = /^(?:PrevPrevious|Previous(?=\p{Lu}))/u;
const POST_NAV_FIRST = firsts('pno');

export function isCommentsStart(f: LineFeatures): boolean {
  if (f.blank) return false;
  const c0 = f.text.charCodeAt(0);
  if (f.words <= 40 && startsIn(c0, CLOSING_WIDGET_FIRST) && CLOSING_WIDGET.test(f.text.slice(0, 60))) return true;
  if (f.words <= 24 && !f.endsSentence && startsIn(c0, POST_NAV_FIRST) && (POST_NAV.test(f.text.slice(0, 30)) || POST_NAV_GLUED.test(f.text.slice(0, 12)))) return true;
  if (f.words > 10) return f.words <= 40 && COMMENT_COUNT_TITLE.test(f.text.slice(0, 40));
  if (!startsIn(c0, COMMENTS_START_FIRST) && (f.cues & CUE.says) === 0) return false;
  // the cue is of the whole text: a cut inside a word may leave the slice a shorter one (`by`)
  if ((f.cues & CUE.comments) === 0 && (f.text.length <= 200 || !isWordCode(f.text.charCodeAt(200)))) return false;
  return COMMENTS_START.test(f.text.slice(0, 200));
}

/**
 * The heading of a list of other stories (`Related posts`, `Latest news`, `You may also like`,
 * `More from <the author or the site>`): on a news page the article's own text does not continue
 * under such a heading.
 */
const RELATED_HEADING = /^(?:related (?:articles|posts|stories|news|content|reading)|recommended (?:for you|reading|stories|articles)|more (?:stories|articles|posts|news)(?: (?:from|on|about|in|like this|for you)\b.{0,40})?|in case you missed it\b.{0,40}|icymi\b.{0,40}|read this next|(?:trending|popular) now|(?:more|other (?:stories|articles|posts)|latest) (?:from|by) \S.{0,40}|more (?:stories|articles|posts) by\b.{0,40}|you (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)|related (?:reads|resources|guides)|(?:explore|read) more (?:articles|stories|posts)|explore more|more to explore|keep exploring(?: this topic)?|keep reading|watch next|other articles you (?:may|might) (?:like|enjoy|find interesting)|read next|what to read next|further reading|(?:popular|trending|recent|related) (?:stories|posts|articles)|most (?:read|popular|viewed|shared)(?: (?:stories|articles|posts|news))?|other (?:stories|articles|posts))\W{0,3}$/i;

export function isRelatedHeading(f: LineFeatures): boolean {
  if (f.blank || f.words > 8 || f.endsSentence) return false;
  return RELATED_HEADING.test(f.text.slice(0, 80));
}

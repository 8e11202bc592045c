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
  /\b[A-Z]\w*(?:\.[A-Z]\w*\??){2,}/, // Quark.Models.Entities.Ancestor?.Title
  /\?\.[A-Z]\w*/, // ?.Title
  /\.\w+\(\)/, // .ToUpperInvariant()
  /\{\{|\}\}|\{%|%\}|<%|%>|\$\{\w/, // template delimiters
  /\bfunction\s*\(|\bvar \w+ ?=|\bdocument\.\w|\bwindow\.\w|\bgoogletag\b|\bdataLayer\b|\bjQuery\b/,
  /<\/?(?:div|span|script|style|iframe|img|a|p|br)\b[^>]{0,200}>/i,
];

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
const CREDIT_ONLY = /^(?:\(?(?:photo|image|picture|illustration|credit|source|graphic)s?(?: by| credit)?\s*[:|/]|©)/i;

// ---- bylines --------------------------------------------------------------------------------
const NAME = "\\p{Lu}[\\p{L}'’.\\-]{0,30}";
const BYLINE = new RegExp(`^(?:by|written by|words by|reported by|story by|author:?|posted by|text:?|von|por|par)\\s+${NAME}(?:,?\\s+(?:${NAME}|and|&|de|da|van|von|der|del|bin|al))${'{0,6}'}\\s*(?:[|,\\-–—]\\s*.{0,80})?$`, 'iu');
const AUTHOR_BIO = /^(?:about the author|about (?:the )?writer|author bio|more from this author|view all posts by|see all articles by|follow (?:the )?author)/i;

// ---- phrases of site chrome ------------------------------------------------------------------
const FOOTER = /(?:©|\bcopyright\b|\ball rights reserved\b|\bprivacy (?:policy|notice|settings)\b|\bterms (?:of (?:use|service)|and conditions|& conditions)\b|\bcontact us\b|\babout us\b|\bsitemap\b|\bsite map\b|\bcookie(?:s| policy| settings| preferences)?\b|\bnewsletter\b|\bsubscribe\b|\bagree to (?:our|the)\b|\bemail address\b|\bunsubscribe\b|\bshare (?:your )?feedback\b|\bsneak a peek\b|\bdo not sell\b|\baccessibility statement\b|\bpowered by\b|\bback to top\b|\bskip to (?:main )?content\b)/i;
const BOILER = /^(?:share(?: this| on| via| article| story| post)?(?: (?:on|via|to))?(?: (?:facebook|twitter|x|linkedin|whatsapp|email|reddit|telegram|pinterest|bluesky|threads))?|tweet|email|print|pin(?: it)?|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy link|copied|link copied|save|saved|bookmark|listen|play|pause|follow(?: us)?|sign in|sign up|log ?in|log ?out|register|my account|search|menu|close|open|toggle navigation|skip to (?:main )?content|home|advertisement|advert|sponsored(?: content)?|ad|ads|read more|continue reading|load more|show more|see more|view more|more|next|previous|prev|back|top|reply|like|comment|comments|\d+\s+comments?|leave a (?:reply|comment)|cancel reply|post comment|submit|loading\.*|watch|video|photos?|gallery|image|tags?:?|topics?:?|categories:?|filed under:?|related:?|trending(?: now)?|popular|most (?:read|popular|viewed)|editor'?s picks?|you may also like|you might also like|recommended(?: for you)?|latest(?: news| stories| posts)?|more (?:from|stories|news|on|in)\b.{0,60}|read (?:also|next|this)\b.{0,60}|see also\b.{0,60}|related (?:articles|posts|stories|news|content|topics|reading)|about the author|explore(?: more)?|newsletter|subscribe(?: now| today)?|get the app|download the app|contact(?: us)?|feedback|privacy|terms|faq|help)\W{0,3}$/i;
const BOILER_START = /^(?:(?:this|the) (?:article|story|post|page) (?:was|is|has been) (?:originally |first )?(?:published|updated|produced|written|shared)|(?:sign|subscribe|register) (?:up|in|now|today) (?:for|to)|follow us on|click here|tap here|we (?:use|may earn) (?:cookies|a commission|commission)|by (?:clicking|continuing|using this|signing up|subscribing)|join (?:our|the) (?:newsletter|mailing list|community)|get (?:our|the latest)|already (?:a )?(?:subscriber|member|have an account)|don't miss|never miss|share this (?:article|story|post)|if you (?:liked|enjoyed) this|(?:read|see|watch) (?:more|also|next|the full)\s*:|related\s*:|more\s*:|also read\s*:|read also\s*:|advertisement\b)/i;

/** Short labels that usually head sections and link lists. */
const SECTION_WORD = /^(?:latest(?: news| stories| posts| articles)?|recommended|explore|trending|popular|most (?:read|popular|viewed|shared)|related(?: articles| posts| stories| news| content)?|more (?:news|stories|from [\w ]{1,40})|top stories|editor'?s picks?|news|world|politics|business|economy|sports?|opinion|culture|science|technology|tech|health|lifestyle|entertainment|travel|video|videos|podcasts?|analysis|features?|in pictures|you may also like|you might also like|don't miss|must read|read next|up next|what to read next|further reading|categories|tags|archives|recent posts|popular posts|follow us|share|comments?)\W{0,2}$/i;

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

  for (const re of TEMPLATE_CODE) {
    if (re.test(h)) return { code: 'chrome.template-leak', why: 'template or script code leaked into the text', strong: true };
  }
  if (f.words <= 8 && READING_TIME.test(h)) return { code: 'chrome.reading-time', why: 'reading-time label', strong: true };
  if (isDateOnly(f)) return { code: 'chrome.dateline', why: 'a date or time alone on a line', strong: true };
  if (f.words <= 12 && BYLINE.test(h)) return { code: 'chrome.byline', why: 'byline ("By …")', strong: true };
  if (f.words <= 12 && AUTHOR_BIO.test(h)) return { code: 'chrome.byline', why: 'author box heading', strong: true };
  if (f.words <= 60 && AGENCY.test(t)) {
    const idx = t.search(AGENCY);
    const before = t.slice(Math.max(0, idx - 40), idx);
    if (CREDIT_MARK.test(before) || /^\W{0,3}$/.test(before) || /(?:getty images|shutterstock|istock|alamy|unsplash)\W{0,3}$/i.test(t)) {
      if (!/\)\s*[-–—]\s*\S/.test(t.slice(idx, idx + 30))) {
        return { code: 'chrome.photo-credit', why: 'photo caption or credit naming a picture agency', strong: true };
      }
    }
  }
  if (f.words <= 60 && FOOTER.test(h)) return { code: 'chrome.footer', why: 'site footer phrase (copyright, contact, privacy, newsletter, feedback)', strong: f.words <= 12 };
  if (f.words <= 14 && CREDIT_ONLY.test(h)) return { code: 'chrome.photo-credit', why: 'photo or image credit', strong: true };
  if (f.words <= 8 && BOILER.test(h)) return { code: 'chrome.boilerplate', why: 'share / sign-in / navigation / "read more" phrase', strong: true };
  if (f.words <= 40 && BOILER_START.test(h)) return { code: 'chrome.boilerplate', why: 'site call-to-action or notice', strong: f.words <= 25 };
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
const COMMENTS_START = /^(?:(?:\d+|no|one|two|three)\s+(?:comments?|responses?|replies|thoughts? on)\b|(?:reader |user |show |view |load |see |read |hide )?(?:all )?(?:comments?|responses|discussion)(?:\s*\(\d+\))?\W{0,3}$|(?:leave|post|add|write|submit) (?:a |your )?(?:comment|reply|response)|(?:join|start) the (?:discussion|conversation)|(?:load|view|show|see|read) (?:all |more )?(?:\d+ )?comments|comments (?:are|have been) closed|be the first to comment|what do you think\?|(?:\|\s*)?reply\W{0,3}$|.{1,60}\bsays:?$|about the author|written by\s)/i;

export function isCommentsStart(f: LineFeatures): boolean {
  if (f.blank || f.words > 10) return false;
  return COMMENTS_START.test(f.text.slice(0, 200));
}

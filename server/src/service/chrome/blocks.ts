/**
 * Names every chrome line's kind (a rule code and a piece of evidence), then groups neighbouring
 * chrome lines of one kind into blocks with a one-line message and the evidence list.
 */
import type { ChromeBlock, ChromeCode, LineKind } from '../types';
import type { LineEvidence } from './evidence';
import type { Stretch } from './article';

export interface LineReason {
  code: ChromeCode;
  why: string;
}

type Where = 'before' | 'inside' | 'after' | 'none';

function where(i: number, art: Stretch | null): Where {
  if (!art) return 'none';
  if (i < art.start) return 'before';
  if (i > art.end) return 'after';
  return 'inside';
}

/*
 * The reasons whose text is fixed: one object each (a chrome line's reason is never written to), so
 * a block's lines share their evidence texts and nothing is allocated per line.
 */
const TITLE_FROM_HEADER: LineReason = { code: 'chrome.repeated-title', why: 'repeats the title from the header' };
const SECTION_LABEL: LineReason = { code: 'chrome.section-label', why: 'section heading of a link list' };
const SECTION_TEASER: LineReason = { code: 'chrome.teaser', why: 'section label before a headline that also appears alone' };
const TITLE_BEFORE_ARTICLE: LineReason = { code: 'chrome.repeated-title', why: 'headline repeated just before the article' };
const REPEATED_MENU_ITEM: LineReason = { code: 'chrome.navigation-list', why: 'menu item repeated on the page' };
const REPEATED_HEADLINE: LineReason = { code: 'chrome.related-headlines', why: 'headline repeated (link text and image text)' };
const DATELINE: LineReason = { code: 'chrome.dateline', why: 'place name in capitals alone on a line' };
const PROSE_AFTER: LineReason = { code: 'chrome.teaser', why: 'full-sentence paragraph after the article ended (a lede of another story)' };
const PROSE_BEFORE: LineReason = { code: 'chrome.boilerplate', why: 'prose before the article stretch (summary, standfirst or promotion)' };
const PROSE_NO_ARTICLE: LineReason = { code: 'chrome.boilerplate', why: 'prose, but no article found on the page' };
const HEADLINE_OUTSIDE: LineReason = { code: 'chrome.related-headlines', why: 'headline-like line outside the article' };
const SHORT_LINK: LineReason = { code: 'chrome.navigation-list', why: 'short link-like line outside the article' };
const SHORT_TEXT: LineReason = { code: 'chrome.boilerplate', why: 'short text outside the article' };

const TEASER_HEADLINE: LineReason = { code: 'chrome.teaser', why: 'the teaser headline again' };
const TEASER_LEDE: LineReason = { code: 'chrome.teaser', why: 'lede paragraph of the teased story' };

/** Site-template reasons by recurrence count, for one corpus size at a time (bounded). */
const siteTemplateReasons = new Map<number, LineReason>();
let siteTemplateOthers = -1;

function siteTemplateReason(recurrence: number, others: number): LineReason {
  if (others !== siteTemplateOthers || siteTemplateReasons.size >= 4096) {
    siteTemplateReasons.clear();
    siteTemplateOthers = others;
  }
  let r = siteTemplateReasons.get(recurrence);
  if (r === undefined) {
    r = { code: 'chrome.site-template', why: `recurs verbatim in ${recurrence} of ${others} other corpus files` };
    siteTemplateReasons.set(recurrence, r);
  }
  return r;
}

/** The code and evidence of one chrome line, from its own evidence and its position. */
export function reasonFor(i: number, evs: readonly LineEvidence[], art: Stretch | null, corpusFiles: number): LineReason {
  const ev = evs[i];
  const f = ev.f;
  const pos = where(i, art);
  if (ev.hit?.strong && ev.hit.code !== 'chrome.boilerplate') return { code: ev.hit.code, why: ev.hit.why };
  if (ev.title) return TITLE_FROM_HEADER;
  if (ev.siteTemplate) return siteTemplateReason(ev.recurrence, Math.max(1, corpusFiles - 1));
  if (ev.sectionLabel) return SECTION_LABEL;
  if (ev.hit) return { code: ev.hit.code, why: ev.hit.why };
  if (ev.sectionPrefixed) return SECTION_TEASER;
  if (ev.dup) {
    if (pos === 'before' && art && i >= art.start - 12 && !f.endsSentence && f.words >= 3 && f.words <= 24) return TITLE_BEFORE_ARTICLE;
    if (f.words <= 3) return REPEATED_MENU_ITEM;
    return REPEATED_HEADLINE;
  }
  if (ev.datelineShape && pos !== 'after') return DATELINE;
  if (ev.prose === 'good' || ev.prose === 'near-good') {
    if (pos === 'after') return PROSE_AFTER;
    if (pos === 'before') return PROSE_BEFORE;
    return PROSE_NO_ARTICLE;
  }
  if (ev.headlineShape) return HEADLINE_OUTSIDE;
  if (f.words <= 4) return SHORT_LINK;
  return SHORT_TEXT;
}

/**
 * Runs of related-headline / teaser / navigation lines absorb the short lines between them, and
 * a teaser's headline and lede join the teaser, so one list reads as one block.
 */
export function smoothReasons(kinds: readonly LineKind[], reasons: (LineReason | null)[], evs: readonly LineEvidence[]): void {
  const n = kinds.length;
  // teaser: `SECTION Headline`, its repeated headline, then lede paragraphs
  for (let i = 0; i < n; i++) {
    const r = reasons[i];
    if (!r || !evs[i].sectionPrefixed || r.code !== 'chrome.teaser') continue;
    for (let j = i + 1; j < n; j++) {
      if (kinds[j] === 'blank') continue;
      const rj = reasons[j];
      if (!rj || evs[j].sectionPrefixed) break;
      if (rj.code === 'chrome.related-headlines' || (rj.code === 'chrome.teaser') || rj.code === 'chrome.boilerplate') {
        reasons[j] = evs[j].dup ? TEASER_HEADLINE : TEASER_LEDE;
        i = j - 1 + 1;
      } else break;
    }
  }
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

function describe(code: ChromeCode, lines: number, evs: readonly LineEvidence[], start: number, end: number, pos: Where): string {
  const L = plural(lines, 'line');
  const posText = pos === 'after' ? 'after the article ends' : pos === 'before' ? 'before the article starts' : pos === 'inside' ? 'inside the article' : 'no article on the page';
  let dups = 0;
  for (let i = start; i <= end; i++) if (evs[i].dup) dups++;
  switch (code) {
    case 'chrome.navigation-list':
      return `Navigation list: ${L} of short link-like text, ${posText}`;
    case 'chrome.related-headlines':
      return `Related-headlines list: ${L}${dups >= lines * 0.6 ? ', each headline twice' : ''}, ${posText}`;
    case 'chrome.teaser':
      return `Teaser of other stories: ${L} (section label, headline, lede), ${posText}`;
    case 'chrome.repeated-title':
      return `Repeated title: the headline again (${L}), ${posText}`;
    case 'chrome.template-leak':
      return `Template code leaked into the text (${L})`;
    case 'chrome.section-label':
      return `Section label "${evs[start].f.text.slice(0, 40)}", ${posText}`;
    case 'chrome.reading-time':
      return `Reading-time label "${evs[start].f.text.slice(0, 40)}"`;
    case 'chrome.photo-credit':
      return `Photo caption or credit (${L}), naming a picture agency or credit`;
    case 'chrome.byline':
      return `Byline or author box (${L}), ${posText}`;
    case 'chrome.footer':
      return `Site footer: ${L} of copyright, contact, privacy or newsletter text, ${posText}`;
    case 'chrome.site-template':
      return `Site template: ${L} recurring verbatim across the corpus`;
    case 'chrome.dateline':
      return `Dateline: ${evs[start].f.text.slice(0, 40)} alone on a line`;
    case 'chrome.boilerplate':
      return `Page boilerplate: ${L} of short site text, ${posText}`;
  }
}

/*
 * A block's distinct evidence texts and how many of its lines give each, in order of first
 * appearance. A block has a few (one, mostly): they are found by comparison, not in a Map (which
 * hashed every line's text, a new string for each site-template line), until there are more
 * than MAX_SCANNED_WHYS of them.
 */
const whyTexts: string[] = [];
const whyCounts: number[] = [];
const MAX_SCANNED_WHYS = 8;

function countWhy(w: string, index: Map<string, number> | null): Map<string, number> | null {
  if (index === null) {
    for (let x = 0; x < whyTexts.length; x++) {
      if (whyTexts[x] === w) {
        whyCounts[x]++;
        return null;
      }
    }
  } else {
    const x = index.get(w);
    if (x !== undefined) {
      whyCounts[x]++;
      return index;
    }
  }
  whyTexts.push(w);
  whyCounts.push(1);
  if (index !== null) index.set(w, whyTexts.length - 1);
  else if (whyTexts.length > MAX_SCANNED_WHYS) {
    index = new Map();
    for (let x = 0; x < whyTexts.length; x++) index.set(whyTexts[x], x);
  }
  return index;
}

/** The evidence lines of the block's texts: the six given by the most lines (stable order on ties), with their counts. */
function topWhys(): string[] {
  const n = whyTexts.length;
  const label = (x: number) => (whyCounts[x] > 1 ? `${whyTexts[x]} (${whyCounts[x]} lines)` : whyTexts[x]);
  if (n === 1) return [label(0)];
  const order: number[] = [];
  for (let x = 0; x < n; x++) order.push(x);
  order.sort((a, b) => whyCounts[b] - whyCounts[a]);
  const out: string[] = [];
  for (let x = 0; x < n && x < 6; x++) out.push(label(order[x]));
  return out;
}

/** Groups consecutive chrome lines with the same code (blank lines between them included). */
export function buildBlocks(kinds: readonly LineKind[], rules: readonly (ChromeCode | null)[], reasons: readonly (LineReason | null)[], evs: readonly LineEvidence[], art: Stretch | null): ChromeBlock[] {
  const blocks: ChromeBlock[] = [];
  const n = kinds.length;
  let i = 0;
  while (i < n) {
    const code = rules[i];
    if (kinds[i] !== 'chrome' || code === null) {
      i++;
      continue;
    }
    let end = i;
    let j = i + 1;
    while (j < n) {
      if (kinds[j] === 'blank') {
        j++;
        continue;
      }
      if (kinds[j] === 'chrome' && rules[j] === code && !(code === 'chrome.teaser' && evs[j].sectionPrefixed)) {
        end = j;
        j++;
        continue;
      }
      break;
    }
    let lines = 0;
    whyTexts.length = 0;
    whyCounts.length = 0;
    let whyIndex: Map<string, number> | null = null;
    for (let k = i; k <= end; k++) {
      if (kinds[k] !== 'chrome') continue;
      lines++;
      const w = reasons[k]?.why;
      if (w) whyIndex = countWhy(w, whyIndex);
    }
    const pos = where(i, art);
    const evidence = topWhys();
    if (pos === 'after') evidence.push('position: after the end of the article');
    else if (pos === 'before') evidence.push('position: before the start of the article');
    else if (pos === 'none') evidence.push('no article stretch found on the page');
    blocks.push({ startLine: i, endLine: end, code, message: describe(code, lines, evs, i, end, pos), evidence });
    i = end + 1;
  }
  return blocks;
}

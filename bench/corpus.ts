/**
 * Generates realistic seed corpora for the benchmarks: real article text and real page chrome
 * (see sources.ts), arranged the way a scraped news corpus looks:
 *
 * - "sites": each has a template (chrome before and after the article, link-list headings,
 *   footer) taken from one source page, repeated verbatim in every file of that site;
 * - "stories": an article (a window of a source page's paragraphs; re-uses of a source page get
 *   a share of their words swapped so they are different stories), carried by 1..8 files on
 *   different sites with small syndication edits (`U.S.`/`US`, -ize/-ise, `Türkiye`/`Turkey`,
 *   a clause dropped, curly/straight quotes), the way wire copy is;
 * - per file: a ` date` header, the site's top chrome, the title repeated, a dateline, the
 *   article, a related-headlines list and a teaser of another story, the site's footer.
 *
 * Deterministic (seeded PRNG), about 5 KB per file, written once per size under
 * bench/corpus/n<size>/seeds/ and reused while the manifest matches.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadSources, REPO, type SourcePage, type Sources } from './sources';

const GENERATOR_VERSION = 3;
export const CORPUS_ROOT = process.env.BENCH_CORPUS_DIR ? path.resolve(process.env.BENCH_CORPUS_DIR) : path.join(REPO, 'bench', 'corpus');

export interface CorpusInfo {
  size: number;
  /** the workspace folder: holds seeds/ */
  root: string;
  seedsDir: string;
  files: number;
  bytes: number;
  sources: string;
  sites: number;
  stories: number;
  /** repo-relative seed file paths of one syndicated story, for opening in the benchmarks */
  sample: string[];
  generatedMs: number;
  reused?: boolean;
}

/** mulberry32: small, fast, deterministic */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Site {
  id: number;
  top: string[];
  bottom: string[];
  sections: string[];
  listHeading: string;
}

interface Story {
  id: number;
  title: string;
  section: string;
  paragraphs: string[];
  date: string;
}

const SECTIONS = ['WORLD', 'POLITICS', 'BUSINESS', 'TECH', 'SPORT', 'HEALTH', 'CULTURE', 'SCIENCE', 'OPINION', 'US', 'EUROPE', 'ASIA'];
const LIST_HEADINGS = ['LATEST NEWS', 'Recommended', 'Most Read', 'Related stories', 'More from this section', 'Explore', 'Top Stories', 'You may also like'];
const PLACES = ['ISTANBUL', 'WASHINGTON', 'LONDON', 'PARIS', 'BERLIN', 'MOSCOW', 'ANKARA', 'BRUSSELS', 'NEW YORK', 'TOKYO', 'NAIROBI', 'SYDNEY'];
const AUTHORS = ['By Baba Umar', 'By Jane Doe', 'By Staff Reporter', 'By Ali Kaya', 'By Maria Lopez', 'Reuters', 'AFP', 'By Chris Lee'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const SPELLING: [RegExp, string][] = [
  [/\bU\.S\./g, 'US'],
  [/\bUS\b/g, 'U.S.'],
  [/\bU\.K\./g, 'UK'],
  [/\bTürkiye\b/g, 'Turkey'],
  [/\bTurkey\b/g, 'Türkiye'],
  [/([a-z]{3,})iz(e|ed|es|ing|ation)\b/g, '$1is$2'],
  [/([a-z]{3,})is(e|ed|es|ing|ation)\b/g, '$1iz$2'],
  [/\bcolor/g, 'colour'],
  [/\bcenter\b/g, 'centre'],
  [/\blabor\b/g, 'labour'],
  [/\bdefense\b/g, 'defence'],
  [/\bpercent\b/g, 'per cent'],
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function capBytes(lines: string[], max: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (const l of lines) {
    if (n + l.length > max && out.length) break;
    out.push(l.length > max ? l.slice(0, max) : l);
    n += l.length + 1;
  }
  return out;
}

/** Small edits one outlet makes to wire copy. */
function syndicate(r: () => number, p: string): string {
  let s = p;
  for (const [re, to] of SPELLING) if (r() < 0.5) s = s.replace(re, to);
  if (r() < 0.25) {
    // drop one clause between commas
    const a = s.indexOf(', ');
    const b = a >= 0 ? s.indexOf(', ', a + 2) : -1;
    if (a >= 0 && b > a && b - a < 120) s = s.slice(0, a) + s.slice(b);
  }
  if (r() < 0.3) s = s.replace(/[\u201c\u201d]/g, '"').replace(/\u2019/g, "'");
  else if (r() < 0.2) s = s.replace(/"([^"]*)"/g, '\u201c$1\u201d').replace(/(\w)'(\w)/g, '$1\u2019$2');
  if (r() < 0.05) s = s.replace(/ (\d)/, '\u00a0$1'); // a no-break space left by the scraper
  return s;
}

/** A different story from a re-used source: a share of the words swapped for other real words. */
function respin(r: () => number, p: string, vocab: readonly string[], rate: number): string {
  return p.replace(/[A-Za-z]{4,}/g, (w) => (r() < rate ? pick(r, vocab) : w));
}

function isoDate(r: () => number): string {
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `2025-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

function buildSites(r: () => number, pages: SourcePage[], count: number): Site[] {
  // site templates come from the data pages when there are any (a seed's top chrome carries its own title)
  const data = pages.filter((p) => p.origin === 'data');
  const withChrome = (data.length ? data : pages).filter((p) => p.before.length + p.after.length >= 4);
  const pool = withChrome.length ? withChrome : pages;
  const sites: Site[] = [];
  for (let i = 0; i < count; i++) {
    const p = pool[i % pool.length];
    const variant = Math.floor(i / pool.length); // more sites than pages: same chrome, a site-marker line
    const top = capBytes(p.before, 500 + Math.floor(r() * 500));
    const bottom = capBytes(p.after, 600 + Math.floor(r() * 800));
    if (variant) {
      top.unshift(`Site ${i} Network`);
      bottom.push(`\u00a9 2025 Site ${i} Media Group. All rights reserved.`);
    }
    sites.push({ id: i, top, bottom, sections: [pick(r, SECTIONS), pick(r, SECTIONS)], listHeading: pick(r, LIST_HEADINGS) });
  }
  return sites;
}

export interface GeneratedFile {
  rel: string;
  text: string;
}

/** Yields the files of a corpus of `size` files, deterministically. */
export function* generateCorpus(size: number, sources: Sources, seed = 0x5eed): Generator<GeneratedFile, { sites: number; stories: number; sample: string[] }> {
  const r = prng(seed ^ size);
  const pages = sources.pages;
  const vocab: string[] = [];
  for (const p of pages) for (const para of p.article.slice(0, 6)) for (const w of para.match(/[A-Za-z]{5,}/g) ?? []) if (vocab.length < 50000) vocab.push(w);
  const siteCount = Math.max(5, Math.min(2000, Math.round(size / 150)));
  const sites = buildSites(r, pages, siteCount);
  const uses = new Map<number, number>();
  const recentTitles: Story[] = [];
  let storyCount = 0;
  let fileNo = 0;
  let sample: string[] = [];

  const newStory = (): Story => {
    const pi = Math.floor(r() * pages.length);
    const p = pages[pi];
    const k = uses.get(pi) ?? 0;
    uses.set(pi, k + 1);
    const want = 2200 + Math.floor(r() * 2600); // article bytes
    const startMax = Math.max(0, p.article.length - 3);
    const start = k === 0 ? 0 : Math.floor(r() * (startMax + 1));
    let paras = capBytes(p.article.slice(start), want);
    let title = p.title.replace(/\s+/g, ' ').trim().slice(0, 140) || paras[0].slice(0, 80);
    if (k > 0) {
      const rate = 0.3;
      paras = paras.map((x) => respin(r, x, vocab, rate));
      title = respin(r, title, vocab, rate);
    }
    return { id: storyCount++, title, section: pick(r, SECTIONS), paragraphs: paras, date: isoDate(r) };
  };

  while (fileNo < size) {
    const story = newStory();
    recentTitles.push(story);
    if (recentTitles.length > 200) recentTitles.shift();
    const u = r();
    const copies = u < 0.55 ? 1 : u < 0.75 ? 2 : u < 0.87 ? 3 : 4 + Math.floor(r() * 5);
    const siteIds = new Set<number>();
    const rels: string[] = [];
    for (let c = 0; c < copies && fileNo < size; c++) {
      let site = pick(r, sites);
      for (let t = 0; t < 5 && siteIds.has(site.id); t++) site = pick(r, sites);
      siteIds.add(site.id);
      const out: string[] = [];
      const title = c === 0 ? story.title : syndicate(r, story.title);
      out.push(` date ${story.date} ${r() < 0.05 ? site.sections[0] : title}`);
      out.push(...site.top);
      out.push(title);
      if (r() < 0.4) out.push(title);
      if (r() < 0.5) out.push(pick(r, PLACES));
      if (r() < 0.5) out.push(pick(r, AUTHORS));
      if (r() < 0.6) out.push(longDate(story.date));
      if (r() < 0.4) out.push(`${1 + Math.floor(r() * 9)} min read`);
      for (const para of story.paragraphs) {
        if (c > 0 && r() < 0.08) continue; // this outlet dropped a paragraph
        out.push(c === 0 ? para : syndicate(r, para));
      }
      // related headlines (each twice: link text and image alt), then a teaser of another story
      out.push(site.listHeading);
      const n = 3 + Math.floor(r() * 4);
      for (let i = 0; i < n; i++) {
        const other = pick(r, recentTitles);
        out.push(`  ${i + 1}. ${other.title}`, `    ${other.title}`);
      }
      const teaser = pick(r, recentTitles);
      if (teaser !== story && r() < 0.7) {
        out.push(`${teaser.section} ${teaser.title}`, teaser.title, teaser.paragraphs[0]);
        if (r() < 0.5) out.push(pick(r, AUTHORS));
      }
      out.push(...site.bottom);
      const dir = `s${String(Math.floor(fileNo / 1000)).padStart(3, '0')}`;
      const rel = `seeds/${dir}/${String(fileNo).padStart(6, '0')}_site${site.id}.txt`;
      rels.push(rel);
      fileNo++;
      yield { rel, text: out.join('\n\n') + '\n' };
    }
    if (rels.length >= 3 && sample.length < 3) sample = rels;
  }
  return { sites: siteCount, stories: storyCount, sample };
}

/** The corpus of `size` files, generated on first use and reused while the generator and sources are unchanged. */
export function ensureCorpus(size: number, log: (m: string) => void = () => {}): CorpusInfo {
  const root = path.join(CORPUS_ROOT, `n${size}`);
  const manifestPath = path.join(root, 'manifest.json');
  const sources = loadSources();
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusInfo & { version: number };
    if (m.version === GENERATOR_VERSION && m.sources === sources.description && m.files === size) return { ...m, root, seedsDir: path.join(root, 'seeds'), reused: true };
  }
  log(`generating a ${size.toLocaleString('en-US')}-file corpus in ${path.relative(REPO, root) || root} …`);
  const t0 = Date.now();
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const made = new Set<string>();
  let bytes = 0;
  let files = 0;
  const gen = generateCorpus(size, sources);
  let res = gen.next();
  while (!res.done) {
    const { rel, text } = res.value;
    const dir = path.dirname(path.join(root, rel));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path.join(root, rel), text);
    bytes += Buffer.byteLength(text);
    files++;
    res = gen.next();
  }
  const info: CorpusInfo = {
    size,
    root,
    seedsDir: path.join(root, 'seeds'),
    files,
    bytes,
    sources: sources.description,
    sites: res.value.sites,
    stories: res.value.stories,
    sample: res.value.sample,
    generatedMs: Date.now() - t0,
  };
  writeFileSync(manifestPath, JSON.stringify({ ...info, version: GENERATOR_VERSION }, null, 1));
  log(`  ${files} files, ${(bytes / 1e6).toFixed(1)} MB, ${info.sites} sites, ${info.stories} stories, in ${(info.generatedMs / 1000).toFixed(1)} s`);
  return info;
}

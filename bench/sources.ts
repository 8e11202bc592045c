/**
 * Real text for the benchmark corpora: the repo's `seeds/` and the chrome-dev pages of the
 * development data (`SEED_DATA`, default `../shared/data/chrome-dev` beside the project). Each
 * page is split into the chrome before the article, the article paragraphs and the chrome after.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..');

export interface SourcePage {
  name: string;
  origin: 'seeds' | 'data';
  title: string;
  before: string[];
  article: string[];
  after: string[];
}

export interface Sources {
  pages: SourcePage[];
  /** where the text came from, for the report */
  description: string;
  dataDir: string | null;
}

/** The chrome-dev folder: SEED_DATA, else `../shared/data/chrome-dev` beside the project (or beside the main checkout for a worktree). */
export function findDataDir(): string | null {
  const candidates = process.env.SEED_DATA
    ? [path.resolve(process.env.SEED_DATA)]
    : [path.resolve(REPO, '../shared/data/chrome-dev'), path.resolve(REPO, '../../shared/data/chrome-dev')];
  for (const c of candidates) if (existsSync(c)) return c;
  return null;
}

const norm = (s: string) =>
  s
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

function nonBlank(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
}

/** Splits a page into chrome before, article, chrome after. `isArticle` says which lines are article text. */
function splitPage(name: string, title: string, lines: string[], isArticle: (l: string) => boolean, isAnchor: (l: string) => boolean): SourcePage | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    if (isAnchor(lines[i])) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return null;
  const article = lines.slice(first, last + 1).filter(isArticle);
  if (!article.length) return null;
  return { name, origin: 'data', title, before: lines.slice(0, first), article, after: lines.slice(last + 1) };
}

function loadChromeDev(dir: string): SourcePage[] {
  const pages: SourcePage[] = [];
  for (const f of readdirSync(dir).filter((x) => /^\d+\.txt$/.test(x)).sort()) {
    const lines = nonBlank(readFileSync(path.join(dir, f), 'utf8'));
    const goldPath = path.join(dir, f.replace(/\.txt$/, '.gold.json'));
    let page: SourcePage | null;
    if (existsSync(goldPath)) {
      const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { title?: string; main_content?: string };
      const main = norm(gold.main_content ?? '');
      const inMain = (l: string) => {
        const n = norm(l);
        return n.length > 0 && main.includes(n);
      };
      page = splitPage(f, gold.title ?? lines[0] ?? f, lines, inMain, (l) => l.length >= 60 && inMain(l));
    } else {
      const long = (l: string) => l.length >= 120;
      page = splitPage(f, lines[0] ?? f, lines, () => true, long);
    }
    if (page) pages.push(page);
  }
  return pages;
}

function loadSeeds(): SourcePage[] {
  const dir = path.join(REPO, 'seeds');
  const pages: SourcePage[] = [];
  if (!existsSync(dir)) return pages;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const lines = nonBlank(readFileSync(path.join(dir, f), 'utf8'));
    const header = /^\s?date \d{4}-\d{2}-\d{2}\s*(.*)$/.exec(lines[0] ?? '');
    const body = header ? lines.slice(1) : lines;
    // the article is the run of long sentence lines before the first link-list heading
    const stop = body.findIndex((l) => /^(LATEST NEWS|Recommended|Explore|MOST READ)$/i.test(l.trim()));
    const end = stop < 0 ? body.length : stop;
    const isProse = (l: string) => l.length >= 100 && /[.!?"”]$/.test(l.trim());
    const page = splitPage(f, header?.[1] ?? f, body.slice(0, end), (l) => !/^\s/.test(l), isProse);
    if (page) {
      page.origin = 'seeds';
      page.after.push(...body.slice(end));
      pages.push(page);
    }
  }
  return pages;
}

export function loadSources(): Sources {
  const seeds = loadSeeds();
  const dataDir = findDataDir();
  const dev = dataDir ? loadChromeDev(dataDir) : [];
  const pages = [...seeds, ...dev];
  if (!pages.length) throw new Error('no source text: seeds/ is empty and no chrome-dev data was found');
  const description = dataDir
    ? `${seeds.length} seeds from seeds/ + ${dev.length} pages from ${path.relative(REPO, dataDir) || dataDir}`
    : `${seeds.length} seeds from seeds/ only (no chrome-dev data found; set SEED_DATA)`;
  return { pages, description, dataDir };
}

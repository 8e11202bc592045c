/**
 * The reference point: what users would run instead. Readability.js (with jsdom) on the same
 * pages, each line wrapped as a `<p>` under a `<title>`, against Seed Review's per-file
 * analysis of those pages (in process, corpus stage indexed over the same pages).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { createSeedService, InMemoryWorkspace } from '../server/src/service';
import { LineRecurrence } from '../server/src/service/corpus';
import { resolveSettings } from '../server/src/shared/settings';
import type { CorpusInfo } from './corpus';
import type { Row } from './measure';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function pageToHtml(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const title = /^\s?date \d{4}-\d{2}-\d{2}\s*(.*)$/.exec(lines[0])?.[1] ?? lines[0];
  const body = lines
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${esc(l)}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>\n${body}\n</body></html>`;
}

export async function measureReadability(corpus: CorpusInfo, pages = 300): Promise<Row[]> {
  const texts: { uri: string; text: string }[] = [];
  outer: for (const dir of readdirSync(corpus.seedsDir).sort()) {
    for (const f of readdirSync(path.join(corpus.seedsDir, dir)).sort()) {
      texts.push({ uri: `file:///bench/${dir}/${f}`, text: readFileSync(path.join(corpus.seedsDir, dir, f), 'utf8') });
      if (texts.length >= pages) break outer;
    }
  }
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
  const htmls = texts.map((t) => pageToHtml(t.text));

  // Readability: parse with jsdom, then extract (both are what a user pays)
  for (const h of htmls.slice(0, 10)) new Readability(new JSDOM(h).window.document).parse(); // warm-up
  let parseMs = 0;
  const t0 = performance.now();
  let extracted = 0;
  for (const h of htmls) {
    const p0 = performance.now();
    const dom = new JSDOM(h);
    parseMs += performance.now() - p0;
    const article = new Readability(dom.window.document).parse();
    if (article?.textContent) extracted++;
    dom.window.close();
  }
  const rMs = performance.now() - t0;

  // Seed Review: per-file analysis + diagnostics of the same pages, corpus stage indexed over them
  const settings = resolveSettings({});
  const files: Record<string, string> = {};
  for (const t of texts) files[t.uri] = t.text;
  const service = createSeedService({ workspace: new InMemoryWorkspace(files), settings: () => settings, lineCounter: new LineRecurrence() });
  await service.indexCorpus();
  let version = 1000;
  for (const t of texts.slice(0, 10)) service.analyseWith({ uri: t.uri, version: version++, getText: () => t.text }, settings);
  const s0 = performance.now();
  for (const t of texts) {
    const doc = { uri: t.uri, version: version++, getText: () => t.text };
    service.analyseWith(doc, settings);
    await service.computeDiagnostics(doc);
  }
  const sMs = performance.now() - s0;
  service.dispose();

  const rPps = texts.length / (rMs / 1000);
  const sPps = texts.length / (sMs / 1000);
  const kb = (bytes / texts.length / 1024).toFixed(1);
  return [
    {
      what: `Reference: Readability.js 0.6 + jsdom 24 on ${texts.length} corpus pages (avg ${kb} KB; each line a \`<p>\`, a \`<title>\`), parse + extract`,
      figure: `${rPps.toFixed(0)} pages/s (${(rMs / texts.length).toFixed(1)} ms/page, of which jsdom parse ${(parseMs / texts.length).toFixed(1)} ms); ${extracted}/${texts.length} extracted`,
      budget: '—',
      met: null,
      raw: { pagesPerSec: rPps, msPerPage: rMs / texts.length, parseMsPerPage: parseMs / texts.length },
    },
    {
      what: `Seed Review per-file analysis + diagnostics on the same ${texts.length} pages (in process)`,
      figure: `${sPps.toFixed(0)} pages/s (${(sMs / texts.length).toFixed(2)} ms/page) — ${(sPps / rPps).toFixed(0)}× Readability`,
      budget: '—',
      met: null,
      raw: { pagesPerSec: sPps, msPerPage: sMs / texts.length, ratio: sPps / rPps },
    },
  ];
}

/** The chrome classifier on the two sample seeds in seeds/, as a reviewer would see them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyChrome } from '../../server/src/service/chrome/classifier';
import { LineRecurrence } from '../../server/src/service/corpus/lineRecurrence';
import { splitLines } from '../../server/src/service/text/lines';
import type { ChromeResult } from '../../server/src/service/types';

const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');
const F000 = '000_0de6c06a7072f844.txt';
const F003 = '003_35d470c25130c666.txt';

function read(name: string): string[] {
  return splitLines(fs.readFileSync(path.join(SEEDS, name), 'utf8')).map((l) => l.text);
}

const files: Record<string, string[]> = { [F000]: read(F000), [F003]: read(F003) };
const corpus = new LineRecurrence();
for (const [uri, lines] of Object.entries(files)) corpus.setFile(uri, lines);

function run(name: string): { lines: string[]; r: ChromeResult } {
  const lines = files[name];
  const m = /^ ?date (\d{4}-\d{2}-\d{2}) ?(.*)$/.exec(lines[0]);
  const r = classifyChrome({ lines, headerLine: m ? 0 : null, title: m ? m[2] : null, recurrence: corpus.recurrenceFor(name), corpusFiles: corpus.fileCount });
  return { lines, r };
}

/** index of the first line starting with `prefix` (after leading white space) */
function at(lines: string[], prefix: string, from = 0): number {
  for (let i = from; i < lines.length; i++) if (lines[i].trimStart().startsWith(prefix)) return i;
  throw new Error(`no line starting with ${prefix}`);
}

function expectLine(lines: string[], r: ChromeResult, prefix: string, kind: string, code?: string | null, from = 0): number {
  const i = at(lines, prefix, from);
  assert.equal(r.kinds[i], kind, `line ${i + 1} "${prefix}" should be ${kind}`);
  if (code !== undefined) assert.equal(r.rules[i], code, `line ${i + 1} "${prefix}" should carry ${code}`);
  return i;
}

test('seed 000: header, repeated title and dateline before the article', () => {
  const { lines, r } = run(F000);
  assert.equal(r.kinds[0], 'header');
  assert.equal(r.rules[0], null);
  assert.equal(r.kinds[1], 'blank');
  assert.equal(r.kinds[2], 'chrome');
  assert.equal(r.rules[2], 'chrome.repeated-title');
  expectLine(lines, r, 'ISTANBUL', 'chrome', 'chrome.dateline');
  assert.equal(r.rules[5], 'chrome.repeated-title');
});

test('seed 000: the article paragraphs are body, including the restated State Department quote', () => {
  const { lines, r } = run(F000);
  expectLine(lines, r, 'Russian and U.S. diplomats met in Istanbul', 'body', null);
  expectLine(lines, r, '"The United States raised concerns', 'body', null);
  expectLine(lines, r, '"Through constructive discussions', 'body', null);
  expectLine(lines, r, 'Kremlin spokesman Dmitry Peskov', 'body', null);
  expectLine(lines, r, 'Speaking during Thursday’s meeting of the Federal Security Service, Putin', 'body', null);
  expectLine(lines, r, '“The first contacts', 'body', null);
  expectLine(lines, r, 'Later Thursday, a spokesman', 'body', null);
  expectLine(lines, r, '‘Restoring relations and dialogue’', 'body', null);
  expectLine(lines, r, 'Speaking during a visit to Qatar, Russian Foreign Minister Sergey Lavrov', 'body', null);
  expectLine(lines, r, 'Lavrov added', 'body', null);
  // every line from the first paragraph to the last is body or blank
  const first = at(lines, 'Russian and U.S. diplomats');
  const last = at(lines, 'Lavrov added');
  for (let i = first; i <= last; i++) assert.ok(r.kinds[i] === 'body' || r.kinds[i] === 'blank', `line ${i + 1}`);
});

test('seed 000: template leak, link lists, teasers and their ledes are chrome', () => {
  const { lines, r } = run(F000);
  expectLine(lines, r, 'Quark.Models.Entities', 'chrome', 'chrome.template-leak');
  expectLine(lines, r, 'LATEST NEWS', 'chrome', 'chrome.section-label');
  expectLine(lines, r, '1. Türkiye enters', 'chrome', 'chrome.related-headlines');
  expectLine(lines, r, 'Recommended', 'chrome', 'chrome.section-label');
  const rec = at(lines, 'Recommended');
  expectLine(lines, r, 'Musk calls Vance', 'chrome', 'chrome.related-headlines', rec);
  expectLine(lines, r, 'WORLD Trump cuts short', 'chrome', 'chrome.teaser');
  expectLine(lines, r, 'U.S. President Donald Trump cut short a meeting', 'chrome', 'chrome.teaser');
  expectLine(lines, r, 'ECONOMY German inflation', 'chrome', 'chrome.teaser');
  expectLine(lines, r, "Germany's inflation rate remained stable", 'chrome', 'chrome.teaser');
  expectLine(lines, r, 'SPORTS Legal experts', 'chrome', 'chrome.teaser');
  expectLine(lines, r, 'Fenerbahçe football club', 'chrome', 'chrome.teaser');
  for (let i = at(lines, 'Quark.Models'); i < lines.length; i++) assert.notEqual(r.kinds[i], 'body', `line ${i + 1}`);
});

test('seed 000: the Recommended list is one related-headlines block with a message naming why', () => {
  const { lines, r } = run(F000);
  const start = at(lines, 'Trump cuts short', at(lines, 'Recommended'));
  const block = r.blocks.find((b) => b.startLine === start);
  assert.ok(block, 'block at the Recommended list');
  assert.equal(block.code, 'chrome.related-headlines');
  assert.equal(block.endLine, at(lines, "Musk calls Vance 'future"));
  assert.equal(block.message, 'Related-headlines list: 14 lines, each headline twice, after the article ends');
  assert.ok(block.evidence.length >= 2);
  // rules agree with blocks
  for (const b of r.blocks) for (let i = b.startLine; i <= b.endLine; i++) if (r.kinds[i] === 'chrome') assert.equal(r.rules[i], b.code);
});

test('seed 003: reading time, repeated headline, photo caption and date before the article are chrome', () => {
  const { lines, r } = run(F003);
  assert.equal(r.kinds[0], 'header');
  expectLine(lines, r, '1 min read', 'chrome', 'chrome.reading-time');
  assert.equal(r.rules[2], 'chrome.repeated-title');
  assert.equal(r.rules[4], 'chrome.repeated-title');
  expectLine(lines, r, 'Officials agreed to hold a follow-up meeting', 'chrome', 'chrome.photo-credit');
  expectLine(lines, r, 'February 28, 2025', 'chrome', 'chrome.dateline');
});

test('seed 003: article body, then Explore list, teaser byline and footer as chrome', () => {
  const { lines, r } = run(F003);
  expectLine(lines, r, 'US and Russian delegations met in Istanbul', 'body', null);
  expectLine(lines, r, '"The United States raised concerns', 'body', null);
  expectLine(lines, r, '"Through constructive discussions', 'body', null);
  expectLine(lines, r, 'Coulter and Darchiev agreed', 'body', null);
  expectLine(lines, r, 'Explore', 'chrome', 'chrome.section-label');
  expectLine(lines, r, 'Gulf leaders call for ending Gaza war', 'chrome', 'chrome.related-headlines');
  expectLine(lines, r, 'By Baba Umar', 'chrome', 'chrome.byline');
  expectLine(lines, r, 'Sneak a peek at TRT Global', 'chrome', 'chrome.footer');
  expectLine(lines, r, 'Contact us', 'chrome', 'chrome.footer');
});

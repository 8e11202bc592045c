/** Each chrome rule on small inline fixtures, and the classifier on bad input. */
import { test } from 'node:test';
import { assertScalesLinearly } from '../linearity';
import assert from 'node:assert/strict';
import { classifyChrome } from '../../server/src/service/chrome/classifier';
import { LineRecurrence } from '../../server/src/service/corpus/lineRecurrence';
import { splitLines } from '../../server/src/service/text/lines';
import type { ChromeInput, ChromeResult } from '../../server/src/service/types';

const P1 = 'The city council voted on Tuesday to approve a new budget that raises spending on schools and public transport by a fifth over the next two years.';
const P2 = 'Officials said the plan would be paid for by a combination of higher property taxes and savings from the closure of two municipal offices in the old town.';
const P3 = 'Opposition members argued that the increase was too large and that residents had not been given enough time to comment on the proposal before the vote.';
const P4 = 'The mayor is expected to sign the budget into law next week, after which the first payments to schools are due to begin in the spring of next year.';

function classify(text: string, extra: Partial<ChromeInput> = {}): { lines: string[]; r: ChromeResult } {
  const lines = splitLines(text).map((l) => l.text);
  const r = classifyChrome({ lines, headerLine: null, title: null, corpusFiles: 1, ...extra });
  assert.equal(r.kinds.length, lines.length);
  assert.equal(r.rules.length, lines.length);
  return { lines, r };
}

function kindOf(lines: string[], r: ChromeResult, text: string): [string, string | null] {
  const i = lines.findIndex((l) => l.trim() === text);
  assert.ok(i >= 0, `fixture has line ${text}`);
  return [r.kinds[i], r.rules[i]];
}

function article(...around: string[]): string {
  return [...around, '', P1, '', P2, '', P3, '', P4].join('\n');
}

test('header line is header, article paragraphs are body, blank lines blank', () => {
  const { r } = classify([' date 2024-05-01 Council approves budget', '', P1, '', P2, '', P3].join('\n'), { headerLine: 0, title: 'Council approves budget' });
  assert.deepEqual(r.kinds, ['header', 'blank', 'body', 'blank', 'body', 'blank', 'body']);
  assert.deepEqual(r.rules, [null, null, null, null, null, null, null]);
});

test('title repeated after the header is chrome.repeated-title', () => {
  const { lines, r } = classify([' date 2024-05-01 Council approves budget', 'Council approves budget', '', P1, '', P2, '', P3].join('\n'), { headerLine: 0, title: 'Council approves budget' });
  assert.deepEqual(kindOf(lines, r, 'Council approves budget'), ['chrome', 'chrome.repeated-title']);
});

test('navigation menu before the article is a navigation list', () => {
  const { lines, r } = classify(article('Home', 'News', 'Sport', 'Weather', 'Home', 'News'));
  assert.deepEqual(kindOf(lines, r, 'Weather'), ['chrome', 'chrome.navigation-list']);
  assert.deepEqual(kindOf(lines, r, P1), ['body', null]);
});

test('headlines listed twice after the article are a related-headlines block', () => {
  const text = [article(), '', 'More stories', 'Storm closes mountain pass for third day', 'Storm closes mountain pass for third day', 'Local bakery wins national bread award', "Local bakery wins 'national bread award'"].join('\n');
  const { lines, r } = classify(text);
  assert.deepEqual(kindOf(lines, r, 'Local bakery wins national bread award'), ['chrome', 'chrome.related-headlines']);
  assert.deepEqual(kindOf(lines, r, 'More stories'), ['chrome', 'chrome.section-label']);
  const b = r.blocks.find((x) => x.code === 'chrome.related-headlines');
  assert.ok(b);
  assert.match(b.message, /^Related-headlines list: 4 lines, each headline twice, after the article ends$/);
});

test('a section-prefixed teaser and its lede after the article are chrome.teaser', () => {
  const lede = 'Heavy snow closed the only road to the valley on Friday, and officials said it could take several days before the pass is safe to open again.';
  const text = [article(), '', 'Related', 'Storm closes mountain pass', 'Storm closes mountain pass', 'WEATHER Storm closes mountain pass', '', 'Storm closes mountain pass', '', lede].join('\n');
  const { lines, r } = classify(text);
  assert.deepEqual(kindOf(lines, r, 'WEATHER Storm closes mountain pass'), ['chrome', 'chrome.teaser']);
  assert.deepEqual(kindOf(lines, r, lede), ['chrome', 'chrome.teaser']);
  assert.deepEqual(kindOf(lines, r, P4), ['body', null]);
});

test('template code, reading time, date, byline and photo credit are named', () => {
  const text = ['3 min read', 'By Jane Smith', 'March 4, 2024', 'Protesters gather outside the city hall on Monday. / Reuters', '', P1, '', P2, '', P3, '', 'Page.Models.Article?.Section?.ToUpper() Next story', '', P4].join('\n');
  const { lines, r } = classify(text);
  assert.deepEqual(kindOf(lines, r, '3 min read'), ['chrome', 'chrome.reading-time']);
  assert.deepEqual(kindOf(lines, r, 'By Jane Smith'), ['chrome', 'chrome.byline']);
  assert.deepEqual(kindOf(lines, r, 'March 4, 2024'), ['chrome', 'chrome.dateline']);
  assert.deepEqual(kindOf(lines, r, 'Protesters gather outside the city hall on Monday. / Reuters'), ['chrome', 'chrome.photo-credit']);
  assert.deepEqual(kindOf(lines, r, 'Page.Models.Article?.Section?.ToUpper() Next story'), ['chrome', 'chrome.template-leak']);
  assert.deepEqual(kindOf(lines, r, P4), ['body', null]);
});

test('footer phrases after the article are chrome.footer', () => {
  const { lines, r } = classify([article(), '', 'Contact us', 'Privacy Policy', '© 2024 Example News. All rights reserved.'].join('\n'));
  assert.deepEqual(kindOf(lines, r, 'Contact us'), ['chrome', 'chrome.footer']);
  assert.deepEqual(kindOf(lines, r, '© 2024 Example News. All rights reserved.'), ['chrome', 'chrome.footer']);
  const b = r.blocks.find((x) => x.code === 'chrome.footer');
  assert.ok(b);
  assert.ok(b.evidence.some((e) => /footer/.test(e)));
});

test('share and sign-in phrases are chrome.boilerplate', () => {
  const { lines, r } = classify(article('Sign in', 'Share on Facebook'));
  assert.deepEqual(kindOf(lines, r, 'Sign in'), ['chrome', 'chrome.boilerplate']);
  assert.deepEqual(kindOf(lines, r, 'Share on Facebook'), ['chrome', 'chrome.boilerplate']);
});

test('a short subheading inside the article stays body', () => {
  const { lines, r } = classify([P1, '', P2, '', 'What happens next', '', P3, '', P4].join('\n'));
  assert.deepEqual(kindOf(lines, r, 'What happens next'), ['body', null]);
});

test('a full-sentence paragraph after link lists is a teaser lede, not article', () => {
  const lede = 'The national team qualified for the finals on Sunday after a dramatic penalty shoot-out that kept fans in the stadium long after midnight.';
  const links = ['Team qualifies for finals', 'Team qualifies for finals', 'Coach praises young squad', 'Coach praises young squad', 'Tickets sell out in an hour', 'Tickets sell out in an hour'];
  const { lines, r } = classify([article(), '', 'Latest', ...links, '', lede].join('\n'));
  assert.equal(kindOf(lines, r, lede)[0], 'chrome');
});

test('comments after the article are not article', () => {
  const c1 = 'I really think the council should have spent more of this money on the roads, which have been in a terrible state for years now.';
  const c2 = 'Agreed, but the schools needed it more, and the transport money will help the people who cannot afford a car in the first place.';
  const { lines, r } = classify([article(), '', '2 Comments', 'Mark says:', c1, 'Reply', 'Anna says:', c2, 'Reply'].join('\n'));
  assert.equal(kindOf(lines, r, c1)[0], 'chrome');
  assert.equal(kindOf(lines, r, c2)[0], 'chrome');
  assert.deepEqual(kindOf(lines, r, P4), ['body', null]);
});

test('a line recurring in most corpus files is site template; a sentence in one other file is not dropped', () => {
  const corpus = new LineRecurrence();
  const promo = 'Get the best of our journalism delivered daily';
  for (let i = 0; i < 20; i++) corpus.setFile(`f${i}`, [promo, `Story ${i}`]);
  corpus.setFile('other', [P2]);
  const text = [promo, '', P1, '', P2, '', P3, '', P4].join('\n');
  const lines = splitLines(text).map((l) => l.text);
  corpus.setFile('me', lines);
  const r = classifyChrome({ lines, headerLine: null, title: null, recurrence: corpus.recurrenceFor('me'), corpusFiles: corpus.fileCount });
  assert.equal(r.kinds[0], 'chrome');
  assert.equal(r.rules[0], 'chrome.site-template');
  assert.match(r.blocks[0].evidence.join(' '), /recurs verbatim in 20 of 21 other corpus files/);
  assert.equal(r.kinds[4], 'body');
});

test('a file with no article is all chrome', () => {
  const { r } = classify(['Home', 'News', 'Sport', 'Contact us', 'Sign in', 'Subscribe'].join('\n'));
  assert.ok(r.kinds.every((k) => k === 'chrome'));
  assert.ok(r.blocks.length >= 1);
});

test('bad input: empty file, one-line file, CRLF-derived lines, a 200,000-character line, thousands of lines', () => {
  assert.deepEqual(classify('').r.kinds, ['blank']);
  assert.deepEqual(classifyChrome({ lines: [], headerLine: null, title: null, corpusFiles: 1 }), { kinds: [], rules: [], blocks: [] });
  assert.deepEqual(classify(P1).r.kinds, ['body']);
  assert.deepEqual(classify('Home').r.kinds, ['chrome']);

  const crlf = classify(['Home', '', P1, '', P2, '', P3].join('\r\n'));
  assert.deepEqual(crlf.r.kinds, ['chrome', 'blank', 'body', 'blank', 'body', 'blank', 'body']);
  // lines that kept a stray \r are still judged by their text
  const stray = classifyChrome({ lines: [P1 + '\r', '\r', P2 + '\r'], headerLine: null, title: null, corpusFiles: 1 });
  assert.deepEqual(stray.kinds, ['body', 'blank', 'body']);

  const huge = 'The committee said that the proposal would be reviewed again. '.repeat(3300).slice(0, 200_000);
  const h = classifyChrome({ lines: ['Home', huge, 'Contact us'], headerLine: null, title: null, corpusFiles: 1, recurrence: () => 0 });
  assert.deepEqual(h.kinds, ['chrome', 'body', 'chrome']);
  const nasty = classifyChrome({ lines: ['A.'.repeat(100_000), '('.repeat(200_000), 'By ' + 'Ab '.repeat(60_000)], headerLine: null, title: null, corpusFiles: 1 });
  assert.equal(nasty.kinds.length, 3);

  const many: string[] = [];
  for (let i = 0; i < 5000; i++) many.push(i % 3 === 0 ? 'Home' : i % 3 === 1 ? P1 : '');
  const m = classifyChrome({ lines: many, headerLine: null, title: null, corpusFiles: 1 });
  assert.equal(m.kinds.length, 5000);
  assertScalesLinearly((k) => {
    const lines: string[] = [];
    for (let i = 0; i < 1500 * k; i++) lines.push(i % 3 === 0 ? 'Home' : i % 3 === 1 ? P1 : '');
    classifyChrome({ lines, headerLine: null, title: null, corpusFiles: 1 });
  });
});

test('a throwing recurrence function or cancellation does not throw', () => {
  const lines = [P1, '', P2];
  const r = classifyChrome({ lines, headerLine: null, title: null, corpusFiles: 5, recurrence: () => { throw new Error('x'); } });
  assert.deepEqual(r.kinds, ['body', 'blank', 'body']);
  const c = classifyChrome({ lines, headerLine: null, title: null, corpusFiles: 1 }, () => true);
  assert.equal(c.kinds.length, 3);
});

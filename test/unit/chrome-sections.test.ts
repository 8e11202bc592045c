/** Where the article ends: comment sections, share bars and what follows the story. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyChrome } from '../../server/src/service/chrome/classifier';
import { splitLines } from '../../server/src/service/text/lines';
import type { ChromeResult } from '../../server/src/service/types';
import { assertScalesLinearly } from '../linearity';

const P1 = 'The city council voted on Tuesday to approve a new budget that raises spending on schools and public transport by a fifth over the next two years.';
const P2 = 'Officials said the plan would be paid for by a combination of higher property taxes and savings from the closure of two municipal offices in the old town.';
const P3 = 'Opposition members argued that the increase was too large and that residents had not been given enough time to comment on the proposal before the vote.';
const P4 = 'The mayor is expected to sign the budget into law next week, after which the first payments to schools are due to begin in the spring of next year.';
const C1 = 'I really think the council should have spent more of this money on the roads, which have been in a terrible state for years now and nobody cares.';
const C2 = 'Agreed, but the schools needed it more, and the transport money will help the people who cannot afford a car in the first place, as I have said before.';
const C3 = 'This is the third budget in a row that raises taxes on homeowners while the services we get in return keep getting worse, and I for one am tired of it.';

function classify(lines: string[]): ChromeResult {
  return classifyChrome({ lines, headerLine: null, title: null, corpusFiles: 1 });
}

function kindOf(lines: string[], r: ChromeResult, text: string): string {
  const i = lines.findIndex((l) => l.trim() === text);
  assert.ok(i >= 0, `fixture has line ${text}`);
  return r.kinds[i];
}

function split(text: string): string[] {
  return splitLines(text).map((l) => l.text);
}

test('a comment count above the article does not stop the share bar below it from ending the article', () => {
  const lines = split(['12 Comments', '', P1, '', P2, '', P3, '', P4, '', 'Share:', 'Facebook', '', 'Jim', C1, '', 'Ann', C2, '', 'Bob', C3].join('\n'));
  const r = classify(lines);
  for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(lines, r, p), 'body');
  for (const c of [C1, C2, C3]) assert.equal(kindOf(lines, r, c), 'chrome');
});

const L1 = 'The regional rail operator announced on Monday that it would cut services on three rural lines from next month, blaming a shortage of drivers.';
const L2 = 'Residents of the northern valley have complained for years about the state of the only road into town, and the council has now promised to act.';

test('teaser ledes under a related-stories heading after the article are chrome', () => {
  const lines = split([P1, '', P2, '', P3, '', P4, '', L2, '', 'You may also like', '', 'Rail services cut on rural lines', L1, 'Read more'].join('\n'));
  const r = classify(lines);
  for (const p of [P1, P2, P3, P4, L2]) assert.equal(kindOf(lines, r, p), 'body');
  assert.equal(kindOf(lines, r, L1), 'chrome');
});

test('a related-articles box set into the middle of the article does not end it', () => {
  const lines = split([P1, '', P2, '', 'Related articles', 'Rail services cut on rural lines', 'Valley road to be rebuilt', '', P3, '', P4].join('\n'));
  const r = classify(lines);
  for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(lines, r, p), 'body');
  assert.equal(kindOf(lines, r, 'Related articles'), 'chrome');
});

test('an author bio after the article is chrome even when its title is capitalised and it runs long', () => {
  const bio = 'Maria Lopez is Senior Editor for Example News and is based in the New York City area, where she has covered housing, transport and city politics for more than a decade, after starting out as a reporter on a regional paper in the north of the state and later working as a correspondent in Washington for six years.';
  const lines = split([P1, '', P2, '', P3, '', P4, '', 'Maria Lopez', bio].join('\n'));
  const r = classify(lines);
  for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(lines, r, p), 'body');
  assert.equal(kindOf(lines, r, bio), 'chrome');
});

test('a list of lower-case items between article paragraphs stays article', () => {
  const things = ['tent poles', 'a groundsheet', 'dry bags', 'a map', 'a compass', 'batteries', 'a head torch', 'plasters', 'a water filter', 'spare socks'];
  const uses = ['for the first night', 'for wet weather', 'in a side pocket', 'for the steep ascent', 'in case of delays', 'for the return trip'];
  // a long checklist: sixty items, longer than the prose before it
  const items = things.flatMap((t) => uses.map((u) => `${t[0].toUpperCase()}${t.slice(1)} to keep ${u}`));
  const lines = split([P1, '', P2, '', 'Pack the following before you leave home.', '', ...items, '', P3, '', P4].join('\n'));
  const r = classify(lines);
  for (const t of [P1, P2, P3, P4, ...items]) assert.equal(kindOf(lines, r, t), 'body');
});

test('an article rendered twice keeps its first copy whole, short lines included, and drops the second', () => {
  const article = ['Budget Vote in the Council', '', P1, '', 'Schools will get more money', 'Buses will run more often', 'Two offices will close', '', P2, '', 'What comes next', '', P3, '', P4];
  const lines = split(['Home', 'News', 'Sport', '', ...article, '', 'Share', '', ...article, '', 'Contact us'].join('\n'));
  const r = classify(lines);
  const first = (t: string) => r.kinds[lines.findIndex((l) => l.trim() === t)];
  const last = (t: string) => r.kinds[lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim() === t)];
  for (const t of [P1, P2, P3, P4, 'Schools will get more money', 'Buses will run more often', 'Two offices will close', 'What comes next']) {
    assert.equal(first(t), 'body', t);
    assert.equal(last(t), 'chrome', t);
  }
});

test('a carousel repeated on the page keeps its repeats: it holds little of the page prose', () => {
  const T1 = 'I have listened to every episode of this show and it has changed how I think about sleep and exercise, so thank you for all of it.';
  const carousel = ['Jane D', T1, 'Mark P', 'Great show'];
  const lines = split([P1, '', P2, '', P3, '', P4, '', L1, '', L2, '', ...carousel, '', ...carousel].join('\n'));
  const r = classify(lines);
  for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(lines, r, p), 'body');
  assert.equal(r.kinds[lines.findIndex((l) => l.trim() === 'Great show')], 'chrome');
});

test('the headline links under a related-articles heading inside the article are chrome; the story after them is body', () => {
  const lines = split([P1, '', P2, '', 'Related articles', 'Rail services cut on rural lines', 'Valley road to be rebuilt', '', P3, '', P4].join('\n'));
  const r = classify(lines);
  for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(lines, r, p), 'body');
  for (const h of ['Rail services cut on rural lines', 'Valley road to be rebuilt']) assert.equal(kindOf(lines, r, h), 'chrome', h);
});

test('an article rendered twice in scrambled order is judged in linear time', () => {
  assertScalesLinearly((k) => {
    const paras: string[] = [];
    for (let i = 0; i < 1000 * k; i++) paras.push(`Paragraph ${i} of the report says that the council has voted on the budget for the year, and that the schools will get more of it than they did before.`);
    // each paragraph's copy sits at a different distance from it: every one is a first copy of its own
    const lines = [...paras, '', ...[...paras].reverse()];
    classify(lines);
  });
});

test('a `More from <author or site>` heading after the article ends it: the teaser under it is chrome', () => {
  const lines = split([P1, '', P2, '', P3, '', P4, '', 'More from Maria Lopez', '', 'Rail services cut on rural lines', L1].join('\n'));
  const r = classify(lines);
  for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(lines, r, p), 'body');
  assert.equal(kindOf(lines, r, 'More from Maria Lopez'), 'chrome');
  assert.equal(kindOf(lines, r, L1), 'chrome');
});

test('an author-box heading (`Written by`) after the article ends it; the same heading above the article does not', () => {
  const bio = 'Maria Lopez has lived in the valley for twenty years and grew up on a farm near the river, where her family still keeps sheep and goats.';
  const after = split([P1, '', P2, '', P3, '', P4, '', 'Written by', 'Maria Lopez', bio].join('\n'));
  const r1 = classify(after);
  for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(after, r1, p), 'body');
  assert.equal(kindOf(after, r1, bio), 'chrome');
  const before = split(['Written by', 'Maria Lopez', '', P1, '', P2, '', P3, '', P4].join('\n'));
  const r2 = classify(before);
  for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(before, r2, p), 'body');
});

test('the page\'s closing widgets (a feedback question, post navigation, a sign-off) end the article', () => {
  const promo = 'Our advisers have helped thousands of families plan their budgets, and the first call is free, so book a time that suits you and we will be in touch.';
  for (const widget of [['Was this page helpful?', 'Yes', 'No'], ['Previous post', 'Rail services cut on rural lines', 'Next post', 'Valley road to be rebuilt'], ['PrevPreviousRail services cut on rural lines', 'NextValley road to be rebuilt'], ['« Previous', 'Next »'], ['Thanks for reading The Weekly Budget! Subscribe for free to receive new posts and support my work.']]) {
    const lines = split([P1, '', P2, '', P3, '', P4, '', ...widget, '', promo].join('\n'));
    const r = classify(lines);
    for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(lines, r, p), 'body', widget[0]);
    assert.equal(kindOf(lines, r, promo), 'chrome', widget[0]);
  }
});

test('a sentence of the article that starts like post navigation does not end it', () => {
  const s = 'Next, the article of the new law says that the council must publish its accounts every year.';
  const lines = split([P1, '', P2, '', s, '', P3, '', P4].join('\n'));
  const r = classify(lines);
  for (const p of [P1, P2, s, P3, P4]) assert.equal(kindOf(lines, r, p), 'body');
  const t = 'Previous posts in this series looked at the budgets of the three largest cities in the region.';
  const lines2 = split([P1, '', P2, '', t, '', P3, '', P4].join('\n'));
  const r2 = classify(lines2);
  for (const p of [P1, P2, t, P3, P4]) assert.equal(kindOf(lines2, r2, p), 'body');
});

test('`Explore more`, `Keep reading`, `In case you missed it` and the like head a list of other stories after the article', () => {
  for (const heading of ['Explore more', 'Keep reading', 'Related resources', 'Other articles you may find interesting', 'In case you missed it', 'Read this next', 'Trending now', 'More stories about the city']) {
    const lines = split([P1, '', P2, '', P3, '', P4, '', heading, '', 'Rail services cut on rural lines', L1].join('\n'));
    const r = classify(lines);
    for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(lines, r, p), 'body', heading);
    assert.equal(kindOf(lines, r, L1), 'chrome', heading);
  }
});

test('a heading the page also lists once in its contents stays article whatever short line follows it; a button under every item does not', () => {
  const lines = split([
    'In this guide', 'Best for small kitchens', 'Best on a budget', '',
    P1, '', P2, '',
    'Best for small kitchens', 'Acme Mini Blender', P3, 'Check price on Amazon', 'Price: $40', '',
    'Best on a budget', 'Basic Blender Two', P4, 'Check price on Amazon', 'Price: $25', '',
    'Best for smoothies', 'Vortex Pro', L1, 'Check price on Amazon', 'Price: $90', '', L2,
  ].join('\n'));
  const r = classify(lines);
  for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(lines, r, p), 'body');
  const at = (t: string, nth: number) => r.kinds[lines.map((l, i) => (l.trim() === t ? i : -1)).filter((i) => i >= 0)[nth]];
  assert.equal(at('Best for small kitchens', 1), 'body');
  assert.equal(at('Best on a budget', 1), 'body');
  for (let k = 0; k < 3; k++) assert.equal(at('Check price on Amazon', k), 'chrome');
});

test('a heading and the product it names, both listed in the summary at the top, stay article; a card\'s headline set twice does not', () => {
  const lines = split([
    'Our picks', 'Best for small kitchens', 'Acme Mini Blender', 'Best on a budget', 'Basic Blender Two', '',
    P1, '', P2, '',
    'Best for small kitchens', 'Acme Mini Blender', 'Price: $40', P3, '',
    'Best on a budget', 'Basic Blender Two', 'Price: $25', P4, '',
    'Rail services cut on rural lines', 'Rail services cut on rural lines', 'Price: $10', L1, '', L2,
  ].join('\n'));
  const r = classify(lines);
  const at = (t: string, nth: number) => r.kinds[lines.map((l, i) => (l.trim() === t ? i : -1)).filter((i) => i >= 0)[nth]];
  for (const p of [P1, P2, P3, P4]) assert.equal(kindOf(lines, r, p), 'body');
  for (const t of ['Best for small kitchens', 'Acme Mini Blender', 'Best on a budget', 'Basic Blender Two']) assert.equal(at(t, 1), 'body', t);
  for (const k of [0, 1]) assert.equal(at('Rail services cut on rural lines', k), 'chrome');
});

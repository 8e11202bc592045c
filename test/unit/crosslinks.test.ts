import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizedTokens, tokenize, normalizeWord, TOKEN_NAME, TOKEN_NUMBER, TOKEN_STOP } from '../../server/src/service/crosslinks/normalize';
import { americanize } from '../../server/src/service/crosslinks/spelling';
import { DEFAULT_MIN_SCORE, LOGIT_WEIGHTS, SCORE_FEATURES, scoreSentences } from '../../server/src/service/crosslinks/score';
import { onlyEquivalent, wordDiff } from '../../server/src/service/crosslinks/wordDiff';

const same = (a: string, b: string) => assert.deepEqual(normalizedTokens(a), normalizedTokens(b), `${a} = ${b}`);
const differ = (a: string, b: string) => assert.notDeepEqual(normalizedTokens(a), normalizedTokens(b), `${a} != ${b}`);

test('abbreviations: U.S. = US = United States, U.K. = UK, U.N. = UN; the pronoun us stays apart', () => {
  same('the U.S. Embassy', 'the US Embassy');
  same('The United States raised concerns', 'The U.S. raised concerns');
  same('U.K. officials', 'UK officials');
  same('the U.N. envoy', 'the UN envoy');
  same('the United Nations envoy', 'the U.N. envoy');
  differ('they told us', 'they told US');
  same('U.S.-Russia talks', 'US-Russia talks');
});

test('Unicode: NFKC, case, diacritics, quotes, apostrophes, dashes, no-break and zero-width spaces', () => {
  same('Türkiye', 'Turkiye');
  same('Erdoğan said', 'Erdogan said');
  same('\ufb01nance', 'finance'); // ligature
  same('\uff12\uff10\uff12\uff15', '2025'); // full-width digits
  same('Wash\u200bington', 'Washington');
  same('Moscow\u00a0embassy', 'Moscow embassy');
  same('the ministry’s statement', "the ministry's statement");
  same('Russia’s', 'Russia');
  same('“irritants”', '"irritants"');
  same('follow-up meeting', 'follow up meeting');
  same('a long\u2014winding road', 'a long - winding road');
  same('STABILIZE', 'stabilize');
});

test('British and American spelling', () => {
  for (const [uk, us] of [
    ['stabilise', 'stabilize'], ['stabilising', 'stabilizing'], ['normalisation', 'normalization'],
    ['organisations', 'organizations'], ['colour', 'color'], ['honoured', 'honored'], ['labour', 'labor'],
    ['centre', 'center'], ['centres', 'centers'], ['centred', 'centered'], ['kilometres', 'kilometers'],
    ['theatre', 'theater'], ['dialogue', 'dialog'], ['catalogues', 'catalogs'], ['travelled', 'traveled'],
    ['cancelling', 'canceling'], ['labelled', 'labeled'], ['programme', 'program'], ['defence', 'defense'],
    ['analyse', 'analyze'], ['fulfil', 'fulfill'], ['fibre', 'fiber'], ['ageing', 'aging'], ['grey', 'gray'],
  ]) {
    assert.equal(americanize(uk), americanize(us), `${uk} = ${us}`);
  }
});

test('spelling rules do not merge different words', () => {
  for (const [x, y] of [
    ['four', 'for'], ['hour', 'hor'], ['our', 'or'], ['your', 'yor'], ['pour', 'por'], ['tour', 'tor'],
    ['filled', 'filed'], ['refilled', 'refiled'], ['pilled', 'piled'], ['tilled', 'tiled'], ['prise', 'prize'],
    ['rise', 'size'], ['precise', 'prize'], ['timbre', 'timber'], ['rogue', 'rog'], ['vogue', 'vog'],
  ]) {
    assert.notEqual(normalizeWord(x), normalizeWord(y), `${x} != ${y}`);
  }
  differ('the rise', 'the size');
  differ('advertise', 'advise');
});

test('numbers stay distinct; formats and number words are folded', () => {
  differ('2.3 percent', '2.4 percent');
  differ('18 people', '19 people');
  differ('in 2016', 'in 2018');
  same('1,000 troops', '1000 troops');
  same('eight games', '8 games');
  same('2.3 per cent', '2.3 percent');
  same('2.3%', '2.3 percent');
  const t = tokenize('rates at 2.3 percent');
  assert.equal(t[2].norm, '2.3');
  assert.ok(t[2].flags & TOKEN_NUMBER);
});

test('tokens carry offsets into the original text and flags', () => {
  const text = 'For the talks, the U.S. delegation met Sonata Coulter in Türkiye.';
  const toks = tokenize(text);
  for (const t of toks) assert.ok(t.end > t.start && t.end <= text.length);
  const us = toks.find((t) => t.norm === 'us')!;
  assert.equal(text.slice(us.start, us.end), 'U.S.');
  const tk = toks.find((t) => t.norm === 'turkiye')!;
  assert.equal(text.slice(tk.start, tk.end), 'Türkiye');
  assert.ok(toks.find((t) => t.norm === 'coulter')!.flags & TOKEN_NAME);
  assert.ok(toks.find((t) => t.norm === 'the')!.flags & TOKEN_STOP);
  assert.ok(!(toks[0].flags & TOKEN_NAME), 'the capital of the first word says nothing');
  const merged = tokenize('The United States said')[1];
  assert.equal('The United States said'.slice(merged.start, merged.end), 'United States');
});

test('names: days, sentence adverbs and titles are not names; a figure after a comma is its own token', () => {
  const flagsOf = (text: string, norm: string) => tokenize(text).find((t) => t.norm === norm)!.flags;
  assert.ok(!(flagsOf('The talks resumed Tuesday in Istanbul.', 'tuesday') & TOKEN_NAME));
  assert.ok(!(flagsOf('Today the talks resumed.', 'today') & TOKEN_NAME));
  assert.ok(!(flagsOf('Instead, Darchiev said no.', 'instead') & TOKEN_NAME));
  assert.ok(!(flagsOf('The envoy met Mr Coulter.', 'mr') & TOKEN_NAME));
  assert.ok(flagsOf('The envoy met Mr Coulter.', 'coulter') & TOKEN_NAME);
  assert.ok(flagsOf("Germany's inflation rate rose.", 'germany') & TOKEN_NAME, 'a first word can be a name');
  same('Nelson,27, was retried', 'Nelson, 27, was retried');
  same('1,000 troops', '1000 troops');
});

// ---- the two sample seeds (000 and 003 in seeds/) --------------------------------------------

const SEED_PAIRS: [string, string, string][] = [
  [
    'State Department statement',
    '"The United States raised concerns regarding access to banking and contracted services as well as the need to ensure stable and sustainable staffing levels at the U.S. Embassy in Moscow," U.S. State Department said in a statement.',
    '"The United States raised concerns regarding access to banking and contracted services as well as the need to ensure stable and sustainable staffing levels at the US Embassy in Moscow," it said in a statement on Thursday.',
  ],
  [
    'constructive discussions',
    '"Through constructive discussions, both sides identified concrete initial steps to stabilize bilateral mission operations in these areas," it added.',
    '"Through constructive discussions, both sides identified concrete initial steps to stabilise bilateral mission operations in these areas," it added.',
  ],
  [
    'delegations',
    'For the talks in Istanbul, the U.S. delegation was led by Deputy Assistant Secretary of State for Russia and Central Europe Sonata Coulter, while the Russian side was headed by Ambassador Alexander Darchiev, director of the Russian Foreign Ministry’s North American Department.',
    'The US delegation was led by Deputy Assistant Secretary of State for Russia and Central Europe Sonata Coulter, while the Russian side was headed by Ambassador Alexander Darchiev, director of the Russian Foreign Ministry’s North American Department.',
  ],
  [
    'follow-up meeting',
    'Coulter and Darchiev agreed to hold a follow-up meeting in the near future, with details on the date, location and representation yet to be determined, according to the State Department.',
    'Coulter and Darchiev agreed to hold a follow-up meeting in the near future, with details on the date, location and representation yet to be determined, according to the State Department.',
  ],
];

test('the seeds\' shared statements score above the default threshold', () => {
  for (const [name, a, b] of SEED_PAIRS) {
    const d = scoreSentences(a, b);
    assert.ok(d.score >= DEFAULT_MIN_SCORE, `${name}: ${d.score}`);
    assert.ok(!d.numberConflict && !d.nameConflict, name);
  }
});

test('the seeds\' statements differ by the right words', () => {
  const quote = wordDiff(SEED_PAIRS[0][1], SEED_PAIRS[0][2]);
  assert.deepEqual(quote.filter((s) => s.kind === 'equivalent').map((s) => [s.text.trim(), s.other]), [['U.S.', 'US']]);
  assert.deepEqual(quote.filter((s) => s.kind === 'delete').map((s) => s.text.trim()), ['U.S. State Department']);
  assert.deepEqual(quote.filter((s) => s.kind === 'insert').map((s) => s.text.trim()), ['it', 'on Thursday']);

  const steps = wordDiff(SEED_PAIRS[1][1], SEED_PAIRS[1][2]);
  assert.deepEqual(steps.filter((s) => s.kind !== 'equal').map((s) => [s.kind, s.text.trim(), s.other]),
    [['equivalent', 'stabilize', 'stabilise']]);
  assert.ok(onlyEquivalent(steps));

  const deleg = wordDiff(SEED_PAIRS[2][1], SEED_PAIRS[2][2]);
  assert.deepEqual(deleg.filter((s) => s.kind === 'delete').map((s) => s.text.trim()), ['For the talks in Istanbul,']);
  assert.deepEqual(deleg.filter((s) => s.kind === 'equivalent').map((s) => s.other), ['The US']);

  const follow = wordDiff(SEED_PAIRS[3][1], SEED_PAIRS[3][2]);
  assert.deepEqual(follow.map((s) => s.kind), ['equal']);
});

test('word diff: the non-insert texts give back a exactly', () => {
  for (const [, a, b] of SEED_PAIRS) {
    for (const [x, y] of [[a, b], [b, a]]) {
      const segs = wordDiff(x, y);
      assert.equal(segs.filter((s) => s.kind !== 'insert').map((s) => s.text).join(''), x);
    }
  }
  assert.deepEqual(wordDiff('', 'new words'), [{ kind: 'insert', text: 'new words' }]);
});

test('containment: a sentence shortened by a clause still links to the full one', () => {
  const full = SEED_PAIRS[3][1];
  const short = 'Coulter and Darchiev agreed to hold a follow-up meeting in the near future, according to the State Department.';
  const d = scoreSentences(short, full);
  assert.ok(d.contained, `contained (score ${d.score})`);
  assert.ok(d.containment >= 0.97);
  const clause = 'The US delegation was led by Deputy Assistant Secretary of State for Russia and Central Europe Sonata Coulter.';
  assert.ok(scoreSentences(clause, SEED_PAIRS[2][1]).contained);
  // the photo caption replaces the names: not carried whole
  const caption = 'Officials agreed to hold a follow-up meeting in the near future, according to the State Department.';
  const c = scoreSentences(caption, full);
  assert.ok(!c.contained && c.score < DEFAULT_MIN_SCORE, `caption ${c.score}`);
});

test('near misses: same frame, a different figure or name, do not link', () => {
  const base = "Germany's inflation rate remained stable in February at 2.3 percent, preliminary data showed Friday.";
  for (const other of [
    "Germany's inflation rate remained stable in February at 2.4 percent, preliminary data showed Friday.",
    "Germany's inflation rate remained stable in March at 2.3 percent, preliminary data showed Friday.",
    "France's inflation rate remained stable in February at 2.3 percent, preliminary data showed Friday.",
  ]) {
    const d = scoreSentences(base, other);
    assert.ok(d.score < DEFAULT_MIN_SCORE && !d.contained, `${other}: ${d.score}`);
  }
  const meet = 'Coulter and Darchiev agreed to hold a follow-up meeting in the near future, according to the State Department.';
  const other = 'Coulter and Lavrov agreed to hold a follow-up meeting in the near future, according to the State Department.';
  const d = scoreSentences(meet, other);
  assert.ok(d.nameConflict && d.score < DEFAULT_MIN_SCORE && !d.contained, `name ${d.score}`);
  const years = scoreSentences(
    'Six real estate properties were illegally seized between 2016 and 2018, the ministry said.',
    'Six real estate properties were illegally seized between 2016 and 2019, the ministry said.',
  );
  assert.ok(years.numberConflict && years.score < DEFAULT_MIN_SCORE && !years.contained);
});

test('the model: one weight per feature plus a bias; equal sentences score 1', () => {
  assert.equal(LOGIT_WEIGHTS.length, SCORE_FEATURES.length + 1);
  for (const [, a] of SEED_PAIRS) assert.equal(scoreSentences(a, a).score, 1);
});

test('a figure added on one side costs more than an added adjective', () => {
  const base = 'The committee overcame a significant hurdle in the battle to create a trust fund for asbestos victims.';
  const fn = scoreSentences(base, base.replace('in the battle', 'in the long battle')).score;
  const fig = scoreSentences(base, base.replace('a trust fund', 'a $140 billion trust fund')).score;
  assert.ok(fig < fn, `${fig} < ${fn}`);
});

test('unrelated sentences score low', () => {
  const d = scoreSentences(SEED_PAIRS[0][1], SEED_PAIRS[2][1]);
  assert.ok(d.score < 0.4, String(d.score));
});

test('words that name members of a JavaScript object are words like any other', async () => {
  const { normalizeWord } = await import('../../server/src/service/crosslinks/normalize');
  const { americanize } = await import('../../server/src/service/crosslinks/spelling');
  for (const w of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
    assert.equal(typeof normalizeWord(w), 'string', w);
    assert.equal(americanize(w.toLowerCase()), w.toLowerCase());
  }
  assert.equal(normalizeWord('Constructor'), 'constructor');
});

// What a user sees coloured in the two sample seeds, and the edge cases around them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readSeed, spans, tokenizeText, hasScope, Token } from './tokenize';

const STRING = 'string.quoted.double.seed';
const SINGLE = 'string.quoted.single.seed';
const CUE = 'keyword.other.attribution-cue.seed';
const LABEL = 'entity.name.tag.label.seed';
const LIST = 'markup.list.numbered.seed';
const LIST_MARK = 'punctuation.definition.list.begin.seed';

async function seedLines(name: string): Promise<{ lines: string[]; tokens: Token[][] }> {
  const text = readSeed(name);
  return { lines: text.split('\n'), tokens: await tokenizeText(text) };
}

/** Tokens of the first line that contains `needle` (exactly equal if `whole`). */
function lineWith(seed: { lines: string[]; tokens: Token[][] }, needle: string, whole = false): Token[] {
  const i = seed.lines.findIndex((l) => (whole ? l === needle : l.includes(needle)));
  assert.notEqual(i, -1, `no line ${whole ? 'equal to' : 'containing'} ${JSON.stringify(needle)}`);
  return seed.tokens[i];
}

async function one(line: string): Promise<Token[]> {
  return (await tokenizeText(line))[0];
}

/** Concatenated text of all tokens carrying `scope`. */
function scoped(tokens: Token[], scope: string): string[] {
  return spans(tokens, scope);
}

describe('seed 000 (Anadolu-style page)', async () => {
  const seed = await seedLines('000_0de6c06a7072f844.txt');

  test('header: keyword, date and title on line 1', () => {
    const t = seed.tokens[0];
    assert.deepEqual(scoped(t, 'keyword.other.date.seed'), ['date']);
    assert.deepEqual(scoped(t, 'constant.numeric.date.seed'), ['2025-02-28']);
    assert.deepEqual(scoped(t, 'entity.name.section.title.seed'), [
      'US, Russia discuss stabilizing embassy operations in Istanbul talks',
    ]);
    assert.deepEqual(scoped(t, 'markup.heading.seed'), [
      'US, Russia discuss stabilizing embassy operations in Istanbul talks',
    ]);
    assert.ok(t.every((x) => hasScope(x, 'meta.header.seed')));
  });

  test('the title repeated on line 3 is plain text', () => {
    assert.ok(seed.tokens[2].every((x) => x.scopes.length === 0));
  });

  test('"The United States raised … in Moscow," is one double-quoted string, and "said" after it is a cue', () => {
    const t = lineWith(seed, '"The United States raised concerns');
    assert.deepEqual(scoped(t, STRING), [
      '"The United States raised concerns regarding access to banking and contracted services as well as the need to ensure stable and sustainable staffing levels at the U.S. Embassy in Moscow,"',
    ]);
    assert.deepEqual(scoped(t, 'punctuation.definition.string.begin.seed'), ['"']);
    assert.deepEqual(scoped(t, 'punctuation.definition.string.end.seed'), ['"']);
    assert.deepEqual(scoped(t, CUE), ['said']);
    assert.deepEqual(scoped(t, 'meta.attribution.seed'), [' U.S. State Department said in a statement.']);
  });

  test('"…," it added: cue after the quote', () => {
    const t = lineWith(seed, '"Through constructive discussions');
    assert.equal(scoped(t, STRING).length, 1);
    assert.deepEqual(scoped(t, CUE), ['added']);
  });

  test('mixed marks: "systemic problems … in Moscow.” is one string', () => {
    const t = lineWith(seed, 'would seek to resolve "systemic problems');
    const s = scoped(t, STRING);
    assert.equal(s.length, 1);
    assert.ok(s[0].startsWith('"systemic problems that have accumulated'));
    assert.ok(s[0].endsWith('American embassy in Moscow.”'));
    // "Lavrov said the talks …" is not right after or before a quote: no cue.
    assert.deepEqual(scoped(t, CUE), []);
  });

  test('mixed marks the other way round: “disrupt … begun," then an "adding" cue', () => {
    const t = lineWith(seed, 'Putin said that “part of Western elites');
    assert.deepEqual(scoped(t, STRING), [
      '“part of Western elites are still determined to maintain global instability”',
      '“disrupt or compromise the dialogue that has begun,"',
    ]);
    // "said that “" introduces the first quote; "adding" follows the second.
    assert.deepEqual(scoped(t, CUE), ['said', 'adding']);
  });

  test('two curly quotations around "Putin said." on one line', () => {
    const t = lineWith(seed, '“The first contacts with the new U.S. administration');
    assert.equal(scoped(t, STRING).length, 2);
    assert.deepEqual(scoped(t, CUE), ['said']);
    const plain = t.filter((x) => x.text.includes('Putin'));
    assert.ok(plain.every((x) => !hasScope(x, STRING)));
  });

  test('"said … according to" after a quote: both cues', () => {
    const t = lineWith(seed, "I'm sure that the agreements");
    assert.deepEqual(scoped(t, CUE), ['said', 'according to']);
  });

  test("'irritants' is a single-quoted string inside the double-quoted one", () => {
    const t = lineWith(seed, "numerous 'irritants' inherited");
    assert.deepEqual(scoped(t, SINGLE), ["'irritants'"]);
    const irritants = t.find((x) => x.text === 'irritants');
    assert.ok(irritants && hasScope(irritants, STRING) && hasScope(irritants, SINGLE));
    assert.deepEqual(scoped(t, CUE), ['said']);
  });

  test("apostrophes never open strings: each others' diplomats, Trump's, Thursday’s, Öcalan’s, I'm", () => {
    for (const needle of [
      "each others' diplomats",
      "President Donald Trump's call",
      'Speaking during Thursday’s meeting',
      '  3. Global reactions to Öcalan’s call',
      'Broad political support for Öcalan’s call',
      'Ministry’s North American Department',
    ]) {
      const t = lineWith(seed, needle);
      assert.deepEqual(scoped(t, SINGLE), [], needle);
    }
    // In the Thursday’s line the double-quoted spans must still end where the quotes end.
    const t = lineWith(seed, 'Speaking during Thursday’s meeting');
    assert.deepEqual(scoped(t, STRING), [
      '"pragmatism and realistic view”',
      '“stereotypes and messianic ideological cliches”',
    ]);
    // "I'm sure …": the apostrophe inside the quotation does not start a nested string.
    assert.deepEqual(scoped(lineWith(seed, 'I\'m sure that the agreements'), SINGLE), []);
  });

  test('‘Restoring relations and dialogue’ alone on a line is a single-quoted string', () => {
    assert.deepEqual(scoped(lineWith(seed, '‘Restoring relations and dialogue’', true), SINGLE), [
      '‘Restoring relations and dialogue’',
    ]);
  });

  test('numbered list items: the "  1. " marker', () => {
    const t = lineWith(seed, "  1. Türkiye enters 'new phase'");
    assert.deepEqual(scoped(t, LIST_MARK), ['1.']);
    assert.ok(t.every((x) => hasScope(x, LIST)), 'the whole item line is markup.list.numbered');
    assert.deepEqual(scoped(t, SINGLE), ["'new phase'"]);
    const marks = seed.tokens.flatMap((line) => scoped(line, LIST_MARK));
    assert.deepEqual(marks, ['1.', '2.', '3.', '4.', '5.']);
    // The indented image-alt copy under the item is not a list item.
    assert.deepEqual(scoped(lineWith(seed, "    Türkiye enters 'new phase'"), LIST), []);
  });

  test('ALL-CAPS labels: ISTANBUL, LATEST NEWS, and WORLD / ECONOMY / SPORTS before teaser headlines', () => {
    assert.deepEqual(scoped(lineWith(seed, 'ISTANBUL', true), LABEL), ['ISTANBUL']);
    assert.deepEqual(scoped(lineWith(seed, 'LATEST NEWS', true), LABEL), ['LATEST NEWS']);
    assert.deepEqual(scoped(lineWith(seed, 'WORLD Trump cuts short'), LABEL), ['WORLD']);
    assert.deepEqual(scoped(lineWith(seed, 'ECONOMY German inflation'), LABEL), ['ECONOMY']);
    assert.deepEqual(scoped(lineWith(seed, 'SPORTS Legal experts'), LABEL), ['SPORTS']);
    // Capitalised sentence starts are not labels.
    assert.deepEqual(scoped(lineWith(seed, 'U.S. President Donald Trump cut short'), LABEL), []);
    assert.deepEqual(scoped(lineWith(seed, 'US, Russia discuss stabilizing embassy operations in Istanbul talks', true), LABEL), []);
    assert.deepEqual(scoped(lineWith(seed, 'Recommended', true), LABEL), []);
  });

  test('a quote inside a teaser lede is still a string (it is chrome; the server decides that)', () => {
    assert.deepEqual(scoped(lineWith(seed, 'is "not ready" for peace'), STRING), ['"not ready"']);
  });

  test('"stated that “…" introduces a quote', () => {
    assert.deepEqual(scoped(lineWith(seed, 'in which he stated that'), CUE), ['stated']);
  });

  test('"said" in running text with no quote next to it is not a cue', () => {
    assert.deepEqual(scoped(lineWith(seed, 'Russia also said on Friday'), CUE), []);
    assert.deepEqual(scoped(lineWith(seed, 'Kremlin spokesman Dmitry Peskov said'), CUE), []);
  });
});

describe('seed 003 (TRT-style page)', async () => {
  const seed = await seedLines('003_35d470c25130c666.txt');

  test('header whose title is the section label WORLD', () => {
    const t = seed.tokens[0];
    assert.deepEqual(scoped(t, 'keyword.other.date.seed'), ['date']);
    assert.deepEqual(scoped(t, 'constant.numeric.date.seed'), ['2025-02-28']);
    assert.deepEqual(scoped(t, 'entity.name.section.title.seed'), ['WORLD']);
  });

  test('both State Department quotes are strings with "said" / "added" cues', () => {
    const a = lineWith(seed, '"The United States raised concerns');
    assert.equal(scoped(a, STRING).length, 1);
    assert.ok(scoped(a, STRING)[0].endsWith('at the US Embassy in Moscow,"'));
    assert.deepEqual(scoped(a, CUE), ['said']);
    const b = lineWith(seed, '"Through constructive discussions');
    assert.deepEqual(scoped(b, CUE), ['added']);
  });

  test("partial quotes in headlines are single-quoted strings; possessives are not", () => {
    assert.deepEqual(scoped(lineWith(seed, "UN calls for 'immediate unconditional'"), SINGLE), [
      "'immediate unconditional'",
    ]);
    assert.deepEqual(scoped(lineWith(seed, "Uruguay's Mujica"), SINGLE), ["'poorest president,'"]);
    assert.deepEqual(scoped(lineWith(seed, "EU targets Russia’s 'shadow'"), SINGLE), ["'shadow'"]);
    assert.deepEqual(scoped(lineWith(seed, "Trump's Arab ally"), SINGLE), []);
    assert.deepEqual(scoped(lineWith(seed, "Trump blasts Western war hawks and 'interventionists',"), SINGLE), [
      "'interventionists'",
    ]);
  });

  test('"1 min read", "February 28, 2025" and "Explore" get no scopes', () => {
    for (const l of ['1 min read', 'February 28, 2025', 'Explore', 'By Baba Umar']) {
      assert.ok(lineWith(seed, l, true).every((x) => x.scopes.length === 0), l);
    }
  });
});

describe('edge cases', () => {
  test('the header is recognised on the first line only', async () => {
    const lines = await tokenizeText(' date 2025-02-28 First\n\n date 2025-03-01 Second\ndate 2025-03-01 Third');
    assert.deepEqual(scoped(lines[0], 'keyword.other.date.seed'), ['date']);
    for (const i of [2, 3]) {
      assert.ok(lines[i].every((x) => x.scopes.length === 0), `line ${i + 1} must be plain`);
    }
  });

  test('a header without a leading space or without a title', async () => {
    const a = await one('date 2025-02-28 Title here');
    assert.deepEqual(scoped(a, 'entity.name.section.title.seed'), ['Title here']);
    const b = await one(' date 2025-02-28');
    assert.deepEqual(scoped(b, 'constant.numeric.date.seed'), ['2025-02-28']);
    assert.deepEqual(scoped(b, 'entity.name.section.title.seed'), []);
  });

  test('a malformed header date is marked invalid', async () => {
    for (const line of [' date 2025-2-28 Title', ' date 2025-13-01 Title', ' date 28.02.2025 Title']) {
      const t = await one(line);
      assert.equal(scoped(t, 'invalid.illegal.date.seed').length, 1, line);
      assert.deepEqual(scoped(t, 'constant.numeric.date.seed'), [], line);
    }
  });

  test('a file without a header: first line is ordinary text', async () => {
    const t = await one('US, Russia discuss stabilizing embassy operations');
    assert.ok(t.every((x) => x.scopes.length === 0));
  });

  test('an unbalanced quote ends at the end of its line', async () => {
    for (const open of ['"', '“', "'", '‘']) {
      const lines = await tokenizeText(`He said ${open}this is never closed\nNext line is plain.\n"Closed," she said.`);
      const scope = open === '"' || open === '“' ? STRING : SINGLE;
      assert.equal(scoped(lines[0], scope).length, 1, open);
      assert.ok(lines[1].every((x) => x.scopes.length === 0), `line after ${open} must be plain`);
      assert.deepEqual(scoped(lines[2], STRING), ['"Closed,"']);
      assert.deepEqual(scoped(lines[2], CUE), ['said']);
    }
  });

  test('single quotes: decades, elisions and plural possessives are not strings', async () => {
    for (const line of ["in the '90s and '80s", "the parents' and teachers' union", 'rock’n’roll', "O'Brien said"]) {
      assert.deepEqual(scoped(await one(line), SINGLE), [], line);
    }
    assert.deepEqual(scoped(await one("called it a 'new era's' start"), SINGLE), ["'new era's'"]);
  });

  test('a cue after a quote stops at the end of the sentence', async () => {
    const t = await one('"Yes," he said. Later the minister said nothing.');
    assert.deepEqual(scoped(t, CUE), ['said']);
  });

  test("British-style single quotes: 'We will win,' he said. — a cue; a plural possessive is not a quote", async () => {
    const a = await one("'We will win,' he said. Then he said more.");
    assert.deepEqual(scoped(a, SINGLE), ["'We will win,'"]);
    assert.deepEqual(scoped(a, CUE), ['said']);
    assert.deepEqual(scoped(await one("'Why?' she asked."), CUE), ['asked']);
    assert.deepEqual(scoped(await one("the parents' union said no"), CUE), []);
  });

  test('labels: known section words only; acronyms opening a sentence stay plain', async () => {
    assert.deepEqual(scoped(await one('MIDDLE EAST Israel intensifies Gaza bombings'), LABEL), ['MIDDLE EAST']);
    assert.deepEqual(scoped(await one('NATO Secretary General Mark Rutte said'), LABEL), []);
    assert.deepEqual(scoped(await one('ANKARA (AA) - Turkish officials met'), LABEL), ['ANKARA']);
    assert.deepEqual(scoped(await one('WASHINGTON — The talks resumed'), LABEL), ['WASHINGTON']);
    assert.deepEqual(scoped(await one('  BREAKING NEWS  '), LABEL), ['BREAKING NEWS']);
    assert.deepEqual(scoped(await one('A'), LABEL), []);
    assert.deepEqual(scoped(await one('ONE TWO THREE FOUR FIVE'), LABEL), [], 'more than four words is not a label');
  });

  test('list markers need a following space; "1 min read" and "2.3 percent" are not lists', async () => {
    assert.deepEqual(scoped(await one('1 min read'), LIST), []);
    assert.deepEqual(scoped(await one('2.3 percent inflation'), LIST), []);
    assert.deepEqual(scoped(await one('12. Twelfth item'), LIST_MARK), ['12.']);
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SentenceIndex, WalkCounts } from '../../server/src/service/crosslinks/sentenceIndex';
import { wordDiff } from '../../server/src/service/crosslinks/wordDiff';
import { pairDetail, scoreSentences, sequenceKey, toSeq } from '../../server/src/service/crosslinks/score';
import { tokenize } from '../../server/src/service/crosslinks/normalize';
import { textHash } from '../../server/src/service/text/hash';
import type { Sentence } from '../../server/src/service/types';

/** Sentences as a document would hold them, one per line (offsets are those of that layout). */
function sentences(texts: readonly string[], firstIndex = 0): Sentence[] {
  let start = 0;
  return texts.map((text, k) => {
    const s = { index: firstIndex + k, line: k, start, end: start + text.length, text };
    start += text.length + 1;
    return s;
  });
}

// body sentences of the two sample seeds (checked against seeds/ below)
const S000 = [
  'Russian and U.S. diplomats met in Istanbul on Thursday to discuss\u00a0normalizing\u00a0the operation of their respective embassies after years expelling each others\' diplomats.',
  '"The United States raised concerns regarding access to banking and contracted services as well as the need to ensure stable and sustainable staffing levels at the U.S. Embassy in Moscow," U.S. State Department said in a statement.',
  '"Through constructive discussions, both sides identified concrete initial steps to stabilize bilateral mission operations in these areas," it added.',
  'Russia also said on Friday it had suggested to the U.S. resuming direct flights between the two countries during talks in Istanbul.',
  'Moscow had no immediate comments after the negotiations, which Russian news agencies said lasted for over six hours.',
  'For the talks in Istanbul, the U.S. delegation was led by Deputy Assistant Secretary of State for Russia and Central Europe Sonata Coulter, while the Russian side was headed by Ambassador Alexander Darchiev, director of the Russian Foreign Ministry’s North American Department.',
  'Coulter and Darchiev agreed to hold a follow-up meeting in the near future, with details on the date, location and representation yet to be determined, according to the State Department.',
  'Ties between Moscow and Washington plummeted to their lowest levels since the Cold War after Russia illegally annexed Crimea from Ukraine in 2014 and invaded Ukraine in 2022.',
];
const S003 = [
  'US and Russian delegations met in Istanbul, Türkiye to identify initial steps to stabilise operations of their diplomatic missions, said the US State Department.',
  '"The United States raised concerns regarding access to banking and contracted services as well as the need to ensure stable and sustainable staffing levels at the US Embassy in Moscow," it said in a statement on Thursday.',
  '"Through constructive discussions, both sides identified concrete initial steps to stabilise bilateral mission operations in these areas," it added.',
  'The discussions followed a meeting in Riyadh, Saudi Arabia on February 18, where both sides agreed to initiate talks on issues affecting their respective diplomatic missions.',
  'The US delegation was led by Deputy Assistant Secretary of State for Russia and Central Europe Sonata Coulter, while the Russian side was headed by Ambassador Alexander Darchiev, director of the Russian Foreign Ministry’s North American Department.',
  'Coulter and Darchiev agreed to hold a follow-up meeting in the near future, with details on the date, location and representation yet to be determined, according to the State Department.',
];
const A = 'file:///seeds/000_0de6c06a7072f844.txt';
const B = 'file:///seeds/003_35d470c25130c666.txt';

test('the fixture sentences are those of the sample seeds', () => {
  const dir = path.resolve(__dirname, '../../seeds');
  const t000 = fs.readFileSync(path.join(dir, '000_0de6c06a7072f844.txt'), 'utf8');
  const t003 = fs.readFileSync(path.join(dir, '003_35d470c25130c666.txt'), 'utf8');
  for (const s of S000) assert.ok(t000.includes(s), s);
  for (const s of S003) assert.ok(t003.includes(s), s);
});

test('the two seeds link their four shared statements, and nothing else', () => {
  const index = new SentenceIndex();
  index.setFile(A, sentences(S000));
  index.setFile(B, sentences(S003));
  assert.equal(index.fileCount, 2);
  assert.equal(index.sentenceCount, S000.length + S003.length);

  const links = index.matchesFor(A);
  assert.deepEqual(links.map((l) => [l.sentence.index, l.target.sentence.index, l.target.uri]), [
    [1, 1, B], [2, 2, B], [5, 4, B], [6, 5, B],
  ]);
  for (const l of links) assert.equal(l.relation, 'same');
  assert.equal(links.find((l) => l.sentence.index === 6)!.score, 1);

  // the other way round
  assert.deepEqual(index.matchesFor(B).map((l) => [l.sentence.index, l.target.sentence.index, l.target.uri]), [
    [1, 1, A], [2, 2, A], [4, 5, A], [5, 6, A],
  ]);

  // the differing words of the links, for the hover
  const diffOf = (k: number) => {
    const l = links.find((x) => x.sentence.index === k)!;
    return wordDiff(l.sentence.text, l.target.sentence.text).filter((s) => s.kind !== 'equal')
      .map((s) => `${s.kind}:${s.text.trim()}${s.other ? `/${s.other}` : ''}`);
  };
  assert.deepEqual(diffOf(2), ['equivalent:stabilize/stabilise']);
  assert.ok(diffOf(1).includes('equivalent:U.S./US'));
});

test('matchesForSentence gives one sentence\'s links; short or unknown sentences give none', () => {
  const index = new SentenceIndex();
  index.setFile(A, sentences([...S000, 'It added more.']));
  index.setFile(B, sentences(S003));
  const m = index.matchesForSentence(A, 2)!;
  assert.equal(m.totalFiles, 1);
  assert.equal(m.links[0].target.sentence.text, S003[2]);
  assert.deepEqual(index.matchesForSentence(A, 0), { sentence: sentences(S000)[0], links: [], totalFiles: 0 });
  assert.equal(index.matchesForSentence(A, S000.length), undefined, 'too short to index');
  assert.equal(index.matchesForSentence('file:///nope.txt', 0), undefined);
});

test('a sentence carried whole by a longer one links as contains / containedIn', () => {
  const index = new SentenceIndex();
  const short = 'Coulter and Darchiev agreed to hold a follow-up meeting in the near future, according to the State Department.';
  index.setFile(A, sentences([S000[6]]));
  index.setFile(B, sentences([short, 'Officials agreed to hold a follow-up meeting in the near future, according to the State Department.']));
  const fromB = index.matchesFor(B);
  assert.equal(fromB.length, 1);
  assert.equal(fromB[0].sentence.text, short);
  assert.equal(fromB[0].relation, 'containedIn');
  assert.equal(index.matchesFor(A)[0].relation, 'contains');
  assert.equal(new SentenceIndex({ containment: false }).matchesFor(A).length, 0);
});

test('near misses in the corpus are not linked', () => {
  const index = new SentenceIndex();
  index.setFile(A, sentences(["Germany's inflation rate remained stable in February at 2.3 percent, preliminary data showed Friday."]));
  index.setFile(B, sentences(["Germany's inflation rate remained stable in February at 2.4 percent, preliminary data showed Friday."]));
  index.setFile('file:///c.txt', sentences(["France's inflation rate remained stable in February at 2.3 percent, preliminary data showed Friday."]));
  assert.deepEqual(index.matchesFor(A), []);
  index.setFile('file:///d.txt', sentences(["Germany's inflation rate remained stable in February at 2.3 per cent, preliminary data showed Friday."]));
  assert.deepEqual(index.matchesFor(A).map((l) => l.target.uri), ['file:///d.txt']);
});

test('incremental: setFile replaces, removeFile removes, a rename is remove + set', () => {
  const index = new SentenceIndex();
  index.setFile(A, sentences(S000));
  index.setFile(B, sentences(S003));
  const v = index.version;
  assert.equal(index.matchesFor(A).length, 4);

  // B edited: the quote sentences dropped, the rest kept
  index.setFile(B, sentences([S003[0], S003[3], S003[4], S003[5]]));
  assert.ok(index.version > v);
  assert.deepEqual(index.matchesFor(A).map((l) => [l.sentence.index, l.target.sentence.index]), [[5, 2], [6, 3]]);
  assert.equal(index.sentenceCount, S000.length + 4);

  // B edited again: the follow-up meeting gets a different date and name
  index.setFile(B, sentences([S003[4], S003[5].replace('Darchiev', 'Lavrov')]));
  assert.deepEqual(index.matchesFor(A).map((l) => l.sentence.index), [5]);

  // removed
  index.removeFile(B);
  assert.equal(index.fileCount, 1);
  assert.equal(index.sentenceCount, S000.length);
  assert.deepEqual(index.matchesFor(A), []);
  assert.deepEqual(index.matchesFor(B), []);

  // renamed: B comes back as C
  const C = 'file:///seeds/renamed.txt';
  index.setFile(B, sentences(S003));
  index.removeFile(B);
  index.setFile(C, sentences(S003));
  assert.deepEqual([...new Set(index.matchesFor(A).map((l) => l.target.uri))], [C]);
  assert.equal(index.matchesFor(C).length, 4);
  assert.equal(index.fileCount, 2);

  // compaction keeps the answers
  const before = JSON.stringify(index.matchesFor(A));
  index.compact();
  assert.equal(JSON.stringify(index.matchesFor(A)), before);
});

/** A file's links as a live index answers them: per sentence, its file count and each link's target, score and relation. */
function liveLinks(index: SentenceIndex, uri: string) {
  return index.fileMatches(uri).map((m) => ({
    sentence: m.sentence.index,
    totalFiles: m.totalFiles,
    links: m.links.map((l) => [l.target.uri, l.target.sentence.index, l.score, l.relation]),
  }));
}

/** The same, read from a frozen copy (`source` is the index it was frozen from, which holds the sentences). */
function frozenLinks(frozen: SentenceIndex, source: SentenceIndex, uri: string) {
  return frozen.fileLinkIds(source.fileIdOf(uri)).map((m) => ({
    sentence: source.sentenceOf(m.sid)!.index,
    totalFiles: m.totalFiles,
    links: m.links.map((l) => [frozen.fileUriOf(frozen.fileOfSid(l.target))!, source.sentenceOf(l.target)!.index, l.score, l.relation]),
  }));
}

test('fan-out: a sentence in many files is summarised by a count and the top links', () => {
  const index = new SentenceIndex({ maxFanOut: 20 });
  const shared = 'The ministry also said that Russia raised the issue of its diplomatic property in the US, specifically six real estate properties.';
  for (let k = 0; k < 30; k++) {
    const variant = k % 3 === 0 ? shared.replace('US', 'U.S.') : shared;
    index.setFile(`file:///f${k}.txt`, sentences([variant, `Unrelated sentence number ${k} about weather patterns over the Bosphorus strait today.`]));
  }
  const m = index.matchesForSentence('file:///f1.txt', 0)!;
  assert.equal(m.totalFiles, 29);
  assert.equal(m.links.length, 20);
  for (let k = 1; k < m.links.length; k++) assert.ok(m.links[k - 1].score >= m.links[k].score);
  assert.ok(!m.links.some((l) => l.target.uri === 'file:///f1.txt'), 'no link to its own file');
  assert.equal(index.matchesFor('file:///f1.txt').length, 20);
  assert.equal(new SentenceIndex({ maxFanOut: 3 }).maxFanOut, 3);
});

for (const inSharedMemory of [false, true]) test(`a frozen copy read in another thread gives the same links, as ids${inSharedMemory ? ' (index in shared memory)' : ''}`, () => {
  const index = new SentenceIndex({ maxFanOut: 5, shared: inSharedMemory });
  index.setFile(A, sentences(S000));
  index.setFile(B, sentences(S003));
  const shared = 'The ministry also said that Russia raised the issue of its diplomatic property in the US, specifically six real estate properties.';
  for (let k = 0; k < 8; k++) index.setFile(`file:///f${k}.txt`, sentences([k % 2 ? shared : shared.replace('US', 'U.S.'), S000[k % S000.length]]));
  index.removeFile('file:///f3.txt');
  // what a worker thread receives: a structured clone (the typed arrays are shared, not copied)
  const frozen = SentenceIndex.fromFrozen(structuredClone(index.freeze()));
  let linked = 0;
  for (const uri of [A, B, 'file:///f0.txt', 'file:///f5.txt', 'file:///f3.txt']) {
    const expected = liveLinks(index, uri);
    assert.deepEqual(frozenLinks(frozen, index, uri), expected, uri);
    linked += expected.length;
  }
  assert.ok(linked >= 10, 'the corpus has links to compare');
});

test('an index with deferred postings, frozen, gives the links of a live one (copies scored and walked once)', () => {
  const live = new SentenceIndex({ maxFanOut: 5 });
  const deferred = new SentenceIndex({ maxFanOut: 5, shared: true, deferPostings: true });
  const shared = 'The ministry also said that Russia raised the issue of its diplomatic property in the US, specifically six real estate properties.';
  const files: [string, Sentence[]][] = [[A, sentences(S000)], [B, sentences(S003)]];
  // copies of the same sentences in many files, and the same sentence twice in one file
  for (let k = 0; k < 12; k++) files.push([`file:///f${k}.txt`, sentences([k % 3 ? shared : shared.replace('US', 'U.S.'), S000[k % S000.length], S003[k % S003.length], shared])]);
  for (const [uri, s] of files) {
    live.setFile(uri, s);
    deferred.setFile(uri, s);
  }
  assert.throws(() => deferred.fileLinkIds(0), /freeze/);
  const frozen = SentenceIndex.fromFrozen(structuredClone(deferred.freeze()));
  let linked = 0;
  for (const [uri] of files) {
    const expected = liveLinks(live, uri);
    assert.deepEqual(frozenLinks(frozen, deferred, uri), expected, uri);
    linked += expected.length;
  }
  assert.ok(linked >= 30, 'the corpus has links to compare');
});

test('a pair scores the same from either side and in either file order, live and frozen', () => {
  // a clause moved to the end: aligned in the order given, the two directions score apart
  const a = 'The mayor said residents and the city and its partners had bold plans to rebuild districts like Harbourside.';
  const b = 'Residents, businesses and their partners had bold plans to rebuild areas like Harbourside, the mayor said.';
  assert.notEqual(scoreSentences(a, b).score, scoreSentences(b, a).score, 'the fixture is a pair whose alignment depends on the order');
  const scores: number[] = [];
  for (const [first, second] of [[a, b], [b, a]]) {
    const index = new SentenceIndex({ shared: true });
    index.setFile('file:///x.txt', sentences([first]));
    index.setFile('file:///y.txt', sentences([second]));
    S000.forEach((text, k) => index.setFile(`file:///other${k}.txt`, sentences([text])));
    const [x] = index.matchesFor('file:///x.txt');
    const [y] = index.matchesFor('file:///y.txt');
    assert.equal(x.score, y.score);
    // two frozen copies, as two link workers hold them: one score table between them
    const data = index.freeze();
    const one = SentenceIndex.fromFrozen(structuredClone(data)), two = SentenceIndex.fromFrozen(structuredClone(data));
    assert.equal(one.fileLinkIds(index.fileIdOf('file:///x.txt'))[0].links[0].score, x.score);
    assert.equal(two.fileLinkIds(index.fileIdOf('file:///y.txt'))[0].links[0].score, x.score);
    scores.push(x.score);
  }
  assert.equal(scores[0], scores[1]);
  const vocab = new Map<string, number>();
  const key = (s: string) => { const t = tokenize(s); return sequenceKey(t.length, (k) => textHash(t[k].norm), (k) => t[k].flags); };
  const [sa, sb] = [toSeq(tokenize(a), vocab), toSeq(tokenize(b), vocab)];
  assert.equal(pairDetail(sa, key(a), sb, key(b)).score, pairDetail(sb, key(b), sa, key(a)).score);
});

test('a walk counts the sentences it meets in the order met, in a small index and a large one', () => {
  // postings as a walk meets them: runs of near sids, repeats, and sids far apart
  let seed = 7;
  const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  const walks = [0, 1, 5, 300, 5000].map((n) => Array.from({ length: n }, () => (rnd(3) ? rnd(40) : rnd(2_000_000))));
  for (const sidCount of [2_000_000, 1 << 10]) {
    const met = new WalkCounts();
    for (const walk of walks) {
      const inRange = walk.map((sid) => sid % sidCount);
      const expected = new Map<number, number>();
      for (const sid of inRange) expected.set(sid, (expected.get(sid) ?? 0) + 1);
      met.start(sidCount > 1 << 20 ? 4 : inRange.length, sidCount); // a table too small at first grows
      for (const sid of inRange) met.add(sid);
      assert.deepEqual([...met.sids.subarray(0, met.size)], [...expected.keys()], `order, ${sidCount} sids, walk of ${walk.length}`);
      assert.deepEqual([...met.counts.subarray(0, met.size)], [...expected.values()]);
    }
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from '../../server/src/service/text/lines';
import { parseHeader } from '../../server/src/service/text/header';
import { splitLineSentences } from '../../server/src/service/text/sentences';
import { INVISIBLE_RE, findInvisibles, invisibleName } from '../../server/src/service/text/invisible';

test('lines split on \\n, \\r\\n and \\r alike, keeping offsets and breaks', () => {
  const lines = splitLines('a\r\nbb\rc\n\nd');
  assert.deepEqual(lines.map((l) => l.text), ['a', 'bb', 'c', '', 'd']);
  assert.deepEqual(lines.map((l) => l.eol), ['\r\n', '\r', '\n', '\n', '']);
  assert.deepEqual(lines.map((l) => l.start), [0, 3, 6, 8, 9]);
  assert.equal(splitLines('').length, 1);
  assert.deepEqual(splitLines('x\n').map((l) => l.text), ['x', '']);
});

test('header: date and title of a valid header', () => {
  const [line] = splitLines(' date 2025-02-28 US, Russia discuss stabilizing embassy operations');
  const h = parseHeader(line);
  if (h.kind !== 'valid') return assert.fail('expected a valid header');
  assert.equal(h.header.date, '2025-02-28');
  assert.equal(h.header.title, 'US, Russia discuss stabilizing embassy operations');
  assert.equal(h.header.dateSpan.start, 6);
});

test('header: an impossible date is malformed, a plain first line is no header', () => {
  for (const bad of [' date 2025-02-30 T', ' date 2025-13-01 T', ' date 28.02.2025 T', ' date 2025-2-28 T']) {
    assert.equal(parseHeader(splitLines(bad)[0]).kind, 'malformed', bad);
  }
  assert.equal(parseHeader(splitLines(' date 2024-02-29 Leap')[0]).kind, 'valid');
  assert.equal(parseHeader(splitLines('Skip to content')[0]).kind, 'none');
  assert.equal(parseHeader(splitLines('date night ideas for couples')[0]).kind, 'none');
});

test('sentences: abbreviations, initials and decimals do not end a sentence', () => {
  const [line] = splitLines('Dr. Smith met Donald J. Trump at 3 p.m. The talks lasted 2.5 hours. It is in the U.S. The end.');
  assert.deepEqual(
    splitLineSentences(line).map((s) => s.text),
    ['Dr. Smith met Donald J. Trump at 3 p.m.', 'The talks lasted 2.5 hours.', 'It is in the U.S.', 'The end.'],
  );
});

test('sentences: punctuation inside closing quotes ends the sentence; offsets point into the text', () => {
  const text = 'x\n\u201cThe first contacts encourage hopes,\u201d Putin said. \u201cThere is readiness.\u201d';
  const lines = splitLines(text);
  const s = splitLineSentences(lines[1]);
  assert.deepEqual(s.map((x) => x.text), ['\u201cThe first contacts encourage hopes,\u201d Putin said.', '\u201cThere is readiness.\u201d']);
  assert.equal(text.slice(s[1].start, s[1].end), s[1].text);
  assert.equal(s[1].line, 1);
});

test('sentences: U.S. before a name does not split; lower-case after a period does not split', () => {
  const [line] = splitLines('A U.S. Embassy official in Ankara confirmed it, e.g. the talks. Then more.');
  assert.deepEqual(splitLineSentences(line).map((s) => s.text), ['A U.S. Embassy official in Ankara confirmed it, e.g. the talks.', 'Then more.']);
});

test('invisible characters: no-break spaces become spaces, zero-width ones go', () => {
  const runs = findInvisibles(splitLines('to discuss\u00a0normalizing\u200b the\u00a0\u00a0x'));
  assert.equal(runs.length, 3);
  assert.equal(runs[0].replacement, ' ');
  assert.match(runs[0].names[0], /NO-BREAK SPACE \(U\+00A0\)/);
  assert.equal(runs[1].replacement, '', 'zero-width space beside a space is removed');
  assert.equal(runs[2].chars.length, 2);
});

test('invisible characters: the search expression finds exactly the characters that have a name', () => {
  const missed: string[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    INVISIBLE_RE.lastIndex = 0;
    if (INVISIBLE_RE.test(String.fromCharCode(c)) !== (invisibleName(c) !== undefined)) missed.push(c.toString(16));
  }
  assert.deepEqual(missed, []);
  // one in the middle of a line, one after a visible run of the same line, across lines
  const runs = findInvisibles(splitLines('a\u180eb c\u00ad\u200bd\nplain\n\u0007'));
  assert.deepEqual(runs.map((r) => [r.line, r.start, r.end, r.names.length]), [[0, 1, 2, 1], [0, 5, 7, 2], [2, 15, 16, 1]]);
});

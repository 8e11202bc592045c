import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeWorld, readSeed, SEED_000, withCursor } from '../helpers';

test('outline: header with date and title, article paragraphs, chrome group', async () => {
  const w = makeWorld();
  const doc = w.open('file:///s/000.txt', readSeed(SEED_000));
  const symbols = await w.service.getDocumentSymbols(doc);
  const names = symbols.map((s) => s.name);
  assert.equal(names[0], 'US, Russia discuss stabilizing embassy operations in Istanbul talks');
  assert.equal(symbols[0].detail, '2025-02-28');
  const article = symbols.find((s) => s.name === 'Article');
  assert.ok(article?.children?.some((c) => c.name.startsWith('Russian and U.S. diplomats met in Istanbul')));
  const chrome = symbols.find((s) => s.name === 'Chrome');
  assert.ok(chrome?.children?.length);
  for (const s of symbols) {
    for (const c of s.children ?? []) {
      const inside = (c.range.start.line > s.range.start.line || (c.range.start.line === s.range.start.line && c.range.start.character >= s.range.start.character)) &&
        (c.range.end.line < s.range.end.line || (c.range.end.line === s.range.end.line && c.range.end.character <= s.range.end.character));
      assert.ok(inside, `${c.name} inside ${s.name}`);
    }
  }
});

test('hover on the header shows the date and title; on a no-break space, its name', async () => {
  const w = makeWorld();
  const { text, offset } = withCursor(' date 2025-02-28 Some $$CURSOR$$title\n\nThey met to discuss\u00a0ties.\n');
  const doc = w.open('file:///s/h.txt', text);
  const h = await w.service.getHover(doc, doc.positionAt(offset));
  assert.ok(h && typeof h.contents === 'object' && 'value' in h.contents);
  assert.match(h.contents.value, /Title: Some title/);
  assert.match(h.contents.value, /Fri, 28 Feb 2025/);
  const nbsp = text.indexOf('\u00a0');
  const h2 = await w.service.getHover(doc, doc.positionAt(nbsp));
  assert.ok(h2 && typeof h2.contents === 'object' && 'value' in h2.contents);
  assert.match(h2.contents.value, /NO-BREAK SPACE \(U\+00A0\)/);
});

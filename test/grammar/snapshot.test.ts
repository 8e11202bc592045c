// Token snapshot of every sample seed: { "<line number>": [[text, [scopes…]], …] } for each
// non-empty line, root scope `text.seed` left out. Regenerate after an intended grammar change:
//   UPDATE_SNAPSHOTS=1 node --import tsx --test test/grammar/*.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSeed, seedNames, tokenizeText } from './tokenize';

type Snapshot = Record<string, [string, string[]][]>;

const SNAP_DIR = path.join(__dirname, 'snapshots');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

async function snapshotOf(seed: string): Promise<Snapshot> {
  const text = readSeed(seed);
  const lines = text.split(/\r\n|\r|\n/);
  const tokens = await tokenizeText(text);
  const snap: Snapshot = {};
  tokens.forEach((toks, i) => {
    if (lines[i].length > 0) snap[String(i + 1)] = toks.map((t) => [t.text, t.scopes]);
  });
  return snap;
}

/** One token per line so that a grammar change shows up as a readable diff. */
function serialize(snap: Snapshot): string {
  const body = Object.entries(snap).map(([line, toks]) => {
    const items = toks.map(([text, scopes]) => `    [${JSON.stringify(text)}, ${JSON.stringify(scopes)}]`);
    return `  ${JSON.stringify(line)}: [\n${items.join(',\n')}\n  ]`;
  });
  return `{\n${body.join(',\n')}\n}\n`;
}

for (const seed of seedNames()) {
  test(`token snapshot of seeds/${seed}`, async () => {
    const file = path.join(SNAP_DIR, seed.replace(/\.txt$/, '.tokens.json'));
    const actual = await snapshotOf(seed);
    if (UPDATE) {
      fs.mkdirSync(SNAP_DIR, { recursive: true });
      fs.writeFileSync(file, serialize(actual));
      return;
    }
    assert.ok(fs.existsSync(file), `missing ${path.relative(process.cwd(), file)}; run with UPDATE_SNAPSHOTS=1`);
    const expected = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
    for (const line of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      assert.deepEqual(actual[line], expected[line], `${seed} line ${line} differs from the snapshot (UPDATE_SNAPSHOTS=1 to accept)`);
    }
  });
}

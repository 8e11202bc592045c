import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lineKeysOf, readSeedFiles, readSeedFileSync } from '../../server/src/cli/fileTasks';

// pass 1 of a large run reads with callbacks, a small one synchronously: the same outcome either way
test('a seed file read without waiting gives what the synchronous read gives, errors and skips too', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-read-'));
  try {
    const files: Record<string, string | Buffer> = {
      'ok.txt': '\ufeff date 2025-01-01 Title\r\n\r\nMenu\r\nA sentence of the article.\r\n',
      'empty.txt': '',
      'binary.txt': Buffer.from([0x20, 0x64, 0x00, 0x01, 0x0a]),
      'bad-utf8.txt': Buffer.from([0x41, 0xff, 0x42, 0x0a]),
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
    mkdirSync(path.join(dir, 'folder.txt'));
    const jobs = [...Object.keys(files), 'folder.txt', 'missing.txt'].map((name, i) => ({ i, uri: `file:///${name}`, absPath: path.join(dir, name), displayPath: name }));
    const read = await readSeedFiles(jobs);
    jobs.forEach((job, k) => {
      const sync = readSeedFileSync(job);
      assert.deepEqual(read[k], sync, job.displayPath);
      assert.deepEqual(lineKeysOf(job, read[k]), lineKeysOf(job), job.displayPath);
    });
    assert.deepEqual(read.map((r) => (r.ok ? 'ok' : r.skip.message)), ['ok', 'ok', 'binary.txt: skipped, looks like a binary file', 'ok', 'folder.txt: cannot read (is a directory)', 'missing.txt: cannot read (no such file)']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

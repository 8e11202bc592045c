import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { Spill } from '../../server/src/cli/spill';

test('a spill gives back each entry as put, whether gathered in its buffer or written at once, and its file holds all appended', () => {
  const spill = new Spill();
  const entries: Buffer[] = [];
  // small entries (gathered), one larger than the buffer (written at once), then small again
  for (let k = 0; k < 300; k++) entries.push(Buffer.from(`{"entry":${k},"pad":"${'x'.repeat(k * 37 % 5000)}"}`));
  entries.splice(150, 0, Buffer.alloc(3 << 20, 0x61));
  entries.forEach((e, i) => spill.put(i, e));
  // appended bytes (not entries) are readable from the file once flushed
  const at = spill.append(Buffer.from('appended'));
  spill.flush();
  const all = readFileSync(spill.path);
  assert.equal(all.subarray(at, at + 8).toString(), 'appended');
  assert.equal(all.length, entries.reduce((n, e) => n + e.length, 0) + 8);
  entries.forEach((e, i) => assert.ok(spill.take(i)!.equals(e), `entry ${i}`));
  assert.equal(spill.take(999), undefined);
  spill.put(999, Buffer.from('late'));
  assert.equal(spill.take(999)!.toString(), 'late', 'an entry put after reads began');
  const file = spill.path;
  spill.dispose();
  assert.ok(!existsSync(file), 'the file is removed');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPriority } from 'node:os';
import { readlinkSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICE, lowerThisThreadPriority, threadPriorityAvailable } from '../../server/src/node/threadPriority';

test('the main thread is never reniced', () => {
  const before = getPriority();
  assert.equal(lowerThisThreadPriority(), false);
  assert.equal(getPriority(), before);
});

test('a worker thread lowers its own priority, and only its own', { skip: !threadPriorityAvailable() }, async () => {
  const mod = path.resolve(__dirname, '../../server/src/node/threadPriority.ts');
  const source = `
    require('tsx/cjs');
    const { lowerThisThreadPriority } = require(${JSON.stringify(mod)});
    const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    const took = lowerThisThreadPriority();
    require('node:worker_threads').parentPort.postMessage({ took, nice: require('node:os').getPriority(tid) });`;
  const before = getPriority();
  const w = new Worker(source, { eval: true });
  const got = await new Promise<{ took: boolean; nice: number }>((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
  await w.terminate();
  assert.deepEqual(got, { took: true, nice: BACKGROUND_NICE });
  assert.equal(getPriority(), before, 'the process (its main thread) keeps its priority');
  const mainTid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  assert.equal(getPriority(mainTid), before);
});

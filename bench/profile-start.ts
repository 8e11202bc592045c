/**
 * `node --import tsx bench/profile-start.ts [folder]`: one server start → first diagnostics with
 * `--cpu-prof`, profile written to bench/corpus/profiles/ (then `bench/topProfile.ts FILE --total`).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CORPUS_ROOT } from './corpus';
import { openDoc, pullDiagnostics, startBenchServer } from './lsp';
import { REPO } from './sources';

async function main(): Promise<void> {
  const root = process.argv[2] ?? mkdtempSync(path.join(tmpdir(), 'seed-prof-'));
  if (!process.argv[2]) cpSync(path.join(REPO, 'seeds'), path.join(root, 'seeds'), { recursive: true });
  const dir = path.join(CORPUS_ROOT, 'profiles');
  mkdirSync(dir, { recursive: true });
  const s = await startBenchServer(root, { cpuProf: dir });
  const seed = path.join(REPO, 'seeds/000_0de6c06a7072f844.txt');
  const uri = await openDoc(s, path.join(root, 'seeds/000_0de6c06a7072f844.txt'), readFileSync(seed, 'utf8'));
  await pullDiagnostics(s, uri);
  process.stderr.write(`first diagnostics after ${(performance.now() - s.spawnedAt).toFixed(0)} ms; profile in ${dir}\n`);
  await s.close();
}
void main();

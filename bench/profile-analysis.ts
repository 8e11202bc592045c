/**
 * `node --cpu-prof --import tsx bench/profile-analysis.ts [runs]`: fresh analyses of the 10 KB
 * seed in a loop, for a CPU profile of the per-document pipeline (then `node bench/topProfile.ts`).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createSeedService, InMemoryWorkspace } from '../server/src/service';
import { LineRecurrence } from '../server/src/service/corpus';
import { resolveSettings } from '../server/src/shared/settings';
import { tenKbSeed } from './measure';

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 300);
  const settings = resolveSettings({});
  const text = tenKbSeed();
  const uri = 'file:///p/seeds/ten.txt';
  const workspace = new InMemoryWorkspace({ [uri]: text });
  const service = createSeedService({ workspace, settings: () => settings, lineCounter: new LineRecurrence() });
  await service.indexCorpus();
  workspace.openDocument(TextDocument.create(uri, 'seed', 1, text));
  const t0 = performance.now();
  for (let v = 2; v < runs + 2; v++) service.analyseWith({ uri, version: v, getText: () => text }, settings);
  process.stderr.write(`${runs} analyses, ${((performance.now() - t0) / runs).toFixed(2)} ms each\n`);
}
void main();

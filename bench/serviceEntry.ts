// What the benchmark takes from the service, bundled by bench/serviceBundle.ts.
export { createSeedService, InMemoryWorkspace } from '../server/src/service';
export { LineRecurrence } from '../server/src/service/corpus';
export { SentenceIndex } from '../server/src/service/crosslinks/sentenceIndex';
export { resolveSettings } from '../server/src/shared/settings';
export { FsWorkspace } from '../server/src/node/fsWorkspace';
export { WorkerIndexer } from '../server/src/node/workerIndexer';

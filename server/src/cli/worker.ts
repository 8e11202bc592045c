/** Worker thread of a parallel CLI run: runs the per-file passes of fileTasks.ts on batches of files. */
import { parentPort } from 'node:worker_threads';
import { FileAnalyser, lineKeysOf, type AnalyseOptions, type FileJob } from './fileTasks';

export type WorkerRequest =
  | { id: number; type: 'keys'; jobs: FileJob[] }
  | { id: number; type: 'init'; options: AnalyseOptions }
  | { id: number; type: 'analyse'; jobs: FileJob[] };

let analyser: FileAnalyser | null = null;
const port = parentPort!;

port.on('message', (msg: WorkerRequest) => {
  try {
    switch (msg.type) {
      case 'keys': {
        const out = msg.jobs.map(lineKeysOf);
        port.postMessage({ id: msg.id, result: out }, out.flatMap((o) => (o.keys ? [o.keys.buffer as ArrayBuffer] : [])));
        break;
      }
      case 'init':
        analyser = new FileAnalyser(msg.options);
        port.postMessage({ id: msg.id, result: null });
        break;
      case 'analyse': {
        const out = msg.jobs.map((j) => analyser!.run(j));
        const transfer: ArrayBuffer[] = [];
        for (const o of out) {
          const b = o.strip?.output;
          // transfer only buffers the output owns outright (not a view into a pooled buffer)
          if (b && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) transfer.push(b.buffer);
        }
        port.postMessage({ id: msg.id, result: out }, transfer);
        break;
      }
    }
  } catch (e) {
    port.postMessage({ id: msg.id, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
  }
});

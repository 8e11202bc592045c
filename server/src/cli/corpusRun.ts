import { createSeedService, type SeedService } from '../service';
import type { SeedAnalysis } from '../service/analysis';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SeedReviewSettings } from '../shared/settings';
import type { IgnoreFilter } from '../service/features/diagnostics';
import { PathWorkspace, type CorpusFile } from './pathWorkspace';
import { LineRecurrence } from '../service/corpus';

export interface FileResult {
  file: CorpusFile;
  analysis: SeedAnalysis;
  diagnostics: Diagnostic[];
  bom: boolean;
  invalidUtf8: boolean;
}

export interface CorpusRunOptions {
  settings: SeedReviewSettings;
  ignores?: IgnoreFilter;
  /** warnings (skipped files) go here, one line each */
  warn: (message: string) => void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the service over the files of one command-line run: they form the corpus, so the
 * corpus stage (line recurrence) and the cross-link index see all of them; then yields each
 * file's results one at a time, so the whole corpus never sits in memory as results.
 */
export async function* runCorpus(files: CorpusFile[], opts: CorpusRunOptions): AsyncGenerator<FileResult> {
  const workspace = new PathWorkspace(files);
  const service: SeedService = createSeedService({
    workspace,
    settings: () => opts.settings,
    ignores: opts.ignores,
    lineCounter: new LineRecurrence(),
  });
  await service.indexCorpus(undefined, (p) => opts.onProgress?.(Math.floor(p.indexed / 2), p.total));
  const reported = new Set<string>();
  let done = 0;
  for (const file of files) {
    const content = await workspace.read(file.uri);
    done++;
    opts.onProgress?.(Math.floor(files.length / 2 + done / 2), files.length);
    if (!content) {
      const why = workspace.problems.get(file.uri);
      if (why && !reported.has(file.uri)) {
        reported.add(file.uri);
        opts.warn(why);
      }
      continue;
    }
    if (content.invalidUtf8) opts.warn(`${file.displayPath}: not valid UTF-8; analysed with replacement characters`);
    const doc = { uri: file.uri, version: 0, getText: () => content.text };
    const analysis = service.analyseWith(doc, opts.settings);
    const diagnostics = await service.computeDiagnostics(doc);
    yield { file, analysis, diagnostics, bom: content.bom, invalidUtf8: content.invalidUtf8 };
  }
  service.dispose();
}

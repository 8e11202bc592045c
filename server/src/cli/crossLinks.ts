import { SentenceIndex, type SentenceLinkIds, type SentenceTokens } from '../service/crosslinks/sentenceIndex';
import type { SeedReviewSettings } from '../shared/settings';
import type { AnalyzedFileJson } from './analyzeJson';
import { sentenceRange, type LinkedSentence } from './fileTasks';
import { WorkerPool, orderedBatches } from '../node/workerPool';

/** Files per request when links are read on worker threads. */
const LINKS_BATCH = 16;

/**
 * The cross-link stage of a CLI run: every file's body sentences go into one `SentenceIndex`
 * (the service's) in the main thread, in file order (tokenised by the workers when they
 * analysed the files). Once all are in, the index is frozen and each file's links are read,
 * on worker threads when there are several, and turned into `matches[]` here.
 */
export class CrossLinks {
  private readonly index: SentenceIndex;
  private readonly displayPath = new Map<string, string>();

  constructor(settings: SeedReviewSettings) {
    this.index = new SentenceIndex({ minScore: settings.matching.minScore, maxFanOut: settings.matching.maxLinksPerSentence, shared: true });
  }

  add(uri: string, displayPath: string, sentences: readonly LinkedSentence[], tokens?: SentenceTokens): void {
    this.displayPath.set(uri, displayPath);
    if (tokens) this.index.setFileTokens(uri, sentences, tokens);
    else this.index.setFile(uri, sentences);
  }

  /**
   * The matches of each of `uris`, in that order: read in this thread, or with `workerFile`
   * on `threads` worker threads sharing a frozen copy of the index.
   */
  async *matches(uris: readonly string[], opts: { workerFile?: string | null; threads: number }): AsyncGenerator<AnalyzedFileJson['matches']> {
    const ids = uris.map((u) => this.index.fileIdOf(u));
    if (!opts.workerFile || opts.threads < 2) {
      for (const id of ids) yield this.toJson(this.index.fileLinkIds(id));
      return;
    }
    const pool = new WorkerPool(opts.workerFile, opts.threads);
    try {
      await pool.broadcast({ type: 'linksInit', index: this.index.freeze() });
      for await (const links of orderedBatches<number, SentenceLinkIds[]>(ids, LINKS_BATCH, opts.threads * 3, (batch) => pool.request({ type: 'links', fileIds: batch }))) {
        yield this.toJson(links);
      }
    } finally {
      await pool.close();
    }
  }

  private toJson(links: readonly SentenceLinkIds[]): AnalyzedFileJson['matches'] {
    const out: AnalyzedFileJson['matches'] = [];
    for (const m of links) {
      const s = this.index.sentenceOf(m.sid) as LinkedSentence;
      for (const l of m.links) {
        const t = this.index.sentenceOf(l.target) as LinkedSentence;
        const uri = this.index.fileUriOf(this.index.fileOfSid(l.target))!;
        out.push({
          range: sentenceRange(s),
          text: s.text,
          target: { path: this.displayPath.get(uri) ?? uri, range: sentenceRange(t), text: t.text },
          score: Math.round(l.score * 1e4) / 1e4,
          relation: l.relation,
        });
      }
    }
    return out;
  }
}

const MATCHES_TAIL = Buffer.from('"matches":[]}');

/**
 * A file's JSON (UTF-8, written by the worker with `"matches":[]` last) with its matches put in,
 * as the chunks to write.
 */
export function withMatches(json: Uint8Array, matches: AnalyzedFileJson['matches']): Uint8Array[] {
  if (!matches.length) return [json];
  const cut = json.length - MATCHES_TAIL.length;
  if (cut < 0 || !MATCHES_TAIL.equals(json.subarray(cut))) throw new Error('analyze JSON does not end with its matches');
  return [json.subarray(0, cut), Buffer.from(`"matches":${JSON.stringify(matches)}}`)];
}

import { SentenceIndex } from '../service/crosslinks/sentenceIndex';
import type { SeedReviewSettings } from '../shared/settings';
import type { AnalyzedFileJson } from './analyzeJson';
import { sentenceRange, type LinkedSentence } from './fileTasks';

/**
 * The cross-link stage of a CLI run, in the main thread: every file's body sentences go into one
 * `SentenceIndex` (the service's), in file order; once all are in, each file's links are read back.
 */
export class CrossLinks {
  private readonly index: SentenceIndex;
  private readonly displayPath = new Map<string, string>();

  constructor(settings: SeedReviewSettings) {
    this.index = new SentenceIndex({ minScore: settings.matching.minScore, maxFanOut: settings.matching.maxLinksPerSentence });
  }

  add(uri: string, displayPath: string, sentences: readonly LinkedSentence[]): void {
    this.displayPath.set(uri, displayPath);
    this.index.setFile(uri, sentences);
  }

  matchesFor(uri: string): AnalyzedFileJson['matches'] {
    return this.index.matchesFor(uri).map((l) => {
      const s = l.sentence as LinkedSentence;
      const t = l.target.sentence as LinkedSentence;
      return {
        range: sentenceRange(s),
        text: s.text,
        target: { path: this.displayPath.get(l.target.uri) ?? l.target.uri, range: sentenceRange(t), text: t.text },
        score: Math.round(l.score * 1e4) / 1e4,
        relation: l.relation,
      };
    });
  }
}

/** Puts the matches into a file's JSON, which the worker wrote with `"matches":[]` last. */
export function withMatches(json: string, matches: AnalyzedFileJson['matches']): string {
  if (!matches.length) return json;
  const tail = '"matches":[]}';
  if (!json.endsWith(tail)) throw new Error('analyze JSON does not end with its matches');
  return json.slice(0, json.length - tail.length) + `"matches":${JSON.stringify(matches)}}`;
}

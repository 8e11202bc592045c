import type { SeedAnalysis } from './analysis';
import type { Sentence } from './types';
import type { SentenceMatches } from './crosslinks/sentenceIndex';

/** The corpus stage: how often each normalised line recurs across files. */
export interface LineCounter {
  setFile(uri: string, lines: readonly string[]): void;
  removeFile(uri: string): void;
  count(lineText: string, excludeUri?: string): number;
  readonly fileCount: number;
}

/** The cross-link stage: body sentences of every corpus file. */
export interface SentenceLinker {
  setFile(uri: string, sentences: readonly Sentence[]): void;
  removeFile(uri: string): void;
  /** per linked sentence of the file: its links to other files and how many files carry it */
  fileMatches(uri: string): SentenceMatches[];
  /** the links of one sentence (by its index in the file), undefined when it is not indexed */
  matchesForSentence(uri: string, sentenceIndex: number): SentenceMatches | undefined;
  /** changes whenever the index changes */
  readonly version: number;
  readonly sentenceCount: number;
}

/** How often each speaker is quoted in each file, for "n quotes in the corpus" and workspace symbols. */
export class SpeakerRegistry {
  private readonly byFile = new Map<string, Map<string, { name: string; count: number; line: number; character: number; length: number }>>();

  /** per speaker key: quotes and files across the corpus, kept as files come and go */
  private readonly totals = new Map<string, { quotes: number; files: number }>();

  private account(m: Map<string, { count: number }> | undefined, sign: 1 | -1): void {
    if (!m) return;
    for (const [key, e] of m) {
      const t = this.totals.get(key) ?? { quotes: 0, files: 0 };
      t.quotes += sign * e.count;
      t.files += sign;
      if (t.files <= 0) this.totals.delete(key);
      else this.totals.set(key, t);
    }
  }

  setFile(uri: string, a: SeedAnalysis): void {
    this.account(this.byFile.get(uri), -1);
    const m = new Map<string, { name: string; count: number; line: number; character: number; length: number }>();
    for (const q of a.quotes) {
      // keys of unresolved pronouns (`?he@123`) are local to one file: never merged across the corpus
      if (!q.speaker || q.inChrome || q.speaker.key.startsWith('?')) continue;
      const e = m.get(q.speaker.key);
      if (e) e.count++;
      else {
        let line = 0;
        while (line + 1 < a.lines.length && a.lines[line + 1].start <= q.speaker.mention.start) line++;
        m.set(q.speaker.key, { name: q.speaker.name, count: 1, line, character: q.speaker.mention.start - a.lines[line].start, length: q.speaker.mention.end - q.speaker.mention.start });
      }
    }
    if (m.size) this.byFile.set(uri, m);
    else this.byFile.delete(uri);
    this.account(m, 1);
  }

  removeFile(uri: string): void {
    this.account(this.byFile.get(uri), -1);
    this.byFile.delete(uri);
  }

  /** quotes by this speaker across the corpus, and in how many files */
  countFor(key: string): { quotes: number; files: number } {
    const t = this.totals.get(key);
    return t ? { ...t } : { quotes: 0, files: 0 };
  }

  /** every (speaker, file) pair whose name contains the query, case-insensitively */
  search(query: string, limit = 500): { key: string; name: string; uri: string; line: number; character: number; length: number; count: number }[] {
    const q = query.toLowerCase();
    const out: { key: string; name: string; uri: string; line: number; character: number; length: number; count: number }[] = [];
    for (const [uri, m] of this.byFile) {
      for (const [key, e] of m) {
        if (!q || e.name.toLowerCase().includes(q)) {
          out.push({ key, name: e.name, uri, line: e.line, character: e.character, length: e.length, count: e.count });
          if (out.length >= limit) return out;
        }
      }
    }
    return out;
  }
}

/**
 * A digest of the per-document analysis, to check that a performance change keeps the output
 * byte-identical: one line per document with hashes of its serialised lines, line hashes and
 * keys, chrome kinds, sentences and quotes (speakers and cues included).
 *
 *   node --import tsx scripts/snapshot-analysis.ts > /tmp/before.txt     (then diff two runs)
 *
 * Documents: the repo's seeds/, chrome-dev pages (analysed with a corpus recurrence counter over
 * all of them, as the service does) and quotes-dev articles (findQuotes on all-body lines, as
 * eval:quotes does). Also a few synthetic pathological lines. Data root: $SEED_DATA, else
 * ../shared/data beside the repository.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyseText } from '../server/src/service/analysis';
import { LineRecurrence, lineHash, normalizeLineKey } from '../server/src/service/corpus';
import { findQuotes, speakerKey } from '../server/src/service/quotes/index';
import { isBlankLine, splitLines } from '../server/src/service/text/lines';
import { splitLineSentences } from '../server/src/service/text/sentences';
import type { LineKind } from '../server/src/service/types';

const REPO = resolve(__dirname, '..');
const DATA = resolve(process.env.SEED_DATA ?? resolve(REPO, '../shared/data'));

function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

interface Doc {
  name: string;
  text: string;
}

function readDir(dir: string, filter: (f: string) => boolean): Doc[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(filter).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

const seeds = readDir(join(REPO, 'seeds'), (f) => f.endsWith('.txt')).map((d) => ({ ...d, name: `seeds/${d.name}` }));
const chrome = readDir(join(DATA, 'chrome-dev'), (f) => /^\d+\.txt$/.test(f)).map((d) => ({ ...d, name: `chrome-dev/${d.name}` }));
const quotes = ['train', 'dev'].flatMap((split) => readDir(join(DATA, 'quotes-dev', split, 'text'), (f) => f.endsWith('.txt')).map((d) => ({ ...d, name: `quotes-dev/${split}/${d.name}` })));
const synthetic: Doc[] = [
  { name: 'synthetic/long-line', text: 'He said "' + 'word, '.repeat(50_000) + '" and left. Mr. Smith said: "yes." '.repeat(200) },
  { name: 'synthetic/marks', text: '"\'“”‘’'.repeat(5000) + '\n' + "'' ".repeat(3000) + '\nThe U.S. Dept. said "no." It added: "never."' },
  { name: 'synthetic/names', text: Array.from({ length: 300 }, (_, i) => `Officials of the Ministry ${i}, President John Q${i} Smith and the ministry said "quote ${i}." He said “more.”`).join('\n') },
];

const analysed = [...seeds, ...chrome, ...synthetic];
const counter = new LineRecurrence();
for (const d of analysed) counter.setFile(`file:///${d.name}`, splitLines(d.text).map((l) => l.text));

const out: string[] = [];
for (const d of analysed) {
  const uri = `file:///${d.name}`;
  const a = analyseText(uri, 1, d.text, { recurrence: (line) => counter.count(line, uri), corpusFiles: counter.fileCount, maxFileSize: 2_000_000 });
  out.push(
    [
      d.name,
      'lines=' + digest(a.lines),
      'hash=' + digest(a.lines.map((l) => [lineHash(l.text), normalizeLineKey(l.text)])),
      'kinds=' + digest(a.chrome.kinds),
      'paragraphs=' + digest(a.paragraphs.map((p) => p.index)),
      'sentences=' + digest(a.sentences),
      'quotes=' + digest(a.quotes),
      `n=${a.sentences.length}/${a.quotes.length}`,
    ].join(' '),
  );
}
for (const d of [...quotes, ...synthetic]) {
  const lines = splitLines(d.text);
  const kinds: LineKind[] = lines.map((l) => (isBlankLine(l.text) ? 'blank' : 'body'));
  const qs = findQuotes(d.text, lines, kinds);
  const sentences = lines.flatMap((l) => splitLineSentences(l));
  out.push(
    [
      d.name,
      'hash=' + digest(lines.map((l) => lineHash(l.text))),
      'sentences=' + digest(sentences),
      'quotes=' + digest(qs),
      'keys=' + digest(qs.map((q) => (q.speaker ? speakerKey(q.speaker.name) : null))),
      `n=${sentences.length}/${qs.length}`,
    ].join(' '),
  );
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(`${out.length} documents, total ${digest(out)}\n`);

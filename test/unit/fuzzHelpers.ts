/** Generators shared by the fuzz tests: random and mutated seed text. (Not a test file itself.) */
import fc from 'fast-check';
import { readSeed, SEED_000, SEED_003 } from '../helpers';

export const SEED_LINES: string[] = [...readSeed(SEED_000).split('\n'), ...readSeed(SEED_003).split('\n')];

/** A lone surrogate: half of a pair with nothing to pair with. */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Characters that matter to the pipeline: quote marks of every kind, spaces, invisibles, NUL, breaks. */
export const specialChar = fc.constantFrom(
  '"', "'", '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb', '\u201e', '`',
  '\u00a0', '\u200b', '\ufeff', '\u202f', '\u2007', '\u00ad', '\u0000', '\u0007', '\u007f', '\u0085',
  '\r', '\n', '\r\n', '\t', ' ', '.', ',', '?', '!', ';', ':', '-', '\u2014', '(', ')',
  '\u0301', '\u0308', '\u200d', '\ud83d\ude00', 'U.S.', 'Mr.', ' said', ' he said', 'LATEST NEWS', 'By ', ' date 2025-02-30 ',
);

/** One unit of random text: any code point, a lone surrogate, or a special character. */
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 3, arbitrary: specialChar },
  { weight: 3, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }) },
);

/** Arbitrary Unicode with lone surrogates, CR, CRLF, NUL and quote marks mixed in. */
export const wildText = fc.string({ unit, maxLength: 400 });

/** A line of a real seed, maybe mutated (characters inserted, deleted, case changed, cut). */
const seedLine = fc.constantFrom(...SEED_LINES);
const mutatedLine = fc
  .tuple(seedLine, fc.nat(), fc.string({ unit, maxLength: 6 }), fc.integer({ min: 0, max: 5 }))
  .map(([l, at, ins, op]) => {
    const i = l.length ? at % (l.length + 1) : 0;
    switch (op) {
      case 0:
        return l.slice(0, i) + ins + l.slice(i);
      case 1:
        return l.slice(0, i) + l.slice(i + ins.length);
      case 2:
        return l.toUpperCase();
      case 3:
        return l.slice(0, i);
      default:
        return l;
    }
  });

/** Random mixes of the seeds' lines (some mutated, some wild), blank lines between most. */
export const seedMix = fc
  .array(fc.oneof({ weight: 6, arbitrary: seedLine }, { weight: 3, arbitrary: mutatedLine }, { weight: 1, arbitrary: wildText }, { weight: 2, arbitrary: fc.constant('') }), {
    maxLength: 80,
  })
  .map((ls) => ls.join('\n'));

export type Eol = '\n' | '\r\n' | '\r' | 'mixed';

/** Rewrites the line breaks of a text: all LF, all CRLF, all CR, or a random mix. */
export function withEol(text: string, eol: Eol, pick: number[] = []): string {
  const lines = text.split(/\r\n|\r|\n/);
  const brk = (i: number) => (eol === 'mixed' ? ['\n', '\r\n', '\r'][(pick[i % Math.max(1, pick.length)] ?? i) % 3] : eol);
  return lines.map((l, i) => (i < lines.length - 1 ? l + brk(i) : l)).join('');
}

/** A seed-like text with the given line breaks, maybe with a final line break. */
export const seedMixAnyEol = fc
  .tuple(seedMix, fc.constantFrom<Eol>('\n', '\r\n', '\r', 'mixed'), fc.array(fc.nat(2), { maxLength: 16 }), fc.boolean())
  .map(([t, eol, pick, final]) => withEol(final ? t + '\n' : t, eol, pick));

/** Any text a user might open: wild, seed mixes, seed mixes with any line breaks. */
export const anySeedText = fc.oneof(wildText, seedMix, seedMixAnyEol);

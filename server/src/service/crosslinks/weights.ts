/**
 * Token weights from corpus document frequencies: function words light, rare words heavier
 * than common ones. `df[id]` counts the sentences holding token `id`; `n` is the sentence count.
 */
import { TOKEN_STOP } from './normalize';
import { STOPWORD_WEIGHT, type TokenWeight } from './score';

export function idfWeight(df: number, n: number): number {
  const idf = Math.log((n + 1) / (df + 0.5));
  const norm = idf / Math.log(n + 1.5);
  return 0.2 + 1.2 * (norm < 0 ? 0 : norm > 1 ? 1 : norm);
}

export function corpusWeight(df: ArrayLike<number>, n: number): TokenWeight {
  return (id, flags) => (flags & TOKEN_STOP ? STOPWORD_WEIGHT : idfWeight(df[id] ?? 0, n));
}

/** `corpusWeight` for frequencies that no longer change: each token's idf weight computed once. */
export function frozenWeight(df: ArrayLike<number>, n: number): TokenWeight {
  const idf = new Float64Array(df.length);
  for (let id = 0; id < df.length; id++) idf[id] = idfWeight(df[id], n);
  return (id, flags) => (flags & TOKEN_STOP ? STOPWORD_WEIGHT : id < idf.length ? idf[id] : idfWeight(0, n));
}

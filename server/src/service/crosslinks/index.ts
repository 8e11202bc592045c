/** Cross-links between seeds: the public surface of this stage. */
export { SentenceIndex, type SentenceIndexOptions, type SentenceLink, type SentenceMatches, type LinkRelation } from './sentenceIndex';
export { DEFAULT_MIN_SCORE, scoreSentences, scoreDetail, type ScoreDetail, type TokenSeq, type TokenWeight } from './score';
export { tokenize, forEachToken, normOf, normalizeWord, normalizedTokens, type Token, TOKEN_NAME, TOKEN_NUMBER, TOKEN_STOP } from './normalize';
export { wordDiff, onlyEquivalent, type DiffSegment, type DiffKind } from './wordDiff';

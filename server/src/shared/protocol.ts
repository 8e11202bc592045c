/** Names shared by the client and the server: commands, custom requests and notifications. */

export const EXTENSION_ID = 'seedReview';
export const DIAGNOSTIC_SOURCE = 'seed-review';
export const LANGUAGE_ID = 'seed';
export const FIX_ALL_KIND = 'source.fixAll.seedReview';

export const Commands = {
  /** client: strip chrome from every corpus file (one WorkspaceEdit with a refactor preview) */
  stripAll: 'seedReview.stripChromeFromAll',
  /** client: open the diff editor between this seed and the seed it shares most with */
  compareWithMatching: 'seedReview.compareWithMatchingSeed',
  /** client: set a rule's severity to off in the settings */
  disableRule: 'seedReview.disableRule',
  /** client: show the references of a position (used by code lenses) */
  showReferences: 'seedReview.showReferences',
  /** server: record an "ignore here" entry in .seedreview.json */
  ignoreHere: 'seedReview.ignoreHere',
} as const;

export const Requests = {
  /** client → server: the edits that strip chrome from every corpus file */
  stripAllEdits: 'seedReview/stripAllEdits',
  /** client → server: the corpus file that shares the most sentences with a document */
  bestMatchingSeed: 'seedReview/bestMatchingSeed',
} as const;

export const Notifications = {
  /** server → client: corpus indexing status, for the language status item */
  indexStatus: 'seedReview/indexStatus',
} as const;

export interface IndexStatus {
  state: 'indexing' | 'idle';
  indexed: number;
  total: number;
  sentences: number;
  links: number;
}

export interface StripAllParams {
  /** uris to limit the edit to; all corpus files when absent */
  uris?: string[];
  /** false: no change annotations, so the edit applies without the refactor preview (tests) */
  preview?: boolean;
}

export interface BestMatchingSeedParams {
  uri: string;
}

export interface BestMatchingSeedResult {
  uri: string | null;
  sharedSentences: number;
}

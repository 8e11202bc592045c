/**
 * The classifier's weights in one place. Tuned on the even-numbered pages of the chrome-dev set
 * (`npm run eval:chrome -- --weight name=value` probes one); odd-numbered pages are held out.
 */
/** Weights of the line score; exported so the eval script can probe them. */
export const WEIGHTS = {
  /** below this the best stretch is not an article (the file is all chrome) */
  minArticle: 12,
  /** stopword density a long line needs to count as article prose (jusText uses about 0.3 on HTML paragraphs) */
  goodStopDensity: 0.22,
  /** stopword density of shorter, near-good prose */
  nearGoodStopDensity: 0.15,
  /** a short headline-like or one-to-three-word line outside prose */
  shortHeadline: -2.5,
  /** any other short line */
  short: -1,
  /** a short line of four or more mostly lower-case words (a list or table item) */
  lowerCaseItem: 0,
  /** scale of near-good prose */
  nearGood: 0.5,
  /** a section heading of link lists ("Related", "Latest news") */
  sectionLabel: -6,
  /** a prose island before the article needs this score to count as article */
  islandMin: 60,
  /** an article of this score before a comment section is taken however long the comments run */
  barrierEnough: 300,
};

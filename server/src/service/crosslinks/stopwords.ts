/**
 * English function words (already normalised: lower case, no apostrophes). They count little in
 * a match and never make a sentence long enough to index on their own.
 */
const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here ' +
    'of in on at to for from by with without about above below into onto over under up down out off ' +
    'through during before after between among against along around across behind beyond within upon via ' +
    'as is are was were be been being am do does did doing done have has had having ' +
    'will would shall should can could may might must ought ' +
    'i me my mine we us~ our ours you your yours he him his she her hers it its they them their theirs ' +
    'who whom whose which what when where why how ' +
    'not no all any both each few more most other some such only own same too very just also ' +
    'dont doesnt didnt isnt arent wasnt werent wont wouldnt cant couldnt shouldnt hasnt havent hadnt ' +
    'its im ive id youre theyre weve theyve hes shes thats theres whats ' +
    'again further once while because until although though whether'
  ).split(/\s+/),
);

export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

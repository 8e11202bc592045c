/**
 * English stopwords (function words), after the lists jusText and boilerpipe use. Article prose
 * has a high share of them; headlines, menus and labels have few.
 */
const WORDS = `a about above across after afterwards again against all almost alone along already also although always am among
amongst an and another any anyhow anyone anything anyway anywhere are around as at be became because become becomes
becoming been before beforehand behind being below beside besides between beyond both but by can cannot could did do
does doing done down during each either else elsewhere enough even ever every everyone everything everywhere except few
for former formerly from further had has have having he hence her here hereafter hereby herein hers herself him himself
his how however i if in indeed into is it its itself just last latter least less many may me meanwhile might mine more
moreover most mostly much must my myself namely neither never nevertheless next no nobody none noone nor not nothing now
nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps rather
same several she should since so some somehow someone something sometime sometimes somewhere still such than that the
their theirs them themselves then thence there thereafter thereby therefore therein thereupon these they this those
though through throughout thru thus to together too toward towards under until up upon us very via was we well were what
whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who
whoever whole whom whose why will with within without would yet you your yours yourself yourselves
don't doesn't didn't isn't aren't wasn't weren't won't can't couldn't shouldn't wouldn't it's that's there's he's she's
i'm i've i'd i'll you're you've we're we've they're they've let's said says`;

export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

/** Whether a lower-cased word (apostrophes folded to ') is an English stopword. */
export function isStopword(lowerWord: string): boolean {
  return ENGLISH_STOPWORDS.has(lowerWord);
}

/*
 * The same set, looked up without building the word: a word of ASCII letters and apostrophes is
 * coded as two numbers in base 28 (a = 1 … z = 26, apostrophe = 27), `head` for its first six
 * characters and `rest` for the next six (0 when shorter), and found in an open-addressing table.
 */

/** Code of one character of a word (ASCII letter, either case, or an apostrophe), 0 for any other. */
export function stopCharCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 65 && c <= 90) return c - 64;
  if (c === 39 || c === 0x2019) return 27;
  return 0;
}

/** Words longer than this are never stopwords. */
export const MAX_STOPWORD_LENGTH = 12;
const TABLE_BITS = 10;
const HEADS = new Int32Array(1 << TABLE_BITS);
const RESTS = new Int32Array(1 << TABLE_BITS);

function slotOf(head: number, rest: number): number {
  return (Math.imul(head, 0x9e3779b1) ^ Math.imul(rest + 1, 0x85ebca6b)) >>> (32 - TABLE_BITS);
}

for (const w of ENGLISH_STOPWORDS) {
  let head = 0;
  let rest = 0;
  for (let i = 0; i < w.length; i++) {
    if (i < 6) head = head * 28 + stopCharCode(w.charCodeAt(i));
    else rest = rest * 28 + stopCharCode(w.charCodeAt(i));
  }
  let s = slotOf(head, rest);
  while (HEADS[s] !== 0) s = (s + 1) & ((1 << TABLE_BITS) - 1);
  HEADS[s] = head;
  RESTS[s] = rest;
}

/** Whether the word coded `head`, `rest` (see `stopCharCode`) is a stopword. */
export function isStopwordCode(head: number, rest: number): boolean {
  let s = slotOf(head, rest);
  for (;;) {
    const h = HEADS[s];
    if (h === 0) return false;
    if (h === head && RESTS[s] === rest) return true;
    s = (s + 1) & ((1 << TABLE_BITS) - 1);
  }
}

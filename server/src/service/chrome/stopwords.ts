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

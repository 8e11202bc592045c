/**
 * Word lists of news attribution: speech verbs (in the inflections news uses), pronouns,
 * determiners, the words that head organisation and person noun phrases, and abbreviations
 * that do not end a sentence. Everything is lower case; lookups are Set membership.
 */

/** Speech and attribution verbs: base form, optionally with irregular past / participle. */
const SPEECH_VERBS: readonly (string | [base: string, ...irregular: string[]])[] = [
  ['say', 'said'], ['tell', 'told'], ['write', 'wrote', 'written'], ['speak', 'spoke'],
  ['think', 'thought'], ['tweet', 'tweeted'], ['retweet'],
  'add', 'state', 'note', 'insist', 'hail', 'warn', 'argue', 'ask', 'explain', 'continue',
  'claim', 'declare', 'announce', 'reply', 'stress', 'acknowledge', 'admit', 'allege',
  'assert', 'boast', 'caution', 'charge', 'comment', 'complain', 'concede', 'confirm',
  'contend', 'counter', 'cry', 'deny', 'describe', 'emphasize', 'emphasise', 'exclaim',
  'joke', 'lament', 'mention', 'muse', 'observe', 'point', 'predict', 'proclaim', 'promise',
  'quip', 'recall', 'remark', 'report', 'respond', 'retort', 'reveal', 'scoff', 'shout',
  'suggest', 'urge', 'vow', 'whisper', 'yell', 'agree', 'answer', 'conclude', 'maintain',
  'recount', 'repeat', 'reiterate', 'accuse', 'blast', 'criticize', 'criticise', 'praise',
  'tout', 'demand', 'pledge', 'swear', 'testify', 'concur', 'chime', 'call', 'dismiss',
  'welcome', 'acknowledge', 'quote', 'post', 'tell', 'advise', 'affirm', 'begin',
  'elaborate', 'put', 'sigh', 'snap', 'scold', 'gush', 'mock', 'rip', 'slam', 'question',
  'wonder', 'mutter', 'rail', 'lash', 'thunder', 'fume', 'tease', 'instruct', 'inform',
  'assure', 'remind', 'concede', 'interject', 'preach', 'plead', 'pronounce', 'brag',
  'hint', 'dub', 'brand', 'term', 'believe', 'exhort', 'liken', 'condemn', 'lambaste', 'decry',
  'chant', 'sing', 'laud', 'echo', 'imagine', 'counsel', 'reason', 'relate', 'cite', 'feel', 'estimate', 'forecast',
  'recommend', 'read',
];

function inflections(base: string): string[] {
  const out = [base];
  // third person singular
  if (/(s|sh|ch|x|z)$/.test(base)) out.push(base + 'es');
  else if (/[^aeiou]y$/.test(base)) out.push(base.slice(0, -1) + 'ies');
  else out.push(base + 's');
  // past
  if (base.endsWith('e')) out.push(base + 'd');
  else if (/[^aeiou]y$/.test(base)) out.push(base.slice(0, -1) + 'ied');
  else if (/^(?:[^aeiou]*[aeiou])[^aeiouwxy]$/.test(base) && base.length <= 4) out.push(base + base.slice(-1) + 'ed');
  else out.push(base + 'ed');
  // gerund
  if (base.endsWith('ie')) out.push(base.slice(0, -2) + 'ying');
  else if (base.endsWith('e') && !base.endsWith('ee')) out.push(base.slice(0, -1) + 'ing');
  else if (/^(?:[^aeiou]*[aeiou])[^aeiouwxy]$/.test(base) && base.length <= 4) out.push(base + base.slice(-1) + 'ing');
  else out.push(base + 'ing');
  return out;
}

/** lower-case inflected form → base form */
export const SPEECH_VERB_FORMS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const entry of SPEECH_VERBS) {
    const [base, ...irregular] = typeof entry === 'string' ? [entry] : entry;
    for (const f of inflections(base)) if (!m.has(f)) m.set(f, base);
    for (const f of irregular) m.set(f, base);
  }
  // irregular forms whose regular spelling is wrong
  for (const wrong of ['sayed', 'telled', 'writeed', 'speaked', 'thinked', 'writeing', 'puted', 'puting', 'readed', 'sweared', 'feeled', 'begined', 'beginning']) m.delete(wrong);
  m.set('beginning', 'begin'); m.set('began', 'begin'); m.set('swore', 'swear'); m.set('sworn', 'swear');
  m.set('felt', 'feel'); m.set('putting', 'put'); m.set('writing', 'write');
  return m;
})();

/**
 * Verbs that attribute only in a tight pattern (`"…," X said`) or before a quote with a
 * clear subject, never as a loose inversion. Weak verbs of belief are attribution too in
 * PolNeAR-style annotation, but a scare quote next to "believe" is rarely a quotation.
 */
export const WEAK_SPEECH_VERBS: ReadonlySet<string> = new Set([
  'think', 'believe', 'feel', 'estimate', 'forecast', 'read', 'put', 'begin', 'call', 'dub',
  'brand', 'term', 'continue', 'cite', 'echo', 'imagine', 'sing', 'reason', 'relate', 'counsel', 'point', 'report', 'post', 'question', 'welcome',
  'recommend', 'agree', 'describe', 'quote', 'answer', 'maintain', 'hint', 'praise',
  'blast', 'slam', 'rip', 'mock', 'tout', 'dismiss', 'criticize', 'criticise', 'accuse',
  'demand', 'urge', 'pledge', 'vow', 'promise', 'predict', 'warn', 'hail',
]);

/** Whether a lower-case token is a gerund/participle in -ing (`adding`, `saying`). */
export function isIngForm(lower: string): boolean {
  return lower.length > 4 && lower.endsWith('ing');
}

export type PronounClass = 'person' | 'organisation' | 'plural';

export const SUBJECT_PRONOUNS: ReadonlyMap<string, PronounClass> = new Map([
  ['he', 'person'], ['she', 'person'], ['it', 'organisation'], ['they', 'plural'],
]);

/** Other pronouns that may stand as a speaker but name nobody (`I`, `we`, `you`, `one`). */
export const OTHER_PRONOUNS: ReadonlySet<string> = new Set(['i', 'we', 'you', 'one', 'who', 'which', 'that', 'this', 'these', 'those', 'someone', 'somebody', 'nobody', 'everyone']);

export const DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'its', 'their', 'our',
  'my', 'your', 'another', 'one', 'two', 'three', 'several', 'some', 'many', 'most', 'other',
  'both', 'each', 'every', 'no', 'few', 'all', 'any',
]);

/** Words a speaker noun phrase never contains: verbs, conjunctions, clause openers … */
export const NP_STOP: ReadonlySet<string> = new Set([
  'and', 'or', 'but', 'nor', 'so', 'yet', 'because', 'while', 'when', 'whereas', 'if',
  'as', 'than', 'then', 'that', 'which', 'who', 'whom', 'whose', 'where', 'why', 'how',
  'what', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'into', 'onto', 'about', 'after',
  'before', 'during', 'since', 'until', 'over', 'under', 'through', 'against', 'between',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does',
  'did', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'not', 'also',
  'later', 'then', 'once', 'again', 'still', 'even', 'just', 'only', 'however', 'too',
  'there', 'here', 'now', 'today', 'yesterday', 'tonight', 'recently', 'previously',
  'earlier', 'said', 'says', 'told', 'added', 'me', 'him', 'us', 'them', 'it',
  'he', 'she', 'they', 'i', 'we', 'you', 'according', 'like', 'unlike', 'per', 'via',
  'without', 'within', 'upon', 'among', 'across', 'toward', 'towards', 'around', 'near',
  'outside', 'inside', 'despite', 'although', 'though', 'unless', 'whether', 'either',
  'neither', 'up', 'down', 'out', 'off', 'very', 'really', 'never', 'always', 'ever',
]);

/** Prepositions allowed inside a speaker noun phrase (`a spokesman for the department`). */
export const NP_LINKS: ReadonlySet<string> = new Set(['of', 'for', 'at', 'with', 'from']);

/** Words that may stand between a subject and its speech verb (`the ministry also said`). */
export const AUX_SKIP: ReadonlySet<string> = new Set([
  'also', 'now', 'later', 'then', 'once', 'again', 'further', 'simply', 'just', 'reportedly',
  'publicly', 'privately', 'separately', 'flatly', 'bluntly', 'previously', 'earlier',
  'recently', 'repeatedly', 'has', 'have', 'had', 'would', 'will', 'could', 'might', 'may',
  'should', 'must', 'can', 'did', 'does', 'do', 'never', 'often', 'frequently', 'has',
  'quickly', 'angrily', 'calmly', 'firmly', 'openly', 'clearly', 'explicitly', 'told',
  'even', 'still', 'only', 'already', 'not', 'once', 'subsequently', 'additionally',
  'immediately', 'first', 'last', 'finally', 'ultimately', 'jokingly', 'famously',
  'tersely', 'curtly', 'sharply', 'strongly', 'specifically', 'emphatically', 'pointedly',
  'correctly', 'falsely', 'wrongly', 'accurately', 'mistakenly', 'confidently',
]);

/** Heads of organisation names. */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'ministry', 'department', 'office', 'agency', 'government', 'committee', 'campaign',
  'party', 'company', 'council', 'house', 'kremlin', 'administration', 'police', 'commission',
  'court', 'bureau', 'service', 'union', 'bank', 'board', 'group', 'organization',
  'organisation', 'association', 'institute', 'foundation', 'university', 'college',
  'embassy', 'consulate', 'army', 'military', 'navy', 'pentagon', 'senate', 'congress',
  'parliament', 'assembly', 'cabinet', 'corporation', 'corp', 'inc', 'firm', 'network',
  'newspaper', 'magazine', 'times', 'post', 'journal', 'news', 'press', 'media', 'channel',
  'network', 'station', 'center', 'centre', 'authority', 'authorities', 'regime', 'team',
  'club', 'league', 'federation', 'coalition', 'alliance', 'movement', 'fund', 'council',
  'secretariat', 'directorate', 'ministry', 'presidency', 'statement', 'report', 'study',
  'survey', 'poll', 'website', 'site', 'outlet', 'paper', 'daily', 'tribunal', 'fbi', 'cia',
  'nato', 'un', 'eu', 'who', 'imf', 'nasa', 'opec', 'white', 'state', 'county', 'city',
  'county', 'township', 'school', 'hospital', 'clinic', 'airline', 'airlines', 'store',
  'brand', 'firm', 'studio', 'label', 'community', 'people', 'country', 'nation',
]);

/** Person role nouns (singular); the plural adds -s. */
export const PERSON_ROLES: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'official', 'senator',
  'leader', 'director', 'secretary', 'ambassador', 'chairman', 'chairwoman', 'chair',
  'governor', 'mayor', 'representative', 'rep', 'sen', 'gov', 'congressman', 'congresswoman',
  'candidate', 'nominee', 'adviser', 'advisor', 'aide', 'source', 'analyst', 'expert',
  'professor', 'lawyer', 'attorney', 'judge', 'justice', 'chief', 'head', 'commander',
  'general', 'officer', 'prosecutor', 'economist', 'strategist', 'consultant', 'pollster',
  'manager', 'executive', 'ceo', 'founder', 'owner', 'member', 'resident', 'voter',
  'supporter', 'critic', 'activist', 'witness', 'doctor', 'author', 'writer', 'reporter',
  'editor', 'correspondent', 'columnist', 'historian', 'scientist', 'researcher', 'student',
  'teacher', 'father', 'mother', 'son', 'daughter', 'wife', 'husband', 'brother', 'sister',
  'woman', 'man', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'priest', 'rabbi',
  'imam', 'speaker', 'deputy', 'envoy', 'diplomat', 'negotiator', 'coach', 'player',
  'staffer', 'operative', 'organizer', 'organiser', 'democrat', 'republican', 'mr', 'mrs',
  'ms', 'dr', 'lawmaker', 'legislator', 'delegate', 'surrogate', 'volunteer', 'host',
  'anchor', 'commentator', 'pundit', 'contributor', 'chancellor', 'premier', 'mp', 'vice',
  'secretary-general', 'lt', 'col', 'sgt', 'capt', 'gen', 'adm', 'rev', 'sheriff', 'clerk',
  'trustee', 'investor', 'banker', 'billionaire', 'businessman', 'businesswoman', 'officer',
  'trooper', 'agent', 'soldier', 'veteran', 'victim', 'friend', 'neighbor', 'neighbour',
  'someone', 'person', 'people', 'officials', 'sources',
]);

/** Titles written before a name; dropped from identity keys. */
export const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt',
  'capt', 'adm', 'rev', 'sir', 'dame', 'lord', 'lady', 'president', 'vice', 'senator',
  'governor', 'mayor', 'minister', 'secretary', 'ambassador', 'chairman', 'chairwoman',
  'spokesman', 'spokeswoman', 'spokesperson', 'prime', 'foreign', 'deputy', 'assistant',
  'chief', 'justice', 'judge', 'king', 'queen', 'prince', 'princess', 'pope', 'director',
  'former', 'acting', 'then', 'late', 'presidential', 'candidate', 'nominee', 'democratic',
  'republican', 'leader', 'speaker', 'attorney', 'general', 'state', 'house', 'majority',
  'minority', 'congressman', 'congresswoman', 'u.s', 'us', 'kremlin', 'white', 'defense',
  'interior', 'finance', 'trade', 'economy', 'health', 'education', 'energy', 'agriculture',
  'commerce', 'labor', 'treasury', 'homeland', 'security', 'national', 'russian', 'american',
  'british', 'french', 'german', 'chinese', 'turkish', 'ukrainian', 'israeli', 'iranian',
  'gop', 'sens', 'reps', 'mrs', 'host', 'anchor', 'analyst', 'professor', 'economist',
  'strategist', 'pollster', 'ceo', 'founder', 'executive', 'manager', 'campaign', 'adviser',
  'advisor', 'aide', 'press', 'secretary-general', 'envoy', 'special', 'counsel', 'first',
  'lady', 'his', 'her', 'their', 'its', 'the', 'a', 'an', 'top', 'senior', 'new', 'outgoing',
  'incoming', 'rival', 'fellow', 'independent', 'libertarian', 'green', 'party', 'supreme',
  'court', 'federal', 'district', 'circuit', 'county', 'city', 'council', 'member', 'sheriff',
]);

/** Abbreviations whose final period does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt',
  'adm', 'rev', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'jan',
  'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt',
  'ft', 'ave', 'blvd', 'dept', 'univ', 'sens', 'reps', 'govs', 'messrs', 'approx', 'est',
]);

/** Nationality / country prefixes the identity key ignores on organisation names. */
export const COUNTRY_PREFIXES: readonly (readonly string[])[] = [
  ['u.s.'], ['us'], ['u.s'], ['united', 'states'], ['america\u2019s'], ["america's"],
];

/** Irregular past forms: verbs, never part of a speaker's noun phrase. */
export const IRREGULAR_PAST: ReadonlySet<string> = new Set([
  'took', 'gave', 'made', 'put', 'set', 'got', 'went', 'came', 'saw', 'knew', 'found', 'kept',
  'left', 'held', 'brought', 'bought', 'thought', 'told', 'sent', 'spent', 'led', 'met', 'ran',
  'began', 'wrote', 'spoke', 'chose', 'drew', 'won', 'lost', 'stood', 'fought', 'sold', 'paid',
  'meant', 'felt', 'heard', 'hit', 'cut', 'let', 'became', 'rose', 'fell', 'threw', 'grew',
  'drove', 'sang', 'said', 'struck', 'swore', 'taught', 'understood', 'upheld', 'withdrew',
]);

/** Days, months and times: never a speaker (`…," said Friday` is a date, not a name). */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.', 'today', 'yesterday',
  'tonight', 'tomorrow', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hours', 'hour',
  'minutes', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'early', 'late', 'last',
  'next', 'ago', 'earlier', 'later', 'dozen', 'dozens', 'hundreds', 'thousands', 'millions',
]);

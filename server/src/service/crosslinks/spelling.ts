/**
 * British → American spelling for matching only (the text is never changed).
 *
 * Input is one lower-case, diacritic-free word. A rule is only harmful when it makes two
 * DIFFERENT words equal (`four`/`for`, `filled`/`filed`, `timbre`/`timber`), so the broad rules
 * (`-ise`, `-isation`, `-tre`, `-logue`, doubled `l`) carry exception lists, and `-our` is applied
 * only to a list of stems. Mapping a word that has no variant (`rise` → `rize`) is harmless:
 * both sides get the same form.
 */

/** Irregular pairs and words no rule covers (British → American). */
const WORDS: Record<string, string> = {
  programme: 'program', programmes: 'programs',
  defence: 'defense', defences: 'defenses', offence: 'offense', offences: 'offenses',
  licence: 'license', licences: 'licenses', pretence: 'pretense',
  practise: 'practice', practised: 'practiced', practising: 'practicing', practises: 'practices',
  grey: 'gray', greys: 'grays', tyre: 'tire', tyres: 'tires', kerb: 'curb', kerbs: 'curbs',
  plough: 'plow', ploughs: 'plows', ploughed: 'plowed', draught: 'draft', draughts: 'drafts',
  mould: 'mold', moulds: 'molds', smoulder: 'smolder', smouldering: 'smoldering',
  sceptic: 'skeptic', sceptics: 'skeptics', sceptical: 'skeptical', scepticism: 'skepticism',
  aluminium: 'aluminum', cheque: 'check', cheques: 'checks', jewellery: 'jewelry',
  pyjamas: 'pajamas', manoeuvre: 'maneuver', manoeuvres: 'maneuvers', manoeuvred: 'maneuvered',
  manoeuvring: 'maneuvering', judgement: 'judgment', judgements: 'judgments',
  acknowledgement: 'acknowledgment', acknowledgements: 'acknowledgments', ageing: 'aging',
  paediatric: 'pediatric', paediatrician: 'pediatrician', encyclopaedia: 'encyclopedia',
  anaemia: 'anemia', anaemic: 'anemic', anaesthetic: 'anesthetic', anaesthesia: 'anesthesia',
  haemorrhage: 'hemorrhage', haemoglobin: 'hemoglobin', orthopaedic: 'orthopedic',
  oesophagus: 'esophagus', oestrogen: 'estrogen', foetus: 'fetus', foetal: 'fetal',
  diarrhoea: 'diarrhea', leukaemia: 'leukemia', palaeontology: 'paleontology',
  enrol: 'enroll', enrols: 'enrolls', enrolment: 'enrollment', enrolments: 'enrollments',
  fulfil: 'fulfill', fulfils: 'fulfills', fulfilment: 'fulfillment', instalment: 'installment',
  instalments: 'installments', skilful: 'skillful', skilfully: 'skillfully', wilful: 'willful',
  distil: 'distill', instil: 'instill', fuelled: 'fueled', fuelling: 'fueling',
  duelling: 'dueling', duelled: 'dueled', whilst: 'while', amongst: 'among', learnt: 'learned', spelt: 'spelled',
  burnt: 'burned', dreamt: 'dreamed', towards: 'toward', afterwards: 'afterward',
  storey: 'story', storeys: 'stories', cosy: 'cozy', mum: 'mom', mums: 'moms',
  // month and title abbreviations (after the trailing dot is dropped)
  jan: 'january', feb: 'february', mar: 'march', apr: 'april', jun: 'june', jul: 'july',
  aug: 'august', sep: 'september', sept: 'september', oct: 'october', nov: 'november',
  dec: 'december',
};

/** Stems that take `-our` in British and `-or` in American spelling. */
const OUR_STEMS = new Set([
  'colo', 'favo', 'hono', 'labo', 'neighbo', 'behavio', 'harbo', 'humo', 'rumo', 'vapo', 'vigo',
  'valo', 'endeavo', 'armo', 'odo', 'parlo', 'savio', 'splendo', 'tumo', 'flavo', 'fervo', 'cando',
  'clamo', 'ranco', 'rigo', 'savo', 'succo', 'demeano', 'ardo', 'dishono', 'disfavo', 'discolo',
  'misbehavio', 'glamo',
]);
const OUR_SUFFIXES = new Set([
  '', 's', 'ed', 'ing', 'able', 'ably', 'ite', 'ites', 'ful', 'less', 'er', 'ers', 'ism', 'ist',
  'ists', 'ly', 'y', 'hood', 'hoods',
]);

/** `-ise` words whose `-ize` form is a different word, and `-tre` words that are not `-ter`. */
const ISE_KEEP = new Set(['prise', 'prised', 'prises', 'prising', 'seise', 'baise']);
const TRE_KEEP = new Set(['notre', 'entre', 'contre', 'maitre', 'autre', 'lettre', 'timbre', 'timbres']);
const BRE = new Set(['fibre', 'fibres', 'sabre', 'sabres', 'calibre', 'calibres', 'sombre', 'sombrely']);

const VOWEL_GROUPS = /[aeiouy]+/g;
function vowelGroups(s: string): number {
  const m = s.match(VOWEL_GROUPS);
  return m ? m.length : 0;
}

/** The American spelling of a lower-case word, or the word itself. */
export function americanize(w: string): string {
  // own keys only: `constructor`, `toString` … are words, not the object's prototype
  const listed = Object.hasOwn(WORDS, w) ? WORDS[w] : undefined;
  if (listed !== undefined) return listed;
  if (w.length < 5) return w;
  let m: RegExpExecArray | null;

  // -our / -or, stems only (never four, hour, your, pour, tour, flour, sour, devour, contour)
  m = /^(.+?o)ur([a-z]*)$/.exec(w);
  if (m && OUR_STEMS.has(m[1]) && OUR_SUFFIXES.has(m[2])) return m[1] + 'r' + m[2];

  // -isation / -ization, -ise / -ize, -yse / -yze
  m = /^(.{2,})is(ation|ations|e|es|ed|ing|er|ers|able)$/.exec(w);
  if (m && !ISE_KEEP.has(w)) return m[1] + 'iz' + m[2];
  m = /^(.{2,})ys(e|es|ed|ing|er|ers)$/.exec(w);
  if (m && /^(anal|paral|catal|dial|electrol|hydrol)$/.test(m[1])) return m[1] + 'yz' + m[2];

  // -tre / -ter (centre, theatre, metre, litre, kilometres, centred), a few -bre / -ber
  m = /^(.{2,})tre(s|d)?$/.exec(w);
  if (m && !TRE_KEEP.has(m[1] + 'tre')) return m[1] + 'ter' + (m[2] === 'd' ? 'ed' : m[2] ?? '');
  if (BRE.has(w)) return w.replace(/bre/, 'ber');

  // -logue / -log
  m = /^(.{2,}log)ue(s)?$/.exec(w);
  if (m) return m[1] + (m[2] ?? '');

  // doubled l before a suffix: travelled, cancelling, labelled, modeller, marvellous, counsellor
  m = /^(.*[aeiou][^aeiou]*[aeiou])ll(ed|ing|er|ers|or|ors|ous|ously)$/.exec(w);
  if (m && vowelGroups(m[1]) >= 2 && !/[aeiou]{2}$/.test(m[1]) && !/^(re|un|pre)[^aeiou]*[aeiou]$/.test(m[1])) {
    return m[1] + 'l' + m[2];
  }

  return w;
}

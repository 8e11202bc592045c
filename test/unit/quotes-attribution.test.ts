/** Attribution patterns of news writing, pronoun resolution and speaker identity. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { speakerKey } from '../../server/src/service/quotes/index';
import { quotesOf, quoteStarting, view } from './quotes-helpers';

describe('attribution patterns', () => {
  it('"…," X said', () => {
    const [q] = quotesOf('"We will win," Kremlin spokesman Dmitry Peskov said on Friday.');
    assert.deepEqual(view(q), { text: 'We will win,', name: 'Kremlin spokesman Dmitry Peskov', mention: 'Kremlin spokesman Dmitry Peskov', via: null, cue: 'said' });
    assert.equal(q.speaker?.kind, 'person');
  });

  it('"…," said X', () => {
    const [q] = quotesOf('"We will win," said Dmitry Peskov, the Kremlin spokesman.');
    assert.equal(q.speaker?.mention.text, 'Dmitry Peskov');
    assert.equal(q.cue?.text, 'said');
  });

  it('X said: "…"', () => {
    const [q] = quotesOf('Later Thursday, a spokesman for the U.S. State Department said: “The talks were constructive.”');
    assert.equal(q.speaker?.mention.text, 'a spokesman for the U.S. State Department');
    assert.equal(q.speaker?.kind, 'person');
  });

  it('X said that … "…" (speaker before the quote)', () => {
    const [q] = quotesOf('Speaking in Qatar, Russian Foreign Minister Sergey Lavrov said the talks would seek to resolve "systemic problems.”');
    assert.deepEqual(view(q), { text: 'systemic problems.', name: 'Russian Foreign Minister Sergey Lavrov', mention: 'Russian Foreign Minister Sergey Lavrov', via: null, cue: 'said' });
  });

  it('X said in a statement: the cue covers the statement', () => {
    const [q] = quotesOf('"The United States raised concerns," U.S. State Department said in a statement.');
    assert.equal(q.cue?.text, 'said in a statement');
    assert.equal(q.speaker?.kind, 'organisation');
  });

  it('X told Y', () => {
    const [q] = quotesOf('The mayor told reporters: "We are ready."');
    assert.equal(q.speaker?.mention.text, 'The mayor');
    assert.equal(q.cue?.text, 'told');
  });

  it('according to X', () => {
    const [q] = quotesOf('"The deal is done," according to the Associated Press.');
    assert.equal(q.speaker?.mention.text, 'the Associated Press');
    assert.equal(q.cue?.text, 'according to');
  });

  it('X, who …, said', () => {
    const [q] = quotesOf('"It is over," Valentina Matvienko, who heads the upper house, said in Ankara.');
    assert.equal(q.speaker?.mention.text, 'Valentina Matvienko');
  });

  it('X (party-state) said', () => {
    const [q] = quotesOf('"It is a dog whistle," Rep. Gwen Moore (D-Wis.) said Friday.');
    assert.equal(q.speaker?.mention.text, 'Rep. Gwen Moore (D-Wis.)');
    assert.equal(speakerKey(q.speaker!.name), 'moore');
  });

  it('"…" X said. "…": the second sentence of the quote paragraph', () => {
    const qs = quotesOf('“The first contacts encourage hopes,” Putin said. “There is a mutual readiness.”');
    assert.equal(qs.length, 2);
    assert.equal(qs[1].speaker?.mention.text, 'Putin');
    assert.equal(qs[1].speaker?.key, 'putin');
  });

  it('speech verbs in their news tenses', () => {
    for (const verb of ['says', 'added', 'stated', 'noted', 'wrote', 'insisted', 'warned', 'argued', 'explained', 'claimed', 'declared', 'announced', 'tweeted', 'replied', 'stressed']) {
      const [q] = quotesOf(`"It is fine," the governor ${verb}.`);
      assert.equal(q.speaker?.mention.text, 'the governor', verb);
      assert.equal(q.cue?.text, verb);
    }
  });

  it('partial quote after a speech verb gets the sentence speaker', () => {
    const [q] = quotesOf('Speaking on Thursday, Putin hailed the administration\'s "pragmatism and realistic view” of the talks.');
    assert.equal(q.speaker?.mention.text, 'Putin');
    assert.equal(q.cue?.text, 'hailed');
  });

  it('a scare quote in a sentence without attribution stays unattributed', () => {
    const [q] = quotesOf('The so-called "reset" of relations began in 2009.');
    assert.equal(q.content.text, 'reset');
    assert.equal(q.speaker, null);
    assert.equal(q.cue, null);
  });

  it('a quote paragraph right after a speaker\'s quote belongs to that speaker', () => {
    const qs = quotesOf('"We will see," Senator Jane Smith said.\n\n"Nothing is decided yet."\n\nThe vote is on Monday.\n\n"A quote with nobody before it."');
    assert.equal(quoteStarting(qs, 'Nothing').speaker?.mention.text, 'Senator Jane Smith');
    assert.equal(quoteStarting(qs, 'A quote').speaker, null);
  });

  it('a quote inside an attributed quote carries its speaker', () => {
    const qs = quotesOf(`"Ways to overcome the 'irritants' were discussed," the ministry said.`);
    assert.equal(quoteStarting(qs, 'irritants').speaker?.mention.text, 'the ministry');
  });
});

describe('pronouns and short mentions', () => {
  it('it → the organisation named before', () => {
    const qs = quotesOf('"First," U.S. State Department said in a statement.\n\n"Second," it added.');
    const q = qs[1];
    assert.deepEqual(view(q), { text: 'Second,', name: 'U.S. State Department', mention: 'U.S. State Department', via: 'it', cue: 'added' });
    assert.equal(q.speaker?.kind, 'organisation');
  });

  it('it → an organisation named without a quote', () => {
    const qs = quotesOf('Delegations met in Istanbul, said the US State Department.\n\n"The talks went well," it said in a statement on Thursday.');
    assert.equal(qs[0].speaker?.name, 'US State Department');
    assert.equal(qs[0].speaker?.via?.text, 'it');
  });

  it('she → the nearest person, skipping organisations', () => {
    const text = 'Valentina Matvienko, speaker of the upper house, said the Foreign Ministry should act.\n\n“I\'m sure,” she said in Ankara, according to Russian news agencies.';
    const [q] = quotesOf(text);
    assert.deepEqual(view(q), { text: 'I\'m sure,', name: 'Valentina Matvienko', mention: 'Valentina Matvienko', via: 'she', cue: 'said' });
  });

  it('he with nobody to refer to keeps the pronoun as the speaker', () => {
    const [q] = quotesOf('"Maybe," he said.');
    assert.equal(q.speaker?.mention.text, 'he');
    assert.equal(q.speaker?.via, null);
  });

  it('they → a plural speaker', () => {
    const qs = quotesOf('"No comment," officials said.\n\n"Later," they added.');
    assert.equal(qs[1].speaker?.mention.text, 'officials');
    assert.equal(qs[1].speaker?.via?.text, 'they');
  });

  it('the ministry → the ministry named in full before', () => {
    const text = '"A," the Russian foreign ministry said in a statement.\n\n"B," the ministry said.';
    const qs = quotesOf(text);
    assert.equal(qs[1].speaker?.mention.text, 'the Russian foreign ministry');
    assert.equal(qs[1].speaker?.via?.text, 'the ministry');
    assert.equal(qs[1].speaker?.key, qs[0].speaker?.key);
  });

  it('Putin merges with Russian President Vladimir Putin and shows the fullest name', () => {
    const text = 'Trump spoke with Russian President Vladimir Putin.\n\n“We hope,” Putin said.';
    const [q] = quotesOf(text);
    assert.equal(q.speaker?.mention.text, 'Putin');
    assert.equal(q.speaker?.name, 'Russian President Vladimir Putin');
  });
});

describe('speakerKey', () => {
  it('merges the State Department however it is written', () => {
    const k = speakerKey('U.S. State Department');
    assert.equal(speakerKey('US State Department'), k);
    assert.equal(speakerKey('the State Department'), k);
    assert.equal(speakerKey('United States State Department'), k);
    assert.notEqual(speakerKey('Russian Foreign Ministry'), k);
  });

  it('keys persons on their surname, titles and case aside', () => {
    assert.equal(speakerKey('Putin'), speakerKey('Russian President Vladimir Putin'));
    assert.equal(speakerKey('Kremlin spokesman Dmitry Peskov'), speakerKey('Peskov'));
    assert.equal(speakerKey('Recep Tayyip Erdoğan'), speakerKey('Erdogan'));
    assert.notEqual(speakerKey('Lavrov'), speakerKey('Putin'));
  });

  it('keys organisations on their words', () => {
    assert.equal(speakerKey('the Russian foreign ministry'), speakerKey('Russian Foreign Ministry'));
  });

  it('never throws on odd input', () => {
    for (const s of ['', ' ', '\ud800', '"""', 'x'.repeat(100000), '’s']) assert.equal(typeof speakerKey(s), 'string');
  });
});

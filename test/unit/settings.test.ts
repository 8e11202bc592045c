import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { resolveSettings, DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import { RULES } from '../../server/src/service/rules';

test('rules come nested from VS Code and flat from a config file; both flatten to codes', () => {
  const nested = resolveSettings({ rules: { chrome: { teaser: 'off' }, text: { 'invisible-character': 'error' } } });
  assert.deepEqual(nested.rules, { 'chrome.teaser': 'off', 'text.invisible-character': 'error' });
  const flat = resolveSettings({ rules: { 'chrome.teaser': 'hint', 'chrome.footer': 'bogus' } });
  assert.deepEqual(flat.rules, { 'chrome.teaser': 'hint' });
});

test('bad values fall back to defaults', () => {
  const s = resolveSettings({ files: 'nope', matching: { minScore: 7 }, maxFileSize: -1 });
  assert.deepEqual(s.files, DEFAULT_SETTINGS.files);
  assert.equal(s.matching.minScore, 1);
  assert.equal(s.maxFileSize, 1000);
  assert.deepEqual(resolveSettings(undefined), DEFAULT_SETTINGS);
});

test('every rule in the table is a setting in package.json with the same default, and no other', () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties as Record<string, { default: string; enum: string[] }>;
  const declared = Object.keys(props).filter((k) => k.startsWith('seedReview.rules.')).sort();
  assert.deepEqual(declared, RULES.map((r) => `seedReview.rules.${r.code}`).sort());
  for (const r of RULES) {
    assert.equal(props[`seedReview.rules.${r.code}`].default, r.defaultSeverity, r.code);
    assert.deepEqual(props[`seedReview.rules.${r.code}`].enum, ['off', 'hint', 'info', 'warning', 'error']);
  }
  assert.deepEqual(props['seedReview.files'].default, DEFAULT_SETTINGS.files);
  assert.equal(props['seedReview.matching.minScore'].default as unknown, DEFAULT_SETTINGS.matching.minScore);
});

test('docs/rules.md is generated from the rule table and up to date', async () => {
  const { rulesMarkdown } = await import('../../scripts/rules-doc');
  const doc = readFileSync(path.join(__dirname, '../../docs/rules.md'), 'utf8');
  assert.equal(doc, rulesMarkdown(), 'run npm run docs:rules');
  for (const r of RULES) assert.ok(doc.includes(`## ${r.code}`));
});

test('the default matching threshold is the one the scorer was tuned for', async () => {
  const { DEFAULT_MIN_SCORE } = await import('../../server/src/service/crosslinks/score');
  assert.equal(DEFAULT_SETTINGS.matching.minScore, DEFAULT_MIN_SCORE);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type * as Sarif from 'sarif';
import { cli, generatedCorpus, readSeed, REPO, SEED_000, SEED_003, tempTree } from './helpers';
import { applyWorkspaceEdit, makeWorld } from '../helpers';
import { RULES } from '../../server/src/service/rules';
import { FIX_ALL_KIND } from '../../server/src/shared/protocol';
import { splitLines } from '../../server/src/service/text/lines';
import { hashLines } from '../../server/src/service/edits/lineEdits';

interface JsonDiag {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface CheckJson {
  tool: { name: string; version: string };
  files: { path: string; diagnostics: JsonDiag[] }[];
  summary: { problems: number; errors: number; warnings: number; infos: number; hints: number; filesChecked: number; skipped: { path: string; reason: string }[] };
}

const PROBLEM = /^\s+(\d+):(\d+)\s+(error|warning|info|hint)\s+(.*?)\s\s+(\S+)$/;
const SUMMARY = /^✖ (\d+) problems? \((\d+) errors?, (\d+) warnings?, (\d+) infos?(?:, (\d+) hints?)?\) in (\d+) files?/;

function checkJson(args: string[], cwd = REPO): CheckJson {
  const r = cli(['check', '--format', 'json', '--fail-on', 'none', ...args], cwd);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as CheckJson;
}

const codesIn = (j: CheckJson) => new Set(j.files.flatMap((f) => f.diagnostics.map((d) => d.code)));

// ---- help, version, usage ----------------------------------------------------------------------

test('--version prints the package version; --help works for every command', () => {
  const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  assert.equal(cli(['--version']).stdout.trim(), version);
  for (const args of [['--help'], ['check', '--help'], ['strip', '--help'], ['analyze', '--help']]) {
    const r = cli(args);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.stdout, /^Usage: seed-review/);
  }
});

test('usage errors exit 2 with one line on stderr and no stack trace', () => {
  for (const args of [['frobnicate'], ['check', '--bogus'], ['check', '--format', 'xml', 'seeds'], ['check', '--fail-on', 'sometimes', 'seeds'], ['check', '--jobs', 'zero', 'seeds'], ['analyze', 'seeds']]) {
    const r = cli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

// ---- check: text -----------------------------------------------------------------------------

test('check prints ESLint-stylish text the contributed problem matcher reads', () => {
  const r = cli(['check', 'seeds']);
  assert.equal(r.code, 1, 'warnings fail at the default --fail-on warning');
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], SEED_000);
  const problems = lines.filter((l) => PROBLEM.test(l));
  assert.ok(problems.length > 10);
  assert.ok(lines.includes(SEED_003));
  const summary = lines.find((l) => SUMMARY.test(l));
  assert.ok(summary, r.stdout);
  const m = SUMMARY.exec(summary)!;
  assert.equal(Number(m[1]), problems.length);
  assert.equal(Number(m[6]), 2);
  assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour without a terminal');

  // the matcher in package.json: file line, then looping problem lines
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const matcher = pkg.contributes.problemMatchers.find((p: { name: string }) => p.name === 'seed-review');
  const [fileRe, lineRe] = matcher.pattern.map((p: { regexp: string }) => new RegExp(p.regexp));
  assert.ok(fileRe.test(lines[0]));
  assert.equal(matcher.pattern[1].loop, true);
  const first = lineRe.exec(problems[0]);
  assert.ok(first);
  assert.deepEqual([first[1], first[2], first[3], first[5]], ['3', '1', 'warning', 'chrome.repeated-title']);
  for (const p of problems) assert.ok(lineRe.test(p), p);
});

test('text columns are 1-based and match the JSON positions', () => {
  const text = cli(['check', SEED_000]).stdout;
  const json = checkJson([SEED_000]);
  const fromText = text.split('\n').filter((l) => PROBLEM.test(l)).map((l) => {
    const m = PROBLEM.exec(l)!;
    return `${m[1]}:${m[2]} ${m[5]}`;
  });
  const fromJson = json.files[0].diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
  assert.deepEqual(fromText, fromJson);
});

test('FORCE_COLOR turns colours on, NO_COLOR off', () => {
  assert.match(cli(['check', SEED_003], REPO, { FORCE_COLOR: '1' }).stdout, /\x1b\[/);
  assert.doesNotMatch(cli(['check', SEED_003], REPO, { NO_COLOR: '1' }).stdout, /\x1b\[/);
});

test('--fail-on sets the exit status', () => {
  assert.equal(cli(['check', 'seeds']).code, 1);
  assert.equal(cli(['check', '--fail-on', 'error', 'seeds']).code, 0);
  assert.equal(cli(['check', '--fail-on', 'hint', 'seeds']).code, 1);
  assert.equal(cli(['check', '--fail-on', 'none', 'seeds']).code, 0);
  // with every warning-level rule off, only infos and hints remain
  const off = RULES.filter((r) => r.defaultSeverity === 'warning').flatMap((r) => ['--rule', `${r.code}=off`]);
  assert.equal(cli(['check', ...off, 'seeds']).code, 0);
  assert.equal(cli(['check', ...off, '--fail-on', 'info', 'seeds']).code, 1);
});

// ---- check: JSON and SARIF -----------------------------------------------------------------------

test('check --format json: per file diagnostics with LSP ranges, and a summary', () => {
  const j = checkJson(['seeds']);
  assert.equal(j.tool.name, 'seed-review');
  assert.deepEqual(j.files.map((f) => f.path), [SEED_000, SEED_003]);
  const all = j.files.flatMap((f) => f.diagnostics);
  for (const d of all) {
    assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
    assert.ok(RULES.some((r) => r.code === d.code));
    assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0);
  }
  assert.equal(j.summary.problems, all.length);
  assert.equal(j.summary.warnings, all.filter((d) => d.severity === 'warning').length);
  assert.equal(j.summary.filesChecked, 2);
});

test('the CLI reports what the editor reports (same engine, same corpus)', async () => {
  const j = checkJson(['seeds']);
  const uri = (rel: string) => `file:///ws/${rel}`;
  const w = makeWorld({ [uri(SEED_000)]: readSeed(SEED_000), [uri(SEED_003)]: readSeed(SEED_003) });
  await w.service.indexCorpus();
  for (const f of j.files) {
    const ds = await w.service.computeDiagnostics(TextDocument.create(uri(f.path), 'seed', 1, readSeed(f.path)));
    assert.deepEqual(
      f.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.message}`).sort(),
      ds.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.message}`).sort(),
      f.path,
    );
  }
});

test('check --format sarif: a SARIF 2.1.0 log with the rule table and located results', () => {
  const r = cli(['check', '--format', 'sarif', 'seeds']);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout) as Sarif.Log;
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema!, /sarif-2\.1\.0/);
  const run = log.runs[0];
  const rules = run.tool.driver.rules!;
  assert.deepEqual(rules.map((x) => x.id), RULES.map((x) => x.code));
  for (const rule of rules) {
    assert.ok(rule.shortDescription?.text && rule.fullDescription?.text && rule.helpUri);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration!.level!));
  }
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.ok(run.originalUriBaseIds!['%SRCROOT%'].uri!.startsWith('file:///'));
  const results = run.results!;
  assert.equal(results.length, checkJson(['seeds']).summary.problems);
  for (const res of results) {
    assert.equal(rules[res.ruleIndex!].id, res.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(res.level!));
    const loc = res.locations![0].physicalLocation!;
    assert.equal(loc.artifactLocation!.uriBaseId, '%SRCROOT%');
    assert.ok([SEED_000, SEED_003].includes(loc.artifactLocation!.uri!));
    assert.ok(loc.region!.startLine! >= 1 && loc.region!.startColumn! >= 1);
    assert.ok(loc.region!.endLine! >= loc.region!.startLine!);
  }
  const first = results[0].locations![0].physicalLocation!.region!;
  assert.deepEqual([first.startLine, first.startColumn], [3, 1]);
  assert.equal(run.invocations![0].executionSuccessful, true);
});

// ---- configuration -------------------------------------------------------------------------

test('--rule turns a rule off; an unknown code is a usage error naming close matches', () => {
  assert.ok(codesIn(checkJson(['seeds'])).has('chrome.teaser'));
  assert.ok(!codesIn(checkJson(['--rule', 'chrome.teaser=off', 'seeds'])).has('chrome.teaser'));
  const raised = checkJson(['--rule', 'chrome.teaser=error', 'seeds']);
  assert.ok(raised.files.flatMap((f) => f.diagnostics).filter((d) => d.code === 'chrome.teaser').every((d) => d.severity === 'error'));
  const r = cli(['check', '--rule', 'teaser=off', 'seeds']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown rule "teaser".*chrome\.teaser/);
  assert.equal(cli(['check', '--rule', 'chrome.teaser=loud', 'seeds']).code, 2);
});

test('--config accepts flat seedReview.* keys, the nested section, and the bare section', () => {
  const configs = {
    'flat.json': { 'seedReview.rules.chrome.teaser': 'off', 'editor.wordWrap': 'on' },
    'nested.json': { seedReview: { rules: { chrome: { teaser: 'off' } } } },
    'section.json': { rules: { 'chrome.teaser': 'off' } },
  };
  const t = tempTree(Object.fromEntries(Object.entries(configs).map(([k, v]) => [k, JSON.stringify(v)])));
  try {
    for (const name of Object.keys(configs)) {
      const j = checkJson(['--config', path.join(t.dir, name), 'seeds']);
      assert.ok(!codesIn(j).has('chrome.teaser'), name);
      assert.ok(codesIn(j).has('chrome.related-headlines'), name);
    }
    // --rule wins over the file
    assert.ok(codesIn(checkJson(['--config', path.join(t.dir, 'flat.json'), '--rule', 'chrome.teaser=info', 'seeds'])).has('chrome.teaser'));
    writeFileSync(path.join(t.dir, 'commented.json'), '// VS Code settings\n{\n  "seedReview.rules.chrome.teaser": "off", /* inline */\n}\n');
    assert.ok(!codesIn(checkJson(['--config', path.join(t.dir, 'commented.json'), 'seeds'])).has('chrome.teaser'));
    writeFileSync(path.join(t.dir, 'broken.json'), '{ nope');
    const r = cli(['check', '--config', path.join(t.dir, 'broken.json'), 'seeds']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not valid JSON/);
    assert.equal(cli(['check', '--config', path.join(t.dir, 'missing.json'), 'seeds']).code, 2);
  } finally {
    t.done();
  }
});

test('.seedreview.json ignores are honoured, the nearest one winning', () => {
  const text = readSeed(SEED_000);
  const lines = splitLines(text);
  const j = checkJson([SEED_000]);
  const teaser = j.files[0].diagnostics.find((d) => d.code === 'chrome.teaser')!;
  const hash = hashLines(lines, teaser.range.start.line, teaser.range.end.line);
  const entry = { file: 'a/b/seed.txt', code: 'chrome.teaser', hash };
  const t = tempTree({
    'a/b/seed.txt': text,
    '.seedreview.json': JSON.stringify({ ignore: [entry] }),
  });
  try {
    const count = (cwd: string, p = 'a/b/seed.txt') => checkJson([p], cwd).files[0].diagnostics.filter((d) => d.code === 'chrome.teaser').length;
    const before = j.files[0].diagnostics.filter((d) => d.code === 'chrome.teaser').length;
    assert.equal(count(t.dir), before - 1, 'the ignored teaser is gone');
    // a nearer .seedreview.json (in a/) replaces the root one: its entries are relative to a/
    writeFileSync(path.join(t.dir, 'a/.seedreview.json'), JSON.stringify({ ignore: [] }));
    assert.equal(count(t.dir), before);
    writeFileSync(path.join(t.dir, 'a/.seedreview.json'), JSON.stringify({ ignore: [{ ...entry, file: 'b/seed.txt' }] }));
    assert.equal(count(t.dir), before - 1);
    // found from the file's folder upwards, whatever the current folder
    assert.equal(count(REPO, path.join(t.dir, 'a/b/seed.txt')), before - 1);
  } finally {
    t.done();
  }
});

test('with no PATH, check takes **/seeds/**/*.txt below the current folder; none is an error', () => {
  const t = tempTree({ 'seeds/x/a.txt': readSeed(SEED_003), 'notes.txt': 'not a seed' });
  try {
    const j = checkJson([], t.dir);
    assert.deepEqual(j.files.map((f) => f.path), [path.join('seeds', 'x', 'a.txt')]);
  } finally {
    t.done();
  }
  const empty = tempTree({ 'notes.txt': 'x' });
  try {
    const r = cli(['check'], empty.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no seed files/);
  } finally {
    empty.done();
  }
});

// ---- strip -------------------------------------------------------------------------------------

/** What the editor's fix-all gives for a file that is alone in its corpus. */
async function editorFixAll(text: string): Promise<string> {
  const uri = 'file:///ws/seeds/a.txt';
  const w = makeWorld({ [uri]: text });
  await w.service.indexCorpus();
  const doc = TextDocument.create(uri, 'seed', 1, text);
  const [fixAll] = await w.service.getCodeActions(doc, { diagnostics: [], only: [FIX_ALL_KIND] });
  return applyWorkspaceEdit(doc, fixAll.edit);
}

test('strip FILE prints the file minus its chrome lines, as the editor fix-all does', async () => {
  for (const seed of [SEED_000, SEED_003]) {
    const text = readSeed(seed);
    const r = cli(['strip', seed]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, await editorFixAll(text), seed);
    // only whole lines went, all of them chrome or blank
    const kinds = (JSON.parse(cli(['analyze', '--json', seed]).stdout) as { files: { lines: { kind: string }[] }[] }).files[0].lines;
    const input = text.split('\n');
    const output = r.stdout.split('\n');
    let k = 0;
    for (let i = 0; i < input.length; i++) {
      if (k < output.length && output[k] === input[i]) k++;
      else assert.ok(kinds[i] === undefined || kinds[i].kind === 'chrome' || kinds[i].kind === 'blank', `line ${i + 1} removed but is ${kinds[i]?.kind}`);
    }
    assert.equal(k, output.length, 'the output is the input with lines left out');
  }
});

test('strip --write replaces files whole, atomically, keeping BOM and CRLF', async () => {
  const crlf = '\uFEFF' + readSeed(SEED_000).replace(/\n/g, '\r\n');
  const t = tempTree({ 'seeds/bom-crlf.txt': crlf, 'seeds/plain.txt': readSeed(SEED_003) });
  try {
    const file = path.join(t.dir, 'seeds/bom-crlf.txt');
    const inodeBefore = statSync(file).ino;
    const r = cli(['strip', '--write', 'seeds'], t.dir);
    assert.equal(r.code, 0, r.stderr);
    const after = readFileSync(file);
    assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const s = after.toString('utf8');
    assert.ok(s.length < crlf.length, 'chrome removed');
    assert.doesNotMatch(s.replace(/\r\n/g, ''), /[\r\n]/, 'every line break still CRLF');
    assert.notEqual(statSync(file).ino, inodeBefore, 'replaced by rename, not rewritten in place');
    assert.deepEqual(readdirSync(path.join(t.dir, 'seeds')).sort(), ['bom-crlf.txt', 'plain.txt'], 'no temporary files left');
    // the same text as the editor's fix-all (LF, no BOM) once BOM and CRLF are taken off
    const lfAlone = tempTree({ 'seeds/a.txt': readSeed(SEED_000), 'seeds/b.txt': readSeed(SEED_003) });
    try {
      cli(['strip', '--write', 'seeds'], lfAlone.dir);
      assert.equal(s.slice(1).replace(/\r\n/g, '\n'), readFileSync(path.join(lfAlone.dir, 'seeds/a.txt'), 'utf8'));
    } finally {
      lfAlone.done();
    }
    // a second run finds nothing more to remove and leaves the files alone
    const again = cli(['strip', '--write', 'seeds'], t.dir);
    assert.equal(again.code, 0);
    assert.equal(readFileSync(file, 'utf8'), s);
  } finally {
    t.done();
  }
});

test('strip --out mirrors the files into a folder and leaves the originals alone', () => {
  const t = tempTree({ 'seeds/a.txt': readSeed(SEED_000), 'seeds/b.txt': readSeed(SEED_003) });
  const w = tempTree({ 'seeds/a.txt': readSeed(SEED_000), 'seeds/b.txt': readSeed(SEED_003) });
  try {
    const r = cli(['strip', 'seeds', '--out', 'clean'], t.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(path.join(t.dir, 'seeds/a.txt'), 'utf8'), readSeed(SEED_000));
    cli(['strip', 'seeds', '--write'], w.dir);
    for (const f of ['a.txt', 'b.txt']) {
      assert.equal(readFileSync(path.join(t.dir, 'clean/seeds', f), 'utf8'), readFileSync(path.join(w.dir, 'seeds', f), 'utf8'));
    }
    assert.equal(cli(['strip', 'seeds', '--out', '.'], t.dir).code, 2, 'refuses to overwrite the inputs');
    assert.equal(cli(['strip', 'seeds', '--out', 'x', '--write'], t.dir).code, 2);
  } finally {
    t.done();
    w.done();
  }
});

test('strip --dry-run lists what would go and changes nothing; several files to stdout is a usage error', () => {
  const t = tempTree({ 'seeds/a.txt': readSeed(SEED_000), 'seeds/b.txt': readSeed(SEED_003) });
  try {
    const before = readdirSync(path.join(t.dir, 'seeds')).map((f) => readFileSync(path.join(t.dir, 'seeds', f), 'utf8'));
    for (const extra of [[], ['--write'], ['--out', 'clean']]) {
      const r = cli(['strip', '--dry-run', ...extra, 'seeds'], t.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^seeds\/a\.txt: \d+ of \d+ lines would go$/m);
      assert.match(r.stdout, /^ {2}\d+(-\d+)? +chrome\.teaser$/m);
    }
    assert.deepEqual(readdirSync(path.join(t.dir, 'seeds')).map((f) => readFileSync(path.join(t.dir, 'seeds', f), 'utf8')), before);
    assert.deepEqual(readdirSync(t.dir), ['seeds'], 'no --out folder made');
    const r = cli(['strip', 'seeds'], t.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--write|--out/);
  } finally {
    t.done();
  }
});

// ---- files that are not what they seem --------------------------------------------------------

test('missing paths, empty folders, binary files, invalid UTF-8 and empty files', () => {
  const t = tempTree({
    'seeds/good.txt': readSeed(SEED_003),
    'seeds/binary.txt': Buffer.from([0x20, 0x64, 0x61, 0x00, 0x01, 0x02, 0x0a]),
    'seeds/latin1.txt': Buffer.concat([Buffer.from(' date 2025-02-28 Caf'), Buffer.from([0xe9]), Buffer.from('\n\nLe caf'), Buffer.from([0xe9]), Buffer.from(' est ferm\xe9.\n', 'latin1')]),
    'seeds/empty.txt': '',
    'empty-folder/readme.md': '# nothing here',
  });
  try {
    const missing = cli(['check', 'nope/never.txt'], t.dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'seed-review: nope/never.txt: no such file or folder\n');

    const noTxt = cli(['check', 'empty-folder'], t.dir);
    assert.equal(noTxt.code, 2);
    assert.match(noTxt.stderr, /no \.txt files/);
    assert.doesNotMatch(noTxt.stderr, /\n\s+at /);

    const r = cli(['check', '--format', 'json', '--fail-on', 'none', 'seeds'], t.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /binary\.txt: skipped, looks like a binary file/);
    assert.match(r.stderr, /latin1\.txt: not valid UTF-8; analysed with replacement characters/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const j = JSON.parse(r.stdout) as CheckJson;
    assert.deepEqual(j.files.map((f) => f.path).sort(), ['seeds/empty.txt', 'seeds/good.txt', 'seeds/latin1.txt']);
    assert.deepEqual(j.files.find((f) => f.path === 'seeds/empty.txt')!.diagnostics, []);
    assert.deepEqual(j.summary.skipped.map((s) => s.reason), ['binary']);

    const empty = cli(['check', 'seeds/empty.txt'], t.dir);
    assert.equal(empty.code, 0);
    assert.match(empty.stdout, /No problems/);
    assert.equal(cli(['strip', 'seeds/empty.txt'], t.dir).stdout, '');

    const onlyBinary = cli(['check', 'seeds/binary.txt'], t.dir);
    assert.equal(onlyBinary.code, 2, 'nothing could be checked');

    // invalid UTF-8 keeps its bytes when stripped
    const before = readFileSync(path.join(t.dir, 'seeds/latin1.txt'));
    assert.equal(cli(['strip', '--write', 'seeds/latin1.txt'], t.dir).code, 0);
    const after = readFileSync(path.join(t.dir, 'seeds/latin1.txt'));
    assert.ok(after.includes(0xe9), 'undecodable bytes kept');
    assert.ok(after.length <= before.length);
  } finally {
    t.done();
  }
});

test('a write failure is reported in one line per file, exit 2, no stack trace', () => {
  const t = tempTree({ 'seeds/a.txt': readSeed(SEED_003) });
  try {
    // --out onto a path that is a file: an I/O error while writing
    writeFileSync(path.join(t.dir, 'blocker'), 'x');
    const r = cli(['strip', 'seeds', '--out', 'blocker'], t.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^seed-review: blocker\/seeds\/a\.txt: cannot write \(a parent is not a folder\)$/m);
    assert.match(r.stderr, /0 files written into blocker; 1 could not be written/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    t.done();
  }
});

// ---- analyze and parallel runs ----------------------------------------------------------------

test('analyze --json fills matches[] with cross-links between the files given', () => {
  const r = cli(['analyze', '--json', 'seeds']);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout) as { files: { path: string; matches: { range: unknown; text: string; target: { path: string; range: unknown; text: string }; score: number }[] }[] };
  const [a, b] = j.files;
  assert.ok(a.matches.length > 0);
  for (const m of a.matches) {
    assert.equal(m.target.path, b.path);
    assert.ok(m.score > 0 && m.score <= 1);
    assert.ok(m.text.length > 0 && m.target.text.length > 0);
  }
  assert.ok(a.matches.some((m) => /Sonata Coulter/.test(m.text)));
  assert.deepEqual(JSON.parse(cli(['analyze', '--json', SEED_000]).stdout).files[0].matches, [], 'alone, nothing to link to');
});

test('--jobs 1 and worker threads give identical output on ~300 files', () => {
  const t = tempTree(generatedCorpus(300));
  try {
    const one = cli(['analyze', '--json', '--jobs', '1', 'seeds'], t.dir);
    const two = cli(['analyze', '--json', '--jobs', '2', '--debug', 'seeds'], t.dir);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(two.code, 0, two.stderr);
    assert.match(two.stderr, /on 2 threads/);
    const files = JSON.parse(one.stdout).files as { matches: unknown[] }[];
    assert.equal(files.length, 300);
    assert.ok(files.filter((f) => f.matches.length > 0).length > 100, 'the generated files share sentences: links were read on both sides');
    assert.ok(one.stdout === two.stdout, 'analyze output differs between --jobs 1 and --jobs 2');
    const auto = cli(['check', '--format', 'sarif', 'seeds'], t.dir);
    assert.equal(cli(['check', '--format', 'sarif', '--jobs', '1', 'seeds'], t.dir).stdout, auto.stdout);
  } finally {
    t.done();
  }
});

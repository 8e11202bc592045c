// Writes docs/rules.md from the rule table (server/src/service/rules.ts): run `npm run docs:rules`.
// A unit test fails when the file and the table disagree.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/service/rules';

export function rulesMarkdown(): string {
  const out: string[] = [
    '# Seed Review rules',
    '',
    'Every diagnostic has a rule code. Each rule is a setting `seedReview.rules.<code>` with the values',
    '`off | hint | info | warning | error`; the CLI takes the same keys in `--config FILE` and',
    '`--rule code=severity`. This file is generated from `server/src/service/rules.ts` (`npm run docs:rules`).',
    '',
    '| code | default | what |',
    '|---|---|---|',
    ...RULES.map((r) => `| [\`${r.code}\`](#${r.code.replace(/\./g, '')}) | ${r.defaultSeverity} | ${r.title} |`),
    '',
  ];
  for (const r of RULES) {
    out.push(`## ${r.code}`, '', `**${r.title}** (default: ${r.defaultSeverity})`, '', r.rationale, '');
  }
  return out.join('\n');
}

if (require.main === module) {
  const file = path.join(__dirname, '..', 'docs', 'rules.md');
  writeFileSync(file, rulesMarkdown());
  console.log(`wrote ${file}`);
}

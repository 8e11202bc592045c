// Entry point of the e2e test module: VS Code (desktop via @vscode/test-electron, or code-server in a
// browser) loads this file's bundle in the extension host and calls `run()`.
// Add a suite: write `suites/<feature>.test.ts` and import it below.
import { before, runAll } from './runner';
import { activateExtension } from './helpers';
import './suites/language.test';
import './suites/diagnostics.test';
import './suites/symbols.test';
import './suites/hover.test';
import './suites/editorFeatures.test';
import './suites/codeActions.test';
import './suites/settings.test';

before(async () => {
  await activateExtension();
});

export function run(): Promise<void> {
  return runAll();
}

// Bundles the e2e test module (test/e2e/index.ts) to CommonJS for the extension host.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TESTS_OUT = path.join(REPO, 'test', 'e2e', 'out', 'index.js');

export async function buildTests() {
  await build({
    entryPoints: [path.join(REPO, 'test', 'e2e', 'index.ts')],
    outfile: TESTS_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return TESTS_OUT;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildTests().then((f) => console.log(f), (e) => { console.error(e); process.exit(1); });
}

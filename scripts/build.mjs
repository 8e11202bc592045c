// Bundles the client, the server and the CLI with esbuild: CommonJS for Node, `vscode` external,
// source maps in development, minified with --production (packaging).
import * as esbuild from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';

const watch = process.argv.includes('--watch');
// minified unless watching for development: the server starts faster (it is what users run)
const production = process.argv.includes('--production') || !watch && !process.argv.includes('--dev');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? 'linked' : true,
  minify: production,
  logLevel: 'warning',
  define: { __SEED_REVIEW_VERSION__: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
  { ...common, entryPoints: ['server/src/node/corpusWorker.ts'], outfile: 'server/out/corpusWorker.js' },
];

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build({ ...b, metafile: true })));
  chmodSync('server/out/cli.js', 0o755);
  for (const r of results) {
    for (const [file, info] of Object.entries(r.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`${file.padEnd(28)} ${(info.bytes / 1024).toFixed(0).padStart(5)} kB`);
    }
  }
}

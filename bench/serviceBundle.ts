/**
 * The service as users run it: bundled and minified by esbuild with the production options of
 * scripts/build.mjs, then required. Timing the TypeScript sources under tsx would also time
 * tsx's module wrappers (every cross-module call becomes a getter), which production never pays.
 */
import { buildSync } from 'esbuild';
import * as path from 'node:path';
import { mkdirSync } from 'node:fs';
import { REPO } from './sources';

export type ServiceModule = typeof import('./serviceEntry');

let loaded: ServiceModule | undefined;

export function loadBundledService(): ServiceModule {
  if (loaded) return loaded;
  const outDir = path.join(REPO, 'bench', 'corpus');
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'service.bundle.js');
  buildSync({
    entryPoints: [path.join(REPO, 'bench', 'serviceEntry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // BENCH_NO_MINIFY=1 keeps function names for CPU profiles
    minify: !process.env.BENCH_NO_MINIFY,
    logLevel: 'warning',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded = require(outfile) as ServiceModule;
  return loaded;
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, readSeed, SEED_000, SEED_003 } from '../helpers';

export { REPO, readSeed, SEED_000, SEED_003 };

/** The bundled CLI (`npm run build` first). */
export const CLI = path.join(REPO, 'server/out/cli.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** Runs `seed-review ARGS` as a subprocess in `cwd`, colours off, without a terminal. */
export function cli(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = {}): Run {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  if (!('FORCE_COLOR' in env)) delete e.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: e, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), stdoutBytes: r.stdout };
}

/** A temporary folder holding the given files (relative path → text or bytes); removed by `done()`. */
export function tempTree(files: Record<string, string | Uint8Array> = {}): { dir: string; done(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-review-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small deterministic random source. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `count` seed files made from the two sample seeds: each keeps the page template (so lines recur
 * across files and the corpus stage matters), with article lines dropped or words changed, so
 * some sentences are carried by several files with small edits (cross-links) and most differ.
 */
export function generatedCorpus(count: number, seed = 7): Record<string, string> {
  const sources = [readSeed(SEED_000), readSeed(SEED_003)];
  const rand = rng(seed);
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const lines = sources[i % 2].split('\n');
    const kept = lines
      .filter((l, k) => k === 0 || l.length < 80 || rand() > 0.25)
      .map((l) => {
        if (l.length < 80 || rand() < 0.5) return l;
        return l
          .split(' ')
          .map((w) => (rand() < 0.15 ? `w${Math.floor(rand() * 1000)}` : w))
          .join(' ');
      });
    out[`seeds/${String(Math.floor(i / 100)).padStart(2, '0')}/${String(i).padStart(4, '0')}.txt`] = kept.join('\n');
  }
  return out;
}

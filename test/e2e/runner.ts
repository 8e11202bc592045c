// A tiny mocha-like runner for the tests that run inside VS Code's extension host.
// `suite(name, fn)` groups, `test(name, fn)` registers; `runAll()` runs them in order and prints
// TAP-ish `ok` / `not ok` lines and a closing `N passed, N failed` line.
import * as fs from 'fs';

type TestFn = () => unknown | Promise<unknown>;
interface TestCase { name: string; fn: TestFn; timeoutMs: number; }
interface Hooks { before: TestFn[]; after: TestFn[]; }

const tests: TestCase[] = [];
const hooks: Hooks = { before: [], after: [] };
let prefix: string[] = [];

export const DEFAULT_TIMEOUT_MS = 60_000;

export function suite(name: string, body: () => void): void {
  prefix.push(name);
  try { body(); } finally { prefix.pop(); }
}

export function test(name: string, fn: TestFn, timeoutMs = DEFAULT_TIMEOUT_MS): void {
  tests.push({ name: [...prefix, name].join(' › '), fn, timeoutMs });
}

/** Runs once before the first test (e.g. activate the extension). A failure fails every test. */
export function before(fn: TestFn): void { hooks.before.push(fn); }
/** Runs once after the last test, whatever happened. */
export function after(fn: TestFn): void { hooks.after.push(fn); }

/** Output goes to the extension host's console and, when set, to a results file that the
 *  harness (scripts/e2e.mjs) tails: under code-server the extension host runs on the server, so
 *  its console is not the harness's stdout. */
function makeLogger(): (line: string) => void {
  const file = process.env.SEED_REVIEW_E2E_RESULTS;
  return (line: string) => {
    console.log(line);
    if (file) {
      try { fs.appendFileSync(file, line + '\n'); } catch { /* the console still has it */ }
    }
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.stack || err.message;
  return String(err);
}

export async function runAll(): Promise<void> {
  const log = makeLogger();
  const grep = process.env.SEED_REVIEW_E2E_GREP;
  const selected = grep ? tests.filter((t) => t.name.includes(grep)) : tests;
  let passed = 0;
  let failed = 0;
  log(`1..${selected.length}`);

  let setupError: unknown;
  for (const h of hooks.before) {
    try { await withTimeout(Promise.resolve().then(h), DEFAULT_TIMEOUT_MS * 2, 'before hook'); }
    catch (e) { setupError = e; break; }
  }

  let n = 0;
  for (const t of selected) {
    n++;
    const started = Date.now();
    try {
      if (setupError) throw setupError;
      await withTimeout(Promise.resolve().then(t.fn), t.timeoutMs, t.name);
      passed++;
      log(`ok ${n} - ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      log(`not ok ${n} - ${t.name} (${Date.now() - started} ms)`);
      for (const line of describe(e).split('\n')) log(`  # ${line}`);
    }
  }

  for (const h of hooks.after) {
    try { await h(); } catch (e) { log(`# after hook failed: ${describe(e)}`); }
  }
  log(`${passed} passed, ${failed} failed`);
  if (failed > 0 || selected.length === 0) {
    throw new Error(selected.length === 0 ? 'no tests selected' : `${failed} test(s) failed`);
  }
}

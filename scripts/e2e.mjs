#!/usr/bin/env node
// `npm run test:e2e`: runs test/e2e (the test module) inside a real VS Code.
//
//  - VSCODE_EXECUTABLE=/path/to/code  → @vscode/test-electron's runTests with that desktop VS Code.
//  - SEED_REVIEW_E2E_DOWNLOAD=1       → runTests, letting @vscode/test-electron download VS Code
//                                       (needs internet; never tried otherwise).
//  - otherwise                        → code-server 4.100.3 (installed on demand into
//                                       ${XDG_CACHE_HOME:-~/.cache}/seed-review/code-server-4.100.3,
//                                       or $SEED_REVIEW_CODE_SERVER_DIR) driven by Debian's Chromium
//                                       through playwright-core; then UI steps take screenshots into
//                                       $E2E_SCREENSHOTS (default test/e2e/screenshots/).
//
// Other knobs: SEED_REVIEW_E2E_TIMEOUT (seconds, whole run after install, default 600),
// SEED_REVIEW_E2E_SCREENSHOTS=0 (skip the UI steps), SEED_REVIEW_E2E_GREP (run only tests whose
// name contains it), SEED_REVIEW_E2E_VERBOSE=1 (code-server and browser console output),
// SEED_REVIEW_E2E_KEEP=1 (keep the temp dir), SEED_REVIEW_E2E_NO_BUILD=1 (skip scripts/build.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { buildTests } from './e2e/build-tests.mjs';
import { ensureCodeServer, startCodeServer, workbenchUrl } from './e2e/code-server.mjs';
import { CHROMIUM, ensurePrereqs } from './e2e/prereqs.mjs';
import { REPO, buildExtension, makeTempRoot, prepareRun } from './e2e/workspace.mjs';
import { takeScreenshots } from './e2e/ui.mjs';

const log = (...a) => console.log('[e2e]', ...a);
const env = process.env;
const VERBOSE = env.SEED_REVIEW_E2E_VERBOSE === '1';
const TIMEOUT_MS = Number(env.SEED_REVIEW_E2E_TIMEOUT || 600) * 1000;
// The extension under development; overridable for developing the harness against a stub.
const EXTENSION_PATH = path.resolve(env.SEED_REVIEW_E2E_EXTENSION_PATH || REPO);
const SCREENSHOTS_DIR = path.resolve(REPO, env.E2E_SCREENSHOTS || path.join('test', 'e2e', 'screenshots'));

// ---- cleanup: everything started registers how to stop it; run on exit, failure, timeout, signal.
const cleanups = [];
let cleaning = null;
function cleanup() {
  if (!cleaning) {
    cleaning = (async () => {
      for (const fn of cleanups.splice(0).reverse()) {
        try { await Promise.race([fn(), new Promise((r) => setTimeout(r, 5000))]); } catch {}
      }
    })();
  }
  return cleaning;
}
async function finish(code) {
  await cleanup();
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`${sig}: stopping`);
    finish(130);
  });
}

async function main() {
  const started = Date.now();
  buildExtension();
  const testsPath = await buildTests();

  const root = makeTempRoot();
  if (env.SEED_REVIEW_E2E_KEEP === '1') log(`temp dir kept: ${root}`);
  else cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  const run = prepareRun(root);
  const resultsFile = path.join(root, 'results.log');

  if (env.VSCODE_EXECUTABLE || env.SEED_REVIEW_E2E_DOWNLOAD === '1') {
    return runDesktop({ run, testsPath });
  }

  ensurePrereqs({ forInstall: false, forBrowser: true });
  const entry = await ensureCodeServer();

  const timer = setTimeout(() => {
    console.error(`[e2e] overall timeout (${TIMEOUT_MS / 1000} s) reached; stopping`);
    finish(124);
  }, TIMEOUT_MS);
  timer.unref();

  // The extension host is a child of code-server and inherits its environment.
  process.env.SEED_REVIEW_E2E_RESULTS = resultsFile;
  const server = await startCodeServer({
    entry, folder: run.workspace, userDataDir: run.userDataDir, extensionsDir: run.extensionsDir, quiet: !VERBOSE,
  });
  cleanups.push(() => server.kill());
  server.child.on('exit', (code, signal) => {
    if (cleaning) return;
    console.error(`[e2e] code-server exited unexpectedly (${signal || code}); its last output:\n${server.output().slice(-4000)}`);
    finish(1);
  });
  log(`code-server ${server.url} (pid ${server.child.pid}) started in ${Math.round((Date.now() - started) / 1000)} s`);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  cleanups.push(() => browser.close());

  const testResult = await runTestsInBrowser({ browser, server, run, testsPath, resultsFile });

  let ui = { passed: 0, failed: 0 };
  if (env.SEED_REVIEW_E2E_SCREENSHOTS !== '0') {
    ui = await takeScreenshots({ browser, server, run, extensionPath: EXTENSION_PATH, outDir: SCREENSHOTS_DIR, verbose: VERBOSE });
  }

  const passed = testResult.passed + ui.passed;
  const failed = testResult.failed + ui.failed + (testResult.ok || testResult.failed ? 0 : 1);
  log(`finished in ${Math.round((Date.now() - started) / 1000)} s; test module exit code ${testResult.exitCode}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && testResult.ok ? 0 : 1;
}

/** Loads the workbench with the test payload and waits for codeAutomationExit. */
async function runTestsInBrowser({ browser, server, run, testsPath, resultsFile }) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  let exitCode = null;
  let exitLogs = [];
  const exited = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code, logs) => {
      exitCode = code;
      exitLogs = Array.isArray(logs) ? logs : [];
      resolve();
    });
  });
  page.on('pageerror', (e) => VERBOSE && console.log('[browser:pageerror]', e.message));
  page.on('console', (m) => VERBOSE && console.log(`[browser:${m.type()}]`, m.text()));

  const url = workbenchUrl(server.url, server.port, run.workspace, [
    ['extensionDevelopmentPath', { remote: EXTENSION_PATH }],
    ['extensionTestsPath', { remote: testsPath }],
    ['skipWelcome', 'true'],
  ]);
  log('running the test module in code-server');
  await page.goto(url);

  // Forward the results file as it grows (the extension host writes it; see test/e2e/runner.ts).
  let offset = 0;
  const counts = { passed: 0, failed: 0 };
  const pump = () => {
    let text = '';
    try {
      const fd = fs.openSync(resultsFile, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        if (size > offset) {
          const buf = Buffer.alloc(size - offset);
          fs.readSync(fd, buf, 0, buf.length, offset);
          const lastNl = buf.lastIndexOf(10);
          if (lastNl < 0) return;
          text = buf.subarray(0, lastNl + 1).toString('utf8');
          offset += lastNl + 1;
        }
      } finally { fs.closeSync(fd); }
    } catch { return; }
    for (const line of text.split('\n')) {
      if (!line) continue;
      console.log(line);
      const m = /^(\d+) passed, (\d+) failed$/.exec(line);
      if (m) { counts.passed = Number(m[1]); counts.failed = Number(m[2]); counts.closed = true; }
    }
  };
  const interval = setInterval(pump, 200);
  await exited;
  clearInterval(interval);
  pump();
  await context.close();

  if (!counts.closed) {
    console.error(`[e2e] the test module printed no closing line (exit code ${exitCode}); extension host logs follow`);
    dumpLogs(exitLogs, run.userDataDir);
  }
  return { exitCode, ok: exitCode === 0 && counts.closed === true, passed: counts.passed, failed: counts.failed };
}

/** Prints extension-host logs: those handed to codeAutomationExit, else the files under logs/. */
function dumpLogs(exitLogs, userDataDir) {
  const wanted = (p) => /exthost|remoteagent|sharedprocess/i.test(p);
  let shown = 0;
  for (const l of exitLogs) {
    if (l && wanted(String(l.relativePath)) && l.contents) {
      console.error(`----- ${l.relativePath}\n${l.contents}`);
      shown++;
    }
  }
  if (shown) return;
  const walk = (d) => fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]) : [];
  for (const f of walk(path.join(userDataDir, 'logs')).filter(wanted)) {
    console.error(`----- ${path.relative(userDataDir, f)}\n${fs.readFileSync(f, 'utf8').slice(-20000)}`);
  }
}

/** Desktop VS Code through @vscode/test-electron (its output goes to our stdout directly). */
async function runDesktop({ run, testsPath }) {
  const { runTests } = await import('@vscode/test-electron');
  const opts = {
    extensionDevelopmentPath: EXTENSION_PATH,
    extensionTestsPath: testsPath,
    launchArgs: [run.workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
      '--skip-release-notes', '--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir],
    extensionTestsEnv: { SEED_REVIEW_E2E_GREP: env.SEED_REVIEW_E2E_GREP || '' },
  };
  if (env.VSCODE_EXECUTABLE) opts.vscodeExecutablePath = env.VSCODE_EXECUTABLE;
  else opts.version = env.SEED_REVIEW_E2E_VSCODE_VERSION || '1.100.3';
  log(`running the test module in desktop VS Code ${env.VSCODE_EXECUTABLE || opts.version}`);
  try {
    const code = await runTests(opts);
    return code === 0 ? 0 : 1;
  } catch (e) {
    console.error('[e2e] desktop run failed:', e && e.message ? e.message : e);
    return 1;
  }
}

main().then(
  (code) => finish(code),
  (err) => {
    if (cleaning) return; // stopping already (signal or timeout): errors of torn-down parts are noise
    console.error(`[e2e] ${err && err.exitCode ? err.message : err && err.stack ? err.stack : err}`);
    finish(err && err.exitCode ? err.exitCode : 1);
  },
);

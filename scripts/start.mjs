#!/usr/bin/env node
// `npm start`: opens seeds/ in VS Code with the extension under development loaded.
//  - `code` on PATH → `code --extensionDevelopmentPath=<repo> <repo>/seeds`
//  - otherwise      → code-server 4.100.3 on 127.0.0.1 (installed on demand, see scripts/e2e/code-server.mjs);
//                     prints the URL to open and runs until Ctrl+C.
// Env: SEED_REVIEW_START_CODE_SERVER=1 (use code-server even when `code` is on PATH),
//      SEED_REVIEW_PORT (fixed port instead of a free one), SEED_REVIEW_E2E_VERBOSE=1 (code-server's output).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureCodeServer, startCodeServer, workbenchUrl } from './e2e/code-server.mjs';
import { REPO, USER_SETTINGS, buildExtension, makeTempRoot } from './e2e/workspace.mjs';

const log = (...a) => console.log('[start]', ...a);
const seeds = path.join(REPO, 'seeds');

function hasCode() {
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
}

async function main() {
  buildExtension();

  if (hasCode() && process.env.SEED_REVIEW_START_CODE_SERVER !== '1') {
    log(`code --extensionDevelopmentPath=${REPO} ${seeds}`);
    const child = spawn('code', [`--extensionDevelopmentPath=${REPO}`, seeds], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 1));
    return;
  }

  const entry = await ensureCodeServer();
  const root = makeTempRoot('seed-review-start-');
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2) + '\n');

  const server = await startCodeServer({
    entry, folder: seeds, userDataDir, extensionsDir,
    port: process.env.SEED_REVIEW_PORT ? Number(process.env.SEED_REVIEW_PORT) : undefined,
    quiet: process.env.SEED_REVIEW_E2E_VERBOSE !== '1',
  });
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    server.kill();
    fs.rmSync(root, { recursive: true, force: true });
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { log('stopping code-server'); stop(0); });
  process.on('exit', () => { if (!stopping) server.kill(); });
  server.child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] code-server exited (${signal || code})\n${server.output().slice(-4000)}`);
    stop(1);
  });

  const url = workbenchUrl(server.url, server.port, seeds, [
    ['extensionDevelopmentPath', { remote: REPO }],
    ['skipWelcome', 'true'],
  ]);
  log(`code-server (VS Code 1.100.3) is serving ${seeds} with the extension from ${REPO}`);
  log('open this URL in a browser on this machine (Ctrl+C here to stop):');
  console.log(`\n  ${url}\n`);
  log('after changing the extension: `npm run build`, then "Developer: Reload Window" in the browser');
}

main().catch((err) => {
  console.error(`[start] ${err && err.message ? err.message : err}`);
  process.exit(err && err.exitCode ? err.exitCode : 1);
});

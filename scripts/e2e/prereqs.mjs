// Debian prerequisites of the code-server run: check, and in CI as root install them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/**
 * @param {{ forInstall: boolean, forBrowser: boolean }} need
 *   forInstall: what `npm install code-server` needs (libkrb5-dev, ripgrep, a C++ toolchain)
 *   forBrowser: chromium
 */
export function ensurePrereqs({ forInstall, forBrowser }) {
  const missing = [];
  if (forBrowser && !existsSync(CHROMIUM)) missing.push({ pkg: 'chromium', why: `${CHROMIUM} (browser driven by playwright-core)` });
  if (forInstall) {
    if (!existsSync('/usr/include/gssapi/gssapi.h') && !dpkgInstalled('libkrb5-dev'))
      missing.push({ pkg: 'libkrb5-dev', why: 'gssapi/gssapi.h (native module of code-server)' });
    if (!onPath('rg')) missing.push({ pkg: 'ripgrep', why: 'rg (stands in for @vscode/ripgrep\'s download)' });
    if (!onPath('g++') || !onPath('make')) missing.push({ pkg: 'build-essential', why: 'g++/make (node-gyp)' });
    if (!onPath('python3')) missing.push({ pkg: 'python3', why: 'python3 (node-gyp)' });
  }
  if (missing.length === 0) return;

  const pkgs = missing.map((m) => m.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.env.CI === 'true' && isRoot) {
    console.log(`[e2e] installing Debian packages: ${pkgs.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
    return;
  }
  console.error('[e2e] missing prerequisites:');
  for (const m of missing) console.error(`  - ${m.pkg}: ${m.why}`);
  console.error(`[e2e] install them with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}`);
  console.error('[e2e] (or run scripts/ci-deps.sh as root; in CI as root, with CI=true, this script installs them itself)');
  const err = new Error('missing prerequisites: ' + pkgs.join(' '));
  err.exitCode = 2;
  throw err;
}

// code-server (VS Code's workbench served to a browser) installed on demand into a cache folder
// outside the repo, and started on 127.0.0.1 in its own process group.
// See shared/design/vscode-offline.md for why and for the facts used here.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensurePrereqs } from './prereqs.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_VERSION = 'v13.0.0-10';

export function codeServerDir() {
  if (process.env.SEED_REVIEW_CODE_SERVER_DIR) return path.resolve(process.env.SEED_REVIEW_CODE_SERVER_DIR);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'seed-review', `code-server-${CODE_SERVER_VERSION}`);
}

const log = (...a) => console.log('[e2e]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function entryOf(dir) {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** The archive @vscode/ripgrep's postinstall looks for before it tries to download. */
function seedRipgrepCache(tmpdir) {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];
  if (!target) throw new Error(`no ripgrep cache trick for arch ${process.arch}`);
  const cacheDir = path.join(tmpdir, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const archive = path.join(cacheDir, `ripgrep-${RIPGREP_VERSION}-${target}.tar.gz`);
  if (fs.existsSync(archive)) return;
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('rg not found on PATH (apt-get install ripgrep)');
  fs.mkdirSync(cacheDir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(tmpdir, 'rg-stage-'));
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  const tmpArchive = archive + '.part';
  const r = spawnSync('tar', ['-czf', tmpArchive, '-C', stage, 'rg'], { stdio: 'inherit' });
  fs.rmSync(stage, { recursive: true, force: true });
  if (r.status !== 0) throw new Error('tar failed building the ripgrep cache archive');
  fs.renameSync(tmpArchive, archive);
}

/**
 * Install code-server into the cache folder unless a completed install is there.
 * A marker file is written only after `npm install` succeeded; without it the folder is wiped and
 * the install redone. A lock directory (holding the installer's pid) keeps two runs from
 * installing at once; a lock whose pid is dead is taken over.
 * @returns {Promise<string>} path of code-server's entry.js
 */
export async function ensureCodeServer() {
  const dir = codeServerDir();
  const marker = path.join(dir, '.installed');
  const entry = entryOf(dir);
  const done = () => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION && fs.existsSync(entry);
  if (done()) return entry;

  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const lock = dir + '.lock';
  for (let waitedMs = 0; ; waitedMs += 2000) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = NaN;
      try { pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8')); } catch {}
      if (!Number.isFinite(pid) || !pidAlive(pid)) {
        // Give a lock whose pid file is not written yet a moment before calling it stale.
        if (!Number.isFinite(pid) && waitedMs < 4000) { await sleep(2000); continue; }
        log(`removing stale install lock ${lock}`);
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waitedMs % 30000 === 0) log(`another process (pid ${pid}) is installing code-server; waiting`);
      await sleep(2000);
      if (done()) return entry;
    }
  }
  const releaseLock = () => fs.rmSync(lock, { recursive: true, force: true });
  process.once('exit', releaseLock);
  try {
    if (done()) return entry;
    ensurePrereqs({ forInstall: true, forBrowser: false });
    log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (first run only; takes several minutes)`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'seed-review-code-server', private: true }, null, 2) + '\n');
    const tmpdir = path.join(dir, '.tmp');
    fs.mkdirSync(tmpdir, { recursive: true });
    seedRipgrepCache(tmpdir);
    const env = {
      ...process.env,
      TMPDIR: tmpdir, // so @vscode/ripgrep's os.tmpdir() finds the seeded archive
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
    };
    // Don't let an outer `npm run`'s package context leak into the nested install.
    for (const k of Object.keys(env)) if (/^npm_(package|lifecycle)_/.test(k)) delete env[k];
    const started = Date.now();
    const code = await new Promise((resolve, reject) => {
      const child = spawn('npm', ['install', '--no-save', '--loglevel=warn', `code-server@${CODE_SERVER_VERSION}`], {
        cwd: dir, env, stdio: ['ignore', 'inherit', 'inherit'],
      });
      // If this process exits first (Ctrl+C handled by a caller, timeout), don't leave npm running.
      const killChild = () => { try { child.kill('SIGTERM'); } catch {} };
      process.once('exit', killChild);
      child.on('error', reject);
      child.on('exit', (c, sig) => { process.removeListener('exit', killChild); resolve(sig ? 1 : c); });
    });
    if (code !== 0 || !fs.existsSync(entry)) throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${code}); it will be redone on the next run`);
    fs.rmSync(tmpdir, { recursive: true, force: true });
    fs.writeFileSync(marker, CODE_SERVER_VERSION + '\n');
    log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
    return entry;
  } finally {
    releaseLock();
    process.removeListener('exit', releaseLock);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Start code-server in its own process group. Resolves once it answers HTTP.
 * @returns {Promise<{ port: number, url: string, child: import('node:child_process').ChildProcess, kill: () => void, output: () => string }>}
 */
export async function startCodeServer({ entry, folder, userDataDir, extensionsDir, port, logPrefix = '[code-server]', quiet = true }) {
  port ??= await freePort();
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    folder,
  ];
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(npm_|VSCODE_)/.test(k)) delete env[k];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  const onData = (d) => {
    out += d;
    if (out.length > 200_000) out = out.slice(-100_000);
    if (!quiet) for (const line of String(d).split('\n')) if (line.trim()) console.log(logPrefix, line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  child.on('exit', (c, s) => { exited = s || c; });

  const kill = () => killGroup(child.pid);
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited (${exited}) before it listened:\n${out}`);
    if (Date.now() > deadline) { kill(); throw new Error(`code-server did not answer on ${url} within 60 s:\n${out}`); }
    try {
      const res = await fetch(url + 'healthz');
      if (res.ok) break;
    } catch {}
    await sleep(250);
  }
  return { port, url, child, kill, output: () => out };
}

/** Live (non-zombie) members of process group `pgid`. */
function groupAlive(pgid) {
  const r = spawnSync('ps', ['-e', '-o', 'pgid=,stat='], { encoding: 'utf8' });
  if (r.status !== 0) {
    try { process.kill(-pgid, 0); return true; } catch { return false; }
  }
  return r.stdout.split('\n').some((l) => {
    const [g, stat] = l.trim().split(/\s+/);
    return Number(g) === pgid && stat && !stat.startsWith('Z');
  });
}

/** SIGTERM the process group, then SIGKILL whatever is left of it shortly after. Synchronous. */
export function killGroup(pid) {
  if (!pid) return;
  try { process.kill(-pid, 'SIGTERM'); } catch { return; }
  const until = Date.now() + 3000;
  while (Date.now() < until) {
    if (!groupAlive(pid)) return;
    spawnSync('sleep', ['0.1']);
  }
  try { process.kill(-pid, 'SIGKILL'); } catch {}
}

/**
 * The workbench URL that opens `folder` and passes `payload`: [key, value] pairs, where a value
 * `{ remote: '/abs/path' }` becomes a vscode-remote:// URI of that path on this server.
 */
export function workbenchUrl(base, port, folder, payload) {
  const pairs = payload.map(([k, v]) => [k, v && typeof v === 'object' ? `vscode-remote://127.0.0.1:${port}${v.remote}` : v]);
  return `${base}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(pairs))}`;
}

// `node scripts/e2e/code-server.mjs` just installs it (handy to warm the cache).
if (import.meta.url === `file://${process.argv[1]}`) {
  ensureCodeServer().then((e) => console.log(e), (e) => { console.error(e.message); process.exit(e.exitCode || 1); });
}

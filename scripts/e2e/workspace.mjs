// Fixtures for a VS Code run: a temp dir holding a copy of seeds/ as the workspace (with pinned
// settings), a fresh user-data dir and extensions dir.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Workspace settings pinned for the tests (the extension's own settings are at their defaults). */
export const WORKSPACE_SETTINGS = {
  'seedReview.files': ['**/seeds/**/*.txt'],
  'files.watcherExclude': { '**/.git/**': true },
  'editor.hover.delay': 300,
};

/** User settings: keep the workbench quiet and deterministic. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.editor.enablePreview': false,
  'window.restoreWindows': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'outline.collapseItems': 'alwaysExpand',
};

export function makeTempRoot(prefix = 'seed-review-e2e-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Copies the repo's seeds/ into `<root>/workspace/seeds` and writes pinned settings.
 * @returns {{ root: string, workspace: string, userDataDir: string, extensionsDir: string }}
 */
export function prepareRun(root) {
  const workspace = path.join(root, 'workspace');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.cpSync(path.join(REPO, 'seeds'), path.join(workspace, 'seeds'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(WORKSPACE_SETTINGS, null, 2) + '\n');
  const userDataDir = path.join(root, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2) + '\n');
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  return { root, workspace, userDataDir, extensionsDir };
}

/** Builds the extension (scripts/build.mjs) so client/out and server/out are current. */
export function buildExtension() {
  if (process.env.SEED_REVIEW_E2E_NO_BUILD === '1') return;
  const build = path.join(REPO, 'scripts', 'build.mjs');
  if (fs.existsSync(build)) {
    const r = spawnSync(process.execPath, [build], { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`scripts/build.mjs failed (exit ${r.status})`);
  }
  const main = path.join(REPO, JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).main || '');
  if (!fs.existsSync(main)) {
    console.warn(`[e2e] warning: the extension's main ${path.relative(REPO, main)} does not exist (not built yet?)`);
  }
}

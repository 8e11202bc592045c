// UI steps in code-server, driven like a person would (keyboard: Ctrl+P, Ctrl+G, F8, Ctrl+., the
// command palette), each ending in a screenshot. Runs in a fresh page load that carries only
// extensionDevelopmentPath (the test run's workbench stops its extension host when run() settles).
import fs from 'node:fs';
import path from 'node:path';
import { workbenchUrl } from './code-server.mjs';

const SEED_000 = '000_0de6c06a7072f844.txt';

/** Line and column (1-based) of the first no-break space on line 8 of seed 000. */
function nbspPosition(workspace) {
  const lines = fs.readFileSync(path.join(workspace, 'seeds', SEED_000), 'utf8').split(/\r\n|\r|\n/);
  for (let l = 7; l < lines.length; l++) {
    const c = lines[l].indexOf('\u00a0');
    if (c >= 0) return { line: l + 1, column: c + 1 };
  }
  return { line: 8, column: 1 };
}

/**
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export async function takeScreenshots({ browser, server, run, extensionPath, outDir, verbose }) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(outDir)) if (f.endsWith('.png')) fs.rmSync(path.join(outDir, f));
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  page.on('console', (m) => verbose && console.log(`[browser:${m.type()}]`, m.text()));
  const url = workbenchUrl(server.url, server.port, run.workspace, [
    ['extensionDevelopmentPath', { remote: extensionPath }],
    ['skipWelcome', 'true'],
  ]);
  const counts = { passed: 0, failed: 0 };
  let n = 0;
  const shot = (name) => page.screenshot({ path: path.join(outDir, name) });
  const step = async (name, title, fn) => {
    n++;
    const started = Date.now();
    try {
      await fn();
      await shot(name);
      counts.passed++;
      console.log(`ok ui ${n} - ${title} → ${path.relative(process.cwd(), path.join(outDir, name))} (${Date.now() - started} ms)`);
      return true;
    } catch (e) {
      counts.failed++;
      const failed = name.replace(/\.png$/, '.FAILED.png');
      try { await shot(failed); } catch {}
      console.log(`not ok ui ${n} - ${title} (${Date.now() - started} ms)`);
      console.log(`  # ${String(e && e.message ? e.message : e).split('\n')[0]}`);
      console.log(`  # screenshot of the failure: ${path.relative(process.cwd(), path.join(outDir, failed))}`);
      return false;
    }
  };
  const key = async (...keys) => { for (const k of keys) await page.keyboard.press(k); };
  const visible = (selector, timeout = 15_000) => page.locator(selector).first().waitFor({ state: 'visible', timeout });
  const hidden = (selector, timeout = 5_000) => page.locator(selector).first().waitFor({ state: 'hidden', timeout }).catch(() => {});
  // Opens a quick input, types, waits for the row to pick (when `row` is given), presses Enter.
  const quickInput = async (opener, text, row) => {
    await key(opener);
    await visible('.quick-input-widget');
    await page.keyboard.type(text, { delay: 10 });
    if (row) {
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: row }).first()
        .waitFor({ state: 'visible', timeout: 15_000 });
    } else {
      await page.waitForTimeout(200);
    }
    await key('Enter');
    await hidden('.quick-input-widget');
  };
  const command = (label) => quickInput('F1', label, label);
  const escape = async () => { await key('Escape'); await key('Escape'); };
  const nbsp = nbspPosition(run.workspace);

  try {
    await page.goto(url);
    await visible('.monaco-workbench .part.editor', 60_000);
    await visible('.monaco-workbench .part.statusbar', 60_000);

    const opened = await step('01-seed-000-squiggles.png', 'seed 000 open with squiggles', async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 800, y: 500 } }).catch(() => {});
      await quickInput('Control+P', SEED_000, SEED_000);
      await visible('.monaco-editor .view-lines', 30_000);
      await visible('.monaco-editor [class*="squiggly-"]', 60_000);
      await visible(`.statusbar-item[aria-label*="Seed" i], .statusbar-item[id*="languageMode" i]`, 5_000).catch(() => {});
    });
    if (!opened) return counts;

    await step('02-hover.png', 'hover on the no-break space of line 8', async () => {
      await quickInput('Control+G', `${nbsp.line}:${nbsp.column}`);
      await key('Control+K', 'Control+I');
      await visible('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .monaco-hover-content', 15_000);
      await page.waitForTimeout(300); // hover fade-in
    });
    await escape();

    await step('03-next-problem-f8.png', 'F8 shows the next problem', async () => {
      await quickInput('Control+G', `${nbsp.line}:1`);
      await key('F8');
      await visible('.marker-widget', 15_000);
    });
    await escape();

    await step('04-quick-fix-menu.png', 'quick-fix menu (Ctrl+.) on a diagnostic', async () => {
      await quickInput('Control+G', `${nbsp.line}:${nbsp.column}`);
      await key('Control+.');
      await visible('.action-widget', 15_000);
      await page.waitForTimeout(200);
    });
    await escape();

    await step('05-outline.png', 'Outline view expanded', async () => {
      await command('Explorer: Focus on Outline View');
      await visible('.outline-pane .monaco-list-row', 15_000);
      // Widen the side bar so the symbols' names and details are readable: drag its sash.
      const bar = await page.locator('.part.sidebar').boundingBox();
      if (bar) {
        const x = bar.x + bar.width;
        await page.mouse.move(x, bar.y + bar.height / 2);
        await page.mouse.down();
        await page.mouse.move(x + 220, bar.y + bar.height / 2, { steps: 5 });
        await page.mouse.up();
      }
      // Collapse the folders section above so the Outline gets the height.
      const folders = page.locator('.pane-header[aria-expanded="true"]')
        .filter({ has: page.locator('h3.title', { hasText: /^workspace$/i }) });
      if (await folders.count()) await folders.first().click();
      await command('Explorer: Focus on Outline View');
      await page.waitForTimeout(300);
    });

    await step('06-problems-panel.png', 'Problems panel', async () => {
      await key('Control+Shift+M');
      await visible('.markers-panel .monaco-list-row', 15_000);
      await page.waitForTimeout(300);
    });
  } finally {
    await context.close().catch(() => {});
  }
  return counts;
}

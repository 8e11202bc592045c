import * as assert from 'assert';
import { suite, test } from '../runner';
import { SEED_000, diagnosticCode, openSeed, settledDiagnostics, withSetting } from '../helpers';

const RULE = 'text.invisible-character';

suite('settings', () => {
  test(`seedReview.rules.${RULE} = off removes its diagnostics, and unsetting it brings them back`, async () => {
    const { doc } = await openSeed(SEED_000);
    const has = (all: readonly { code?: unknown }[]) => all.some((d) => diagnosticCode(d as never) === RULE);
    await settledDiagnostics(doc.uri, { accept: has });
    await withSetting('seedReview', `rules.${RULE}`, 'off', async () => {
      const off = await settledDiagnostics(doc.uri, { accept: (all) => all.length > 0 && !has(all) });
      assert.ok(!has(off), `no ${RULE} diagnostics while the rule is off`);
    });
    const back = await settledDiagnostics(doc.uri, { accept: has });
    assert.ok(has(back), `${RULE} diagnostics are back`);
  });
});

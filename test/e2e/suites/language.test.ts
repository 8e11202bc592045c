import * as assert from 'assert';
import * as vscode from 'vscode';
import { suite, test } from '../runner';
import { EXTENSION_ID } from '../helpers';

suite('language', () => {
  test('the extension under development is loaded and active', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    assert.ok(ext.isActive, 'it is active');
  });

  test('every seed file opens with language id "seed"', async () => {
    const files = await vscode.workspace.findFiles('seeds/*.txt');
    assert.ok(files.length >= 2, `found ${files.length} seed files`);
    for (const uri of files) {
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.strictEqual(doc.languageId, 'seed', uri.path);
    }
  });
});

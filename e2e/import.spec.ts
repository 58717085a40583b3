import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rawResponse, startRawServer } from '../app/testing/servers';
import { expect, screenshot, test } from './support/fixtures';

test('imports a Postman collection, reports what it could not carry, saves an edit as exactly that line, and sends it after a reload', async ({ page, app }) => {
  const target = await startRawServer((_, socket) =>
    socket.end(rawResponse(200, 'OK', [['Content-Type', 'application/json'], ['Set-Cookie', 'sid=abc123; Path=/; HttpOnly']], '{"ok":true}')),
  );
  try {
    const postman = await readFile('app/formats/fixtures/postman-real-scripts.input.json', 'utf8');
    const root = join(app.dataDir, 'imported');
    await app.open(page);
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByRole('textbox', { name: 'Text to import' }).fill(postman);
    await dialog.getByRole('textbox', { name: 'Import into folder' }).fill(root);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const report = dialog.getByRole('region', { name: 'Import result' });
    await expect(report).toContainText('Will import');
    await expect(report).toContainText('postman');
    // Scripts cannot be carried over: the import says so, per item.
    await expect(report).toContainText(/script/i);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(report).toContainText('Imported');
    await screenshot(page, 'import-postman');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const files = (await readdir(root)).filter((f) => f.endsWith('.yaml') && f !== 'collection.yaml');
    expect(files).toHaveLength(1);
    const file = join(root, files[0] ?? '');
    const before = await readFile(file, 'utf8');

    await page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: /New Request/ }).first().click();
    const url = page.getByRole('textbox', { name: 'URL' });
    await expect(url).toHaveValue(/httpbin\.org\/get/);
    await url.fill(`${target.url}/get`);
    await page.keyboard.press('Control+s');
    await expect(page.getByLabel('unsaved changes')).toHaveCount(0);
    const after = await readFile(file, 'utf8');
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual([`url: ${target.url}/get`]);

    await page.reload();
    await page.locator('body[data-app-state="ready"]').waitFor();
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: /New Request/ }).first().click();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('status-line')).toContainText('200');
    expect(target.requests.at(-1)?.requestLine).toBe('GET /get HTTP/1.1');

    // The collection's cookie jar kept the Set-Cookie; it can be viewed and cleared.
    await page.getByRole('button', { name: 'Actions for collection New Collection' }).click();
    await page.getByRole('menuitem', { name: 'Cookies…' }).click();
    const cookies = page.getByRole('dialog', { name: 'Cookies' });
    await expect(cookies.getByRole('table', { name: 'Cookies' })).toContainText('abc123');
    await cookies.getByRole('button', { name: 'Clear all cookies' }).click();
    await expect(cookies.getByRole('status')).toContainText('1 cookie removed');
    await expect(cookies.getByRole('table', { name: 'Cookies' })).toHaveCount(0);
    await cookies.getByRole('button', { name: 'Close' }).click();

    // Assertions and auth are edited in their tabs and saved in the same file.
    await page.getByRole('tab', { name: /Assertions/ }).click();
    await page.getByRole('button', { name: '+ Add assertion' }).click();
    await page.getByRole('tab', { name: /^Auth/ }).click();
    await page.getByRole('combobox', { name: 'Auth type' }).selectOption('bearer');
    await page.getByLabel('Token').fill('{{token}}');
    await page.keyboard.press('Control+s');
    await expect(page.getByLabel('unsaved changes')).toHaveCount(0);
    const saved = await readFile(file, 'utf8');
    expect(saved).toMatch(/assertions:\n\s+- kind: status-equals\n\s+value: 200/);
    expect(saved).toMatch(/auth:\n\s+type: bearer\n\s+token: "\{\{token\}\}"/);

    await page.getByRole('button', { name: 'Code' }).click();
    const code = page.getByRole('dialog', { name: 'Request as code' });
    await expect(code.getByTestId('code-generated-code')).toContainText(`${target.url}/get`);
  } finally {
    await target.close();
  }
});

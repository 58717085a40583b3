/**
 * Collections on disk, environments, secrets and history, end to end in web mode. There is no import
 * operation in app/contract yet, so the collection is created through the UI (and, for the tree test,
 * written by hand the way a git checkout would bring it).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { rawResponse, startRawServer } from '../app/testing/servers';
import { expect, screenshot, test } from './support/fixtures';

async function allText(dir: string): Promise<string> {
  let out = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out += await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length, 'same number of lines').toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
}

test('creates a collection, saves an edit as exactly that change, sends it with an environment and a secret, and lists it in history', async ({ page, app }) => {
  const target = await startRawServer((_, socket) => socket.end(rawResponse(200, 'OK', [['Content-Type', 'application/json']], '{"id":42,"name":"Ada"}')));
  try {
    const root = join(app.dataDir, 'demo-api');
    await app.open(page);
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('textbox', { name: 'Collection folder path' }).fill(root);
    await page.getByRole('button', { name: 'New collection here…' }).click();
    await page.getByRole('textbox', { name: 'New collection name' }).fill('Demo API');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const collection = page.getByRole('region', { name: 'Collection Demo API' });
    await expect(collection).toBeVisible();
    expect(parse(await readFile(join(root, 'collection.yaml'), 'utf8'))).toMatchObject({ name: 'Demo API' });

    // A new request goes to disk at once and opens in the editor.
    await collection.getByRole('button', { name: 'New request in Demo API' }).click();
    await expect(collection.getByRole('button', { name: /^GET New request/ })).toBeVisible();
    await page.getByRole('textbox', { name: 'URL' }).fill('{{base}}/users/42');
    await page.getByRole('tab', { name: /^Headers/ }).click();
    await page.getByRole('button', { name: '+ Add header' }).click();
    await page.getByRole('textbox', { name: 'Headers name 1' }).fill('Authorization');
    await page.getByRole('textbox', { name: 'Headers value 1' }).fill('Bearer {{token}}');
    const title = page.getByTestId('open-request-title');
    await expect(title).toContainText('•');
    await expect(collection.getByRole('button', { name: /New request.*unsaved changes/ })).toBeVisible();
    await page.keyboard.press('Control+s');
    await expect(title).not.toContainText('•');
    const file = join(root, 'new-request.yaml');
    const first = await readFile(file, 'utf8');
    expect(parse(first)).toMatchObject({ url: '{{base}}/users/42', headers: [{ name: 'Authorization', value: 'Bearer {{token}}' }] });

    // Edit one field: the file changes by exactly that line.
    await page.getByRole('combobox', { name: 'Method' }).fill('PATCH');
    await page.keyboard.press('Control+s');
    await expect(title).not.toContainText('•');
    await expect.poll(async () => readFile(file, 'utf8')).not.toBe(first);
    const second = await readFile(file, 'utf8');
    expect(changedLines(first, second)).toEqual(['method: PATCH']);
    const [before, after] = [parse(first) as Record<string, unknown>, parse(second) as Record<string, unknown>];
    expect({ ...after, method: before.method }).toEqual(before);

    // Nothing defines {{base}} or {{token}} yet: Send is refused, naming them.
    await page.getByRole('button', { name: 'Send' }).click();
    const blocked = page.getByRole('alert', { name: 'Send blocked' });
    await expect(blocked).toContainText('{{base}}');
    await expect(blocked).toContainText('{{token}}');
    expect(target.requests).toHaveLength(0);

    // An environment with base, and a secret token whose value never reaches the collection's files.
    await page.getByRole('alert', { name: 'Send blocked' }).getByRole('button', { name: 'Variables…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Variables and secrets of Demo API' });
    await dialog.getByRole('textbox', { name: 'Environment name' }).fill('local');
    await dialog.getByRole('button', { name: 'Create environment' }).click();
    await expect(dialog.getByRole('status')).toContainText('environments/local.yaml');
    await dialog.getByRole('combobox', { name: 'Variable scope' }).selectOption('local');
    await dialog.getByRole('textbox', { name: 'Variable name' }).fill('base');
    await dialog.getByRole('textbox', { name: 'Variable value' }).fill(target.url);
    await dialog.getByRole('button', { name: 'Save variable' }).click();
    await expect(dialog.getByRole('table', { name: 'Variables of local' })).toContainText(target.url);
    await dialog.getByRole('combobox', { name: 'Variable scope' }).selectOption('');
    await dialog.getByRole('textbox', { name: 'Variable name' }).fill('token');
    await dialog.getByRole('checkbox', { name: 'Secret' }).check();
    await dialog.getByLabel('Variable value').fill('s3cr3t-value');
    await dialog.getByRole('button', { name: 'Save variable' }).click();
    await expect(dialog.getByRole('table', { name: 'Collection variables' })).toContainText('secret · value set');
    await expect(dialog).not.toContainText('s3cr3t-value');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await allText(root)).not.toContain('s3cr3t-value');

    await page.getByRole('group', { name: 'Open request' }).getByRole('combobox', { name: 'Environment' }).selectOption('local');
    await expect(page.getByRole('textbox', { name: 'URL' })).toHaveAttribute('title', new RegExp(`\\{\\{base\\}\\} = ${target.url.replace(/[.:/]/g, '\\$&')}`));

    // Reopen: a reload brings the collection back; clicking the request loads it; Send goes out resolved.
    await app.open(page);
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('region', { name: 'Collection Demo API' }).getByRole('button', { name: /^PATCH New request/ }).click();
    await expect(page.getByRole('textbox', { name: 'URL' })).toHaveValue('{{base}}/users/42');
    await expect(page.getByRole('group', { name: 'Open request' }).getByRole('combobox', { name: 'Environment' })).toHaveValue('local');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('status-line')).toContainText('200');
    expect(target.requests[0]?.requestLine).toBe('PATCH /users/42 HTTP/1.1');
    expect(target.requests[0]?.head).toContain('Authorization: Bearer s3cr3t-value');
    await screenshot(page, 'collections');

    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('list', { name: 'History' });
    await expect(history.getByRole('button', { name: `PATCH ${target.url}/users/42 200` })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search history' }).fill('method:GET');
    await expect(history.getByRole('button')).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Search history' }).fill('status:2xx users');
    await expect(history.getByRole('button', { name: `PATCH ${target.url}/users/42 200` })).toBeVisible();
  } finally {
    await target.close();
  }
});

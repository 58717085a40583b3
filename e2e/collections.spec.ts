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

const SHOP = {
  'collection.yaml': 'schema: statuscope/collection@1\nname: Shop\norder:\n  - list-items.yaml\n  - create-item.yaml\n  - admin\n',
  'list-items.yaml': '# The catalogue, first page.\nname: List items\nmethod: GET\nurl: URL/items?page=1\n',
  'create-item.yaml': 'name: Create item\nmethod: POST\nurl: URL/items\nbody:\n  kind: json\n  text: \'{"name":"lamp"}\'\n',
  'admin/purge.yaml': 'name: Purge cache\nmethod: PURGE\nurl: URL/cache\n',
  'broken.yaml': 'name: Broken\nmethod: 42\nurl: nowhere\n',
};

test('opens a hand-written collection with a broken file, reorders, renames, moves, duplicates and deletes, and never overwrites a file changed on disk', async ({ page, app }) => {
  const target = await startRawServer((_, socket) => socket.end(rawResponse(200, 'OK', [['Content-Type', 'text/plain']], 'items')));
  try {
    const root = join(app.dataDir, 'shop');
    await mkdir(join(root, 'admin'), { recursive: true });
    for (const [rel, text] of Object.entries(SHOP)) await writeFile(join(root, rel), text.replaceAll('URL', target.url));
    await app.open(page);
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('textbox', { name: 'Collection folder path' }).fill(root);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const shop = page.getByRole('region', { name: 'Collection Shop' });
    const requests = shop.getByRole('button', { name: /^(GET|POST|PURGE) / });
    await expect(requests).toHaveText([/List items/, /Create item/, /Purge cache/]);
    const problems = shop.getByRole('group', { name: 'Files in Shop that failed to parse' });
    await expect(problems).toContainText('broken.yaml:2');
    await expect(problems).toContainText('method');
    await expect(shop.getByText('line 2: method')).toBeVisible();

    // Drag "Create item" above "List items": the order is written to collection.yaml.
    await shop.getByRole('button', { name: 'POST Create item' }).dragTo(shop.getByRole('button', { name: 'GET List items' }));
    await expect(requests).toHaveText([/Create item/, /List items/, /Purge cache/]);
    expect((parse(await readFile(join(root, 'collection.yaml'), 'utf8')) as { order: string[] }).order.slice(0, 2)).toEqual(['create-item.yaml', 'list-items.yaml']);

    // Rename, move, duplicate, delete through each entry's menu.
    await shop.getByRole('button', { name: 'Actions for List items' }).click();
    await shop.getByRole('menuitem', { name: 'Rename' }).click();
    await shop.getByRole('textbox', { name: 'New name for List items' }).fill('All items');
    await shop.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(shop.getByRole('button', { name: 'GET All items' })).toBeVisible();
    expect(parse(await readFile(join(root, 'all-items.yaml'), 'utf8'))).toMatchObject({ name: 'All items', url: `${target.url}/items?page=1` });

    await shop.getByRole('button', { name: 'Actions for Purge cache' }).click();
    await shop.getByRole('menuitem', { name: 'Move to…' }).click();
    await shop.getByRole('combobox', { name: 'Move Purge cache to' }).selectOption('');
    await shop.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(async () => (await readdir(root)).includes('purge.yaml')).toBe(true);
    await expect(shop.getByRole('button', { name: 'admin', exact: true })).toBeVisible();
    await expect(shop.getByText('Empty folder')).toBeVisible();

    await shop.getByRole('button', { name: 'Actions for Create item' }).click();
    await shop.getByRole('menuitem', { name: 'Duplicate' }).click();
    await expect(shop.getByRole('button', { name: 'POST Create item copy' })).toBeVisible();
    await shop.getByRole('button', { name: 'Actions for Create item copy' }).click();
    await shop.getByRole('menuitem', { name: 'Delete…' }).click();
    const confirm = shop.getByRole('alertdialog', { name: 'Delete Create item copy?' });
    await expect(confirm).toContainText('removed from disk');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(shop.getByRole('button', { name: 'POST Create item copy' })).toHaveCount(0);
    expect((await readdir(root)).filter((f) => f.startsWith('create-item'))).toEqual(['create-item.yaml']);

    // An edit on disk while the editor holds unsaved changes: a conflict, resolved by reloading.
    const url = page.getByRole('textbox', { name: 'URL' });
    const file = join(root, 'all-items.yaml');
    await shop.getByRole('button', { name: 'GET All items' }).click();
    await expect(url).toHaveValue(`${target.url}/items?page=1`);
    await url.fill(`${target.url}/items?page=2`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('page=1', 'page=9'));
    const conflict = page.getByRole('alert', { name: 'Conflict with the file on disk' });
    await expect(conflict).toContainText('changed on disk');
    await expect(shop.getByRole('button', { name: /All items.*unsaved changes/ })).toBeVisible();
    await screenshot(page, 'collections-conflict');
    await conflict.getByRole('button', { name: 'Reload from disk' }).click();
    await expect(url).toHaveValue(`${target.url}/items?page=9`);
    await expect(conflict).toHaveCount(0);

    // Saving over a newer file is refused the same way; Overwrite is explicit.
    await url.fill(`${target.url}/items?page=3`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('page=9', 'page=8'));
    await expect(conflict).toBeVisible();
    await conflict.getByRole('button', { name: 'Overwrite' }).click();
    await expect(conflict).toHaveCount(0);
    await expect.poll(async () => readFile(file, 'utf8')).toContain('page=3');
    expect(await readFile(file, 'utf8')).toContain('# The catalogue, first page.');

    // Without unsaved edits, a change on disk simply reloads.
    await writeFile(file, (await readFile(file, 'utf8')).replace('page=3', 'page=4'));
    await expect(url).toHaveValue(`${target.url}/items?page=4`);

    // Send it, re-open it from history, save the history entry into the collection, clear history.
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('status-line')).toContainText('200');
    await url.fill('http://127.0.0.1:1/elsewhere');
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('list', { name: 'History' });
    const entry = history.getByRole('button', { name: `GET ${target.url}/items?page=4 200` });
    await entry.click();
    await expect(url).toHaveValue(`${target.url}/items?page=4`);
    await history.getByRole('button', { name: `Save GET ${target.url}/items?page=4 into a collection` }).click();
    await history.getByRole('textbox', { name: 'Request name' }).fill('Page four');
    await history.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(history.getByRole('status')).toContainText('page-four.yaml');
    expect(parse(await readFile(join(root, 'page-four.yaml'), 'utf8'))).toMatchObject({ name: 'Page four', method: 'GET', url: `${target.url}/items?page=4` });
    await page.getByRole('button', { name: 'Clear history…' }).click();
    await page.getByRole('alertdialog', { name: 'Clear history?' }).getByRole('button', { name: 'Clear history' }).click();
    await expect(history.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Cleared' })).toContainText('Cleared 1 entry');
  } finally {
    await target.close();
  }
});

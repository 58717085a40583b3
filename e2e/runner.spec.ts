/**
 * The collection runner, end to end in web mode: a collection written on disk by hand (docs/collection-format.md,
 * assertions per docs/assertions.md), opened in the Collections tab, one folder run with an environment, every
 * assertion's verdict shown; then the whole collection, stopped while a request hangs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rawResponse, startRawServer } from '../app/testing/servers';
import { expect, screenshot, test } from './support/fixtures';

async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    const file = join(root, ...rel.split('/'));
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, text);
  }
}

function shopCollection(baseUrl: string, hangingUrl: string): Record<string, string> {
  return {
    'collection.yaml': 'schema: statuscope/collection@1\nname: Shop checks\n',
    'environments/local.yaml': `schema: statuscope/environment@1\nname: local\nvariables:\n  - name: baseUrl\n    value: ${baseUrl}\n`,
    'smoke/folder.yaml':
      'schema: statuscope/folder@1\nname: Smoke\norder:\n  - health.yaml\n  - items.yaml\n',
    'smoke/health.yaml': `schema: statuscope/request@1
name: Health
method: GET
url: '{{baseUrl}}/health'
assertions:
  - kind: status-equals
    value: 200
  - kind: body-contains
    text: up
`,
    'smoke/items.yaml': `schema: statuscope/request@1
name: List items
method: GET
url: '{{baseUrl}}/items'
assertions:
  - kind: status-equals
    value: 200
  - kind: header-equals
    name: Content-Type
    value: application/xml
`,
    // Sorted before the folder (no order: in collection.yaml), and never answered: the run must be stopped.
    'slow.yaml': `schema: statuscope/request@1\nname: Slow report\nmethod: GET\nurl: '${hangingUrl}/report'\n`,
  };
}

test('runs a folder of a collection opened from disk and shows each assertion passing or failing; stops a hanging run', async ({
  page,
  app,
}) => {
  const shop = await startRawServer((seen, socket) => {
    const path = seen.requestLine.split(' ')[1] ?? '/';
    if (path === '/health')
      socket.end(
        rawResponse(
          200,
          'OK',
          [
            ['Content-Type', 'text/plain'],
            ['Connection', 'close'],
          ],
          'up\n',
        ),
      );
    else if (path === '/items')
      socket.end(
        rawResponse(
          200,
          'OK',
          [
            ['Content-Type', 'application/json'],
            ['Connection', 'close'],
          ],
          '[{"id":1}]',
        ),
      );
    else socket.end(rawResponse(404, 'Not Found', [['Connection', 'close']]));
  });
  const hanging = await startRawServer(() => undefined);
  try {
    const root = join(app.dataDir, 'shop');
    await writeFiles(root, shopCollection(shop.url, hanging.url));
    await app.open(page);
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('textbox', { name: 'Collection folder path' }).fill(root);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const collection = page.getByRole('region', { name: 'Collection Shop checks' });
    await expect(collection.getByRole('button', { name: 'Smoke', exact: true })).toBeVisible();

    // Run… on the folder: only its two requests, with the environment chosen in the runner.
    await collection.getByRole('button', { name: 'Actions for folder Smoke' }).click();
    await collection.getByRole('menuitem', { name: 'Run…' }).click();
    const runner = page.getByRole('dialog', { name: 'Run Smoke' });
    await runner.getByRole('combobox', { name: 'Run environment' }).selectOption('local');
    await runner.getByRole('button', { name: 'Run', exact: true }).click();

    await expect(runner.getByRole('status', { name: 'Run summary' })).toContainText(
      '1 passed, 1 failed (2 requests); 3 of 4 assertions passed',
    );
    const results = runner.getByRole('list', { name: 'Run results' });
    await expect(results.getByRole('listitem')).toHaveCount(2);
    await expect(results.getByRole('listitem', { name: 'Health: passed' })).toContainText('PASS');
    const items = results.getByRole('listitem', { name: 'List items: failed' });
    await expect(items).toContainText('FAIL');
    await expect(items).toContainText('200 OK');
    const assertions = items.getByRole('table', { name: 'Assertions of List items' });
    await expect(assertions.getByRole('row', { name: /^✓ passed status equals 200 200/ })).toBeVisible();
    const failed = assertions.getByRole('row', { name: /^✗ failed header Content-Type equals/ });
    await expect(failed).toContainText('"application/xml"');
    await expect(failed).toContainText('application/json');
    expect(shop.requests.map((r) => r.requestLine)).toEqual(['GET /health HTTP/1.1', 'GET /items HTTP/1.1']);
    expect(hanging.requests).toHaveLength(0);
    await screenshot(page, 'runner');

    // The whole collection: the first request never gets an answer; Stop ends the run at once.
    await runner.getByRole('button', { name: 'Close' }).click();
    await collection.getByRole('button', { name: 'Run Shop checks' }).click();
    const whole = page.getByRole('dialog', { name: 'Run Shop checks' });
    await whole.getByRole('combobox', { name: 'Run environment' }).selectOption('local');
    await whole.getByRole('button', { name: 'Run', exact: true }).click();
    // run:progress comes as each request finishes, so the total is not known while the first one hangs.
    await expect(whole.getByRole('status', { name: 'Run progress' })).toContainText('0 of');
    await expect.poll(() => hanging.requests.length).toBe(1);
    await whole.getByRole('button', { name: 'Stop' }).click();
    await expect(whole.getByRole('status', { name: 'Run summary' })).toContainText('Stopped.', {
      timeout: 3000,
    });
    await expect(
      whole.getByRole('list', { name: 'Run results' }).getByRole('listitem', { name: 'Health: skipped' }),
    ).toBeVisible();
  } finally {
    await shop.close();
    await hanging.close();
  }
});

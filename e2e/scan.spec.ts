/**
 * The capability matrix and the OpenAPI audit, end to end in web mode, against raw servers on 127.0.0.1
 * whose answer to every method is written down here, so what the grid and the report show can be checked.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { rawResponse, startRawServer, type RawServer } from '../app/testing/servers';
import { expect, screenshot, test } from './support/fixtures';

interface Reply {
  status: number;
  reason: string;
  headers?: Array<[string, string]>;
  body?: string;
}

const json = (
  status: number,
  reason: string,
  value: unknown,
  headers: Array<[string, string]> = [],
): Reply => ({
  status,
  reason,
  headers: [['Content-Type', 'application/json'], ...headers],
  body: JSON.stringify(value),
});

/** A raw server (node:http refuses lower-case and unknown methods) answering from `route(method, path)`. */
function serve(route: (method: string, path: string) => Reply): Promise<RawServer> {
  return startRawServer((seen, socket) => {
    const [method = '', target = '/'] = seen.requestLine.split(' ');
    const reply = route(method, target.split('?')[0] ?? target);
    let bytes = rawResponse(
      reply.status,
      reply.reason,
      [['Server', 'shopfront/2.1'], ...(reply.headers ?? []), ['Connection', 'close']],
      reply.body ?? '',
    );
    // RFC 9110 §9.3.2: HEAD gets GET's header section and no content.
    if (method === 'HEAD') bytes = bytes.slice(0, bytes.indexOf('\r\n\r\n') + 4);
    socket.end(bytes);
  });
}

const ITEMS_ALLOW = 'GET, HEAD, POST, PUT, OPTIONS';

/** Known behaviour of /items: what each cell of its row must show. */
function items(method: string): Reply {
  switch (method) {
    case 'OPTIONS':
      return { status: 204, reason: 'No Content', headers: [['Allow', ITEMS_ALLOW]] };
    case 'GET':
    case 'HEAD':
      return json(200, 'OK', [{ id: 1, name: 'spanner' }]);
    case 'POST':
      return json(201, 'Created', { id: 2 });
    case 'PUT': // listed in Allow, yet a stub: a contradiction, and a 501 the diagnosis calls endpoint-stub
      return json(501, 'Not Implemented', {
        error: 'not_implemented',
        message: 'Replacing items is planned for v2.',
      });
    case 'DELETE': // 405 without the Allow that RFC 9110 §15.5.6 requires
      return json(405, 'Method Not Allowed', { error: 'method_not_allowed' });
    case 'PATCH':
    case 'TRACE':
      return json(405, 'Method Not Allowed', { error: 'method_not_allowed' }, [['Allow', ITEMS_ALLOW]]);
    default: // WebDAV, QUERY, the unknown token and `get`: the server knows no such method
      return {
        status: 501,
        reason: 'Not Implemented',
        headers: [['Content-Type', 'text/plain']],
        body: `Unsupported method ('${method}')\n`,
      };
  }
}

const EXPECTED_CELLS: Record<string, string> = {
  OPTIONS: '204',
  GET: '200',
  HEAD: '200',
  POST: '201',
  PUT: '501 endpoint-stub',
  DELETE: '405',
  PATCH: '405',
  TRACE: '405',
  PROPFIND: '501 method-unsupported',
  PROPPATCH: '501 method-unsupported',
  MKCOL: '501 method-unsupported',
  COPY: '501 method-unsupported',
  MOVE: '501 method-unsupported',
  LOCK: '501 method-unsupported',
  UNLOCK: '501 method-unsupported',
  QUERY: '501 method-unsupported',
  XYZZY: '501 method-unsupported',
  get: '501 method-unsupported',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('scans a URL: the plan sends nothing unsafe without consent, the grid shows each status, the contradictions and a 501 cause', async ({
  page,
  app,
}) => {
  const server = await serve((method, path) =>
    path === '/items' ? items(method) : json(404, 'Not Found', { error: 'not_found' }),
  );
  try {
    const url = `${server.url}/items`;
    await app.open(page);
    await page.getByRole('textbox', { name: 'URL' }).fill(url);
    await page.getByRole('banner').getByRole('button', { name: 'Scan', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Capability matrix' });
    await expect(dialog.getByRole('textbox', { name: 'URLs to scan' })).toHaveValue(url);

    // The consent names exactly the unsafe methods of the chosen groups, and the URL they would go to.
    const consent = dialog.getByRole('checkbox', { name: /^Send the unsafe methods/ });
    await expect(consent).toHaveAccessibleName(
      new RegExp(
        `^Send the unsafe methods POST, PUT, DELETE, PATCH, PROPPATCH, MKCOL, COPY, MOVE, LOCK, UNLOCK to ${escape(url)}\\.`,
      ),
    );
    await expect(consent).not.toBeChecked();

    // The dry run lists what would go out, sends nothing, and skips the unsafe methods without consent.
    await dialog.getByRole('button', { name: 'Show plan' }).click();
    const plan = dialog.getByRole('region', { name: 'Scan plan' });
    await expect(plan).toContainText('8 requests will be sent, 10 not sent');
    const planTable = plan.getByRole('table', { name: `Plan for ${url}` });
    await expect(
      planTable.getByRole('row', { name: /^PUT standard unsafe not sent: PUT is unsafe/ }),
    ).toBeVisible();
    await expect(planTable.getByRole('row', { name: /^XYZZY unknown unregistered sent$/ })).toBeVisible();
    expect(server.requests).toHaveLength(0);

    await consent.check();
    await dialog.getByRole('spinbutton', { name: 'Requests per second' }).fill('200');
    await dialog.getByRole('button', { name: 'Show plan' }).click();
    await expect(plan).toContainText('18 requests will be sent, 0 not sent');
    expect(server.requests).toHaveLength(0);

    await dialog.getByRole('button', { name: 'Scan', exact: true }).click();
    const result = dialog.getByRole('region', { name: 'Scan result' });
    await expect(result.getByRole('status')).toContainText(
      '1 endpoint × 18 methods: 18 sent, 0 not sent, 0 without a response, 2 contradictions',
    );
    expect(server.requests[0]?.requestLine).toBe('OPTIONS /items HTTP/1.1');

    const grid = result.getByRole('table', { name: 'Capability matrix' });
    for (const [method, text] of Object.entries(EXPECTED_CELLS)) {
      await expect(
        grid.getByRole('button', { name: new RegExp(`^${method} ${escape(url)}: `) }),
        method,
      ).toHaveText(text);
    }
    await expect(
      grid.getByRole('button', { name: new RegExp(`^DELETE ${escape(url)}: `) }),
    ).toHaveAccessibleName(`DELETE ${url}: 405 Method Not Allowed`);

    const contradictions = result.getByRole('region', { name: 'Contradictions' });
    await expect(contradictions.getByRole('listitem')).toHaveCount(2);
    await expect(
      contradictions.getByRole('listitem').filter({ hasText: 'allowed-but-refused' }),
    ).toContainText('(PUT): PUT is listed in Allow, yet answered 405 or 501');
    await expect(contradictions.getByRole('listitem').filter({ hasText: '405-without-allow' })).toContainText(
      '(DELETE)',
    );

    // A 501 cell opens its details: the diagnosed cause and why, and the contradiction that names it.
    await grid.getByRole('button', { name: new RegExp(`^PUT ${escape(url)}: `) }).click();
    const details = dialog.getByRole('complementary', { name: `Details of PUT ${url}` });
    await expect(details.getByRole('group', { name: 'Diagnosed cause' })).toContainText(
      'Diagnosed cause: endpoint-stub',
    );
    await expect(details.getByRole('group', { name: 'Diagnosed cause' })).toContainText(
      'answers 501 by design',
    );
    await expect(details).toContainText('allowed-but-refused');
    await expect(details).toContainText(`Allow: ${ITEMS_ALLOW}`);
    await screenshot(page, 'scan-matrix');

    // Exports come from the host (scan:export): CSV and Markdown, each with every cell.
    const csv = await downloaded(page, () => dialog.getByRole('button', { name: 'Download CSV' }).click());
    expect(csv.name).toBe('capability-matrix.csv');
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^url,label,source,method,/);
    expect(lines).toHaveLength(1 + 18);
    expect(lines.find((l) => l.includes(',PUT,'))).toMatch(/,501,Not Implemented,.*endpoint-stub/);
    const md = await downloaded(page, () =>
      dialog.getByRole('button', { name: 'Download Markdown' }).click(),
    );
    expect(md.name).toBe('capability-matrix.md');
    expect(md.text).toContain('allowed-but-refused');

    // From the cell to its own exchange and explanation in the main view: nothing is sent again.
    const before = server.requests.length;
    await details.getByRole('button', { name: 'Open this exchange and its explanation' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('status-line')).toContainText('501');
    await expect(page.getByRole('complementary', { name: 'Explainer' }).getByTestId('finding-endpoint-stub')).toBeVisible();
    expect(server.requests.length).toBe(before);
  } finally {
    await server.close();
  }
});

test('cancelling a scan stops it at once and keeps what was answered', async ({ page, app }) => {
  const server = await serve((method) => items(method));
  try {
    await app.open(page);
    await page.getByRole('banner').getByRole('button', { name: 'Scan', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Capability matrix' });
    await dialog.getByRole('textbox', { name: 'URLs to scan' }).fill(`${server.url}/items`);
    await dialog.getByRole('spinbutton', { name: 'Requests per second' }).fill('1');
    await dialog.getByRole('button', { name: 'Scan', exact: true }).click();
    const progress = dialog.getByRole('status', { name: 'Scan progress' });
    await expect(progress).toContainText('1 of 8 sent');
    await dialog.getByRole('button', { name: 'Cancel scan' }).click();
    const summary = dialog.getByRole('region', { name: 'Scan result' }).getByRole('status');
    await expect(summary).toContainText('Cancelled.', { timeout: 3000 });
    // One request a second: the scan stopped long before its eight seconds.
    expect(server.requests.length).toBeLessThan(4);
    await expect(dialog.getByRole('button', { name: /^OPTIONS .*: 204/ })).toHaveText('204');
    await expect(
      dialog.getByRole('button', { name: /^XYZZY .*: not sent: cancelled before it was sent$/ }),
    ).toHaveText('—');
  } finally {
    await server.close();
  }
});

test('scans a collection folder with its environment, sending safe methods only', async ({ page, app }) => {
  const server = await serve((method, path) =>
    path === '/items' ? items(method) : json(404, 'Not Found', { error: 'not_found' }),
  );
  try {
    const root = join(app.dataDir, 'catalogue');
    await mkdir(join(root, 'environments'), { recursive: true });
    await writeFile(join(root, 'collection.yaml'), 'schema: statuscope/collection@1\nname: Catalogue\n');
    await writeFile(
      join(root, 'environments', 'local.yaml'),
      `schema: statuscope/environment@1\nname: local\nvariables:\n  - name: baseUrl\n    value: ${server.url}\n`,
    );
    await writeFile(
      join(root, 'list-items.yaml'),
      "schema: statuscope/request@1\nname: List items\nmethod: GET\nurl: '{{baseUrl}}/items'\n",
    );
    await app.open(page);
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('textbox', { name: 'Collection folder path' }).fill(root);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page
      .getByRole('region', { name: 'Collection Catalogue' })
      .getByRole('button', { name: /^GET List items/ })
      .click();
    await page
      .getByRole('group', { name: 'Open request' })
      .getByRole('combobox', { name: 'Environment' })
      .selectOption('local');

    await page.getByRole('banner').getByRole('button', { name: 'Scan', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Capability matrix' });
    await dialog.getByRole('radio', { name: 'A collection folder' }).check();
    await dialog.getByRole('combobox', { name: 'Collection to scan' }).selectOption({ label: 'Catalogue' });
    await expect(dialog.getByRole('form', { name: 'Scan settings' })).toContainText('Environment: local');
    // Collection requests never get unsafe methods, so there is nothing to consent to.
    await expect(dialog.getByRole('checkbox', { name: /^Send the unsafe methods/ })).toHaveCount(0);
    await dialog.getByRole('spinbutton', { name: 'Requests per second' }).fill('200');
    await dialog.getByRole('button', { name: 'Scan', exact: true }).click();

    const grid = dialog.getByRole('table', { name: 'Capability matrix' });
    await expect(grid.getByRole('button', { name: 'GET List items: 200 OK' })).toHaveText('200');
    await expect(
      grid.getByRole('button', {
        name: /^PUT List items: not sent: PUT is unsafe .*only to a URL named for the scan/,
      }),
    ).toHaveText('—');
    const sent = server.requests.map((r) => r.requestLine.split(' ')[0]).sort();
    expect(sent).toEqual(['GET', 'HEAD', 'OPTIONS', 'PROPFIND', 'QUERY', 'TRACE', 'XYZZY', 'get'].sort());
  } finally {
    await server.close();
  }
});

const SPEC = `openapi: 3.0.3
info:
  title: Shop API
  version: 2.0.0
servers:
  - url: http://127.0.0.1:1
paths:
  /items:
    get:
      operationId: listItems
      summary: List items
      responses: { '200': { description: the items } }
    post:
      operationId: createItem
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { name: { type: string, example: spanner } } }
      responses: { '201': { description: created } }
  /items/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: integer, example: 1 } }
    get:
      operationId: getItem
      responses: { '200': { description: the item } }
    delete:
      operationId: deleteItem
      responses: { '204': { description: deleted } }
  /health:
    get:
      operationId: health
      responses: { '200': { description: up } }
`;

/** What is really built behind SPEC: DELETE /items/{id} is a stub, and PUT /items answers though undocumented. */
function shop(method: string, path: string): Reply {
  const notAllowed = (allow: string) =>
    json(405, 'Method Not Allowed', { error: 'method_not_allowed' }, [['Allow', allow]]);
  if (path === '/items') {
    if (method === 'GET' || method === 'HEAD') return json(200, 'OK', [{ id: 1 }]);
    if (method === 'POST') return json(201, 'Created', { id: 2 });
    if (method === 'PUT') return json(200, 'OK', { replacedAll: true });
    return notAllowed('GET, HEAD, POST, PUT');
  }
  if (path === '/items/1') {
    if (method === 'GET' || method === 'HEAD') return json(200, 'OK', { id: 1 });
    if (method === 'DELETE')
      return json(501, 'Not Implemented', {
        error: 'not_implemented',
        message: 'Deleting items is planned for v2.',
      });
    return notAllowed('GET, HEAD');
  }
  if (path === '/health')
    return method === 'GET' || method === 'HEAD'
      ? { status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain']], body: 'up\n' }
      : notAllowed('GET, HEAD');
  return json(404, 'Not Found', { error: 'not_found' });
}

test('audits an OpenAPI document: flags exactly the documented operation that is not built, and the undocumented one that answers', async ({
  page,
  app,
}) => {
  const server = await serve(shop);
  try {
    await app.open(page);
    await page.getByRole('banner').getByRole('button', { name: 'Audit' }).click();
    const dialog = page.getByRole('dialog', { name: 'OpenAPI audit' });
    await dialog
      .getByLabel('OpenAPI file')
      .setInputFiles({ name: 'shop.openapi.yaml', mimeType: 'application/yaml', buffer: Buffer.from(SPEC) });
    await expect(dialog.getByRole('textbox', { name: 'OpenAPI document' })).toHaveValue(SPEC);
    await dialog.getByRole('textbox', { name: 'Base URL' }).fill(server.url);
    const consent = dialog.getByRole('checkbox', { name: /^Send the spec's unsafe operations/ });
    await expect(consent).toHaveAccessibleName(
      new RegExp(`to ${escape(server.url)}, with the spec's example bodies`),
    );
    await consent.check();
    await dialog.getByRole('spinbutton', { name: 'Audit requests per second' }).fill('200');
    await dialog.getByRole('button', { name: 'Run audit' }).click();

    const report = dialog.getByRole('region', { name: 'Audit report' });
    await expect(report.getByRole('status')).toContainText(
      '5 documented operations — 4 implemented, 1 not built, 0 behind authentication, 0 erroring, 0 skipped; 1 undocumented method answering',
    );
    const notBuilt = report.getByRole('table', { name: 'Documented but not built' });
    await expect(notBuilt.getByRole('row')).toHaveCount(2); // the header and exactly one operation
    const row = notBuilt.getByRole('row', { name: /^DELETE \/items\/\{id\}/ });
    await expect(row).toContainText('501 Not Implemented');
    await expect(row).toContainText('endpoint-stub');
    await expect(row).toContainText('deleteItem');
    const implemented = report.getByRole('table', { name: 'Implemented' });
    await expect(implemented.getByRole('row')).toHaveCount(5);
    await expect(implemented).not.toContainText('DELETE');
    const undocumented = report.getByRole('table', { name: 'Answers although undocumented' });
    await expect(undocumented.getByRole('row')).toHaveCount(2);
    await expect(undocumented.getByRole('row', { name: /^PUT \/items 200 OK/ })).toBeVisible();
    await screenshot(page, 'audit');

    const file = await downloaded(page, () => report.getByRole('button', { name: 'Download JSON' }).click());
    const parsed: unknown = JSON.parse(file.text);
    expect(parsed).toMatchObject({ title: 'Shop API', totals: { 'not-built': 1, undocumentedAnswering: 1 } });
    const markdown = await downloaded(page, () => report.getByRole('button', { name: 'Download Markdown' }).click());
    expect(markdown.name).toBe('openapi-audit.md');
    expect(markdown.text).toContain('DELETE');
  } finally {
    await server.close();
  }
});

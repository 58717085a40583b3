import { readFileSync } from 'node:fs';
import { rawResponse, startRawServer } from '../app/testing/servers';
import { expect, screenshot, test } from './support/fixtures';

test('sends PROPFIND exactly as typed and shows the 501 with its reason phrase and the wire view', async ({ page, app }) => {
  const target = await startRawServer((_, socket) =>
    socket.end(rawResponse(501, 'Method Not Implemented Here', [['Server', 'raw-test/1.0'], ['Content-Type', 'application/json']], '{"error":"not_implemented","method":"PROPFIND"}')),
  );
  try {
    await app.open(page);
    await page.getByRole('combobox', { name: 'Method' }).fill('PROPFIND');
    await page.getByRole('textbox', { name: 'URL' }).fill(`${target.url}/dav/notes`);
    await page.getByRole('button', { name: 'Send' }).click();

    const status = page.getByTestId('status-line');
    await expect(status).toContainText('501');
    await expect(status).toContainText('Method Not Implemented Here');
    expect(target.requests[0]?.requestLine).toBe('PROPFIND /dav/notes HTTP/1.1');

    // The whole body comes from the host on demand (the record carries only a preview).
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save body' }).click();
    const saved = await (await download).path();
    expect(readFileSync(saved, 'utf8')).toBe('{"error":"not_implemented","method":"PROPFIND"}');

    await page.getByRole('region', { name: 'Response' }).getByRole('tab', { name: 'Raw', exact: true }).click();
    await expect(page.getByTestId('raw-request')).toContainText('PROPFIND /dav/notes HTTP/1.1');
    await expect(page.getByTestId('raw-request')).toContainText('added');
    await expect(page.getByTestId('raw-response')).toContainText('HTTP/1.1 501 Method Not Implemented Here');
    await screenshot(page, 'send-propfind-raw');
  } finally {
    await target.close();
  }
});

test('keeps a lower-case method lower-case and refuses an invalid token with the reason', async ({ page, app }) => {
  const target = await startRawServer((_, socket) => socket.end(rawResponse(200, 'OK', [], 'fine')));
  try {
    await app.open(page);
    const method = page.getByRole('combobox', { name: 'Method' });
    await method.fill('GE T');
    await expect(page.getByRole('alert')).toContainText('a space');
    await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
    await method.fill('patch');
    const url = page.getByRole('textbox', { name: 'URL' });
    await url.fill(`${target.url}/x?a=1`);
    // Query parameters are edited separately and kept in sync with the URL, as typed.
    await expect(page.getByRole('textbox', { name: 'Query parameters value 1' })).toHaveValue('1');
    await page.getByRole('textbox', { name: 'Query parameters value 1' }).fill('two%20words');
    await expect(url).toHaveValue(`${target.url}/x?a=two%20words`);
    await page.getByRole('checkbox', { name: 'Query parameters row 1 enabled' }).uncheck();
    await expect(url).toHaveValue(`${target.url}/x`);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('status-line')).toContainText('200');
    expect(target.requests[0]?.requestLine).toBe('patch /x HTTP/1.1');
  } finally {
    await target.close();
  }
});

test('a per-phase timeout set in Options ends a silent exchange with its stable code and phase', async ({ page, app }) => {
  const silent = await startRawServer(() => undefined);
  try {
    await app.open(page);
    await page.getByRole('combobox', { name: 'Method' }).fill('GET');
    await page.getByRole('textbox', { name: 'URL' }).fill(`${silent.url}/slow`);
    await page.getByRole('tab', { name: 'Options' }).click();
    await page.getByRole('spinbutton', { name: 'Headers timeout in milliseconds' }).fill('300');
    await page.getByRole('button', { name: 'Send' }).click();
    const error = page.getByRole('region', { name: 'Response' }).getByRole('alert');
    await expect(error).toContainText('net.headers-timeout');
    await expect(error).toContainText('headers phase');
  } finally {
    await silent.close();
  }
});

import { rawResponse, startAllowListProxy, startRawServer } from '../app/testing/servers';
import { expect, screenshot, test } from './support/fixtures';

test('PROPFIND to a proxy that refuses it: probes run and the hop diagram names the proxy as the author', async ({ page, app }) => {
  const origin = await startRawServer((req, socket) => {
    const method = req.requestLine.split(' ')[0];
    const body = method === 'GET' ? '{"id":42,"name":"Ada"}' : '';
    socket.end(rawResponse(method === 'GET' || method === 'HEAD' ? 200 : 405, method === 'GET' || method === 'HEAD' ? 'OK' : 'Method Not Allowed', [['Server', 'orders-api/2.4'], ['Content-Type', 'application/json'], ['Allow', 'GET, HEAD']], body));
  });
  const proxy = await startAllowListProxy(origin, { name: 'edgeguard/3.1', allow: ['GET', 'HEAD', 'OPTIONS', 'POST'] });
  try {
    await app.open(page);
    await page.getByRole('combobox', { name: 'Method' }).fill('PROPFIND');
    await page.getByRole('textbox', { name: 'URL' }).fill(`${proxy.url}/orders/42`);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('status-line')).toContainText('501');

    const explainer = page.getByRole('complementary', { name: 'Explainer' });
    await expect(explainer.getByTestId('verdict')).toBeVisible();
    await explainer.getByRole('button', { name: 'Run probes' }).click();
    await expect(explainer.getByRole('button', { name: 'Run probes again' })).toBeVisible({ timeout: 20_000 });
    // The origin never saw the PROPFIND: only the probes' safe methods reached it.
    expect(origin.requests.map((r) => r.requestLine.split(' ')[0])).not.toContain('PROPFIND');

    await expect(explainer.getByRole('article', { name: 'Finding: proxy-originated' }).first()).toBeVisible();
    await expect(explainer.getByTestId('hop-author')).toContainText(/proxy/i);
    await expect(explainer.getByTestId('hop-author')).toContainText('edgeguard');
    await explainer.evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'diagnose-proxy-propfind');
    // Evidence links open the probe's raw exchange.
    await explainer.getByRole('button', { name: /GET \/orders\/42/ }).first().click();
    await expect(explainer.getByTestId(/probe-raw-/).first()).toContainText('orders-api/2.4');
    await screenshot(page, 'diagnose-proxy-probe');
  } finally {
    await proxy.close();
    await origin.close();
  }
});

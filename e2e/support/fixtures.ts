/**
 * Each test gets its own data dir and its own web-mode server (the real app/server with the real
 * service), waits on the app's readiness marker, and fails if anything leaves 127.0.0.1.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWebServer, type WebServer } from '../../app/server/web-server';
import { createHandlers } from '../../app/service/index';

export interface AppFixture {
  server: WebServer;
  dataDir: string;
  /** Opens the app and waits until it says it is ready. */
  open(page: Page): Promise<void>;
}

export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'statuscope-e2e-'));
    const server = await startWebServer({
      handlers: createHandlers({ dataDir, tempDir: join(dataDir, 'bodies'), recordHistory: true }),
      staticDir: resolve('dist/renderer'),
    });
    const offLoopback: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) offLoopback.push(req.url());
    });
    await use({
      server,
      dataDir,
      open: async (p) => {
        await p.goto(server.openUrl);
        await p.locator('body[data-app-state="ready"]').waitFor();
      },
    });
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
    expect(offLoopback, 'requests that left 127.0.0.1').toEqual([]);
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join('e2e', 'screenshots', `${name}.png`) });
}

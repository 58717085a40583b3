/**
 * The Electron shell itself. These run only where the Electron binary exists: this project's CI installs
 * with ELECTRON_SKIP_BINARY_DOWNLOAD=1 because the binary cannot be downloaded there, so they are skipped
 * with that reason; on a developer's machine with Electron installed they run.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { rawResponse, startRawServer } from '../app/testing/servers';

function electronBinary(): string | undefined {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH)
    return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();

test.describe('Electron shell', () => {
  test.skip(
    binary === undefined,
    'The Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1; it cannot be downloaded on this machine).',
  );

  test('opens a sandboxed window whose renderer reaches the host only through the preload, and sends a request', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'statuscope-electron-'));
    const target = await startRawServer((_, socket) =>
      socket.end(rawResponse(501, 'Not Implemented', [['Server', 'raw-test/1.0']], 'no')),
    );
    const app = await electron.launch({ executablePath: binary, args: ['.', `--user-data-dir=${userData}`] });
    try {
      const page = await app.firstWindow();
      await page.locator('body[data-app-state="ready"]').waitFor();
      expect(page.url()).toMatch(/^app:\/\/statuscope\//);
      // contextIsolation + sandbox: no Node in the page, only the named bridge functions.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
      expect(
        await page.evaluate(
          () =>
            typeof (window as unknown as { statuscope?: Record<string, unknown> }).statuscope?.[
              'exchange:send'
            ],
        ),
      ).toBe('function');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
        'undefined',
      );

      await page.getByRole('combobox', { name: 'Method' }).fill('PROPFIND');
      await page.getByRole('textbox', { name: 'URL' }).fill(`${target.url}/x`);
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(page.getByTestId('status-line')).toContainText('501');
      expect(target.requests[0]?.requestLine).toBe('PROPFIND /x HTTP/1.1');
      await page.screenshot({ path: join('e2e', 'screenshots', 'electron.png') });
    } finally {
      await app.close();
      await target.close();
      await rm(userData, { recursive: true, force: true });
    }
  });
});

// Renders assets/icon.svg to assets/icon.png (512×512) with the same Chromium the e2e uses.
// electron-builder turns that PNG into .icns and .ico for macOS and Windows.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="512" height="512" ')}</body>`);
await page.screenshot({ path: 'assets/icon.png', omitBackground: true });
await browser.close();

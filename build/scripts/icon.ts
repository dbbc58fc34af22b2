// `npm run icon`: renders build/icon.svg to build/icon.png (512 × 512, transparent corners) in the system's Chromium.
// electron-builder makes the Linux icon set and the Windows icon from that PNG.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumExecutable } from '../../tests/e2e/chromium-path';

const dir = join(import.meta.dirname, '..');
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<html><body style="margin:0">${readFileSync(join(dir, 'icon.svg'), 'utf8')}</body></html>`);
  await page.locator('svg').screenshot({ path: join(dir, 'icon.png'), omitBackground: true });
  process.stdout.write(`Wrote ${join(dir, 'icon.png')}\n`);
} finally {
  await browser.close();
}

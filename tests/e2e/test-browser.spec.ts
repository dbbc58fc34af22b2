// The browser the tests and the bench run is the kiosk's as far as it can be: Playwright's own switches kept, and no
// renderer for browser interface the kiosk's app window never shows. Read from the browser's real command line and
// processes (Linux's /proc), as started for these tests.
import { chromium } from '@playwright/test';
import { browserInterfaceRenderers, descendants } from '../bench/browser-processes';
import { chromiumArgs, chromiumExecutable } from './chromium-path';
import { expect, test } from './fixtures';

const featuresOf = (command: string, flag: string): string[][] =>
  command
    .split(' ')
    .filter((arg) => arg.startsWith(`${flag}=`))
    .map((arg) => arg.slice(flag.length + 1).split(','));

test('the tests’ Chromium keeps every feature Playwright turns off, and runs no renderer for an address bar', async ({
  browserName: _,
}) => {
  test.skip(descendants(process.pid) === null, 'needs /proc (Linux) to read the browser’s command line');
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs] });
  try {
    const context = await browser.newContext();
    await (await context.newPage()).goto('data:text/html,<h1>Bonjour</h1>');
    const mains = (descendants(process.pid) ?? [])
      .map((found) => found.cmdline)
      .filter((command) => command.includes('--remote-debugging-pipe') && !command.includes('--type='));
    expect(mains.length).toBeGreaterThan(0);
    for (const command of mains) {
      const lists = featuresOf(command, '--disable-features');
      // Playwright's list first, ours last: Chromium keeps the last one.
      expect(lists.length).toBeGreaterThan(0);
      const kept = lists.at(-1) ?? [];
      const lost = lists.flat().filter((feature) => !kept.includes(feature));
      expect(lost, 'features Playwright turns off that tests/e2e/chromium-path.ts does not repeat').toEqual([]);
    }
    expect(browserInterfaceRenderers()).toEqual([]);
    await context.close();
  } finally {
    await browser.close();
  }
});

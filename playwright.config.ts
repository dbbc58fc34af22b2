// Browser tests: Playwright against the real web host, in the system's Chromium (no browser download).
import { defineConfig } from '@playwright/test';
import { chromiumArgs, requireChromium } from './tests/e2e/chromium-path';

export default defineConfig({
  testDir: 'tests/e2e',
  // Its own folder: Playwright empties it at every run, and test-results/ also holds the unit report.
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  forbidOnly: true,
  // npm test reads this report (its folder moves with PASSERELLE_TEST_RESULTS, as the unit report's does).
  reporter: [['list'], ['json', { outputFile: `${process.env.PASSERELLE_TEST_RESULTS ?? 'test-results'}/e2e.json` }]],
  use: {
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: requireChromium(),
      args: [...chromiumArgs],
    },
  },
});

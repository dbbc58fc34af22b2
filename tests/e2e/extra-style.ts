// A style sheet added to the page as the host serves it, as a site's own style or a regression would add one: a file
// of the app's own origin (allowed by the policy), linked at the end of the page's head, so it wins over the app's
// sheet, which the built home page carries inline (allowed by its hash: it is left as it is).
import type { Page } from '@playwright/test';

export async function addServedStyleSheet(page: Page, css: string): Promise<void> {
  const href = '/assets/added-by-the-test.css';
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('</head>', `<link rel="stylesheet" href="${href}"></head>`);
      await route.fulfill({ response, body: html });
    },
  );
  await page.route(`**${href}`, (route) => route.fulfill({ contentType: 'text/css', body: css }));
}

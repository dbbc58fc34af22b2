// The on-screen keyboard under a finger: taps at a real finger's pace (80 ms down, a short move to the next key) on a
// touch screen, going from field to field while a keyboard is open. A tap must land where it was aimed, never on a key
// that slid under the finger (the ghost space that broke the first passphrase), and the field being typed in and the
// search results stay on screen, not under the keyboard.
import type { CDPSession, Locator, Page } from '@playwright/test';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { fingerTap } from './finger-tap';

const adminHost = useOwnHost('passerelle-osk-touch-');

test.use({ hasTouch: true, viewport: { width: 1080, height: 1920 } });

/** A finger's tap (down, 80 ms, up), then the time to move to the next target. */
async function tap(page: Page, cdp: CDPSession, target: Locator): Promise<void> {
  await fingerTap(cdp, target);
  await page.waitForTimeout(120);
}

const keyboardOf = (page: Page) => page.getByRole('group', { name: "Clavier à l'écran" });

/** Types `text` by tapping the on-screen keys; a space is the "Espace" key. */
async function tapKeys(page: Page, cdp: CDPSession, text: string): Promise<void> {
  const keys = keyboardOf(page).locator('.osk-keys');
  for (const char of text) await tap(page, cdp, keys.getByRole('button', { name: char === ' ' ? 'Espace' : char, exact: true }));
}

/** The element is inside the viewport and a tap at its centre reaches it (no keyboard, bar or dialog over it). */
async function expectOnScreen(target: Locator, what: string): Promise<void> {
  const place = await target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      inside: box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth,
      reachable: hit !== null && (hit === element || element.contains(hit)),
    };
  });
  expect.soft(place, `${what}: on screen and not covered`).toEqual({ inside: true, reachable: true });
}

test('choosing the first passphrase by tapping field to field types exactly what was tapped, then a mediator is created the same way', async ({
  page,
}) => {
  // About 80 taps at a finger's pace (200 ms each, and a busy machine is slower): more than the default 30 s.
  test.setTimeout(90_000);
  const host = adminHost();
  const cdp = await page.context().newCDPSession(page);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await expect(async () => {
    await page.keyboard.press('Control+Alt+Shift+KeyA');
    await expect(page.getByRole('heading', { level: 1, name: 'Choisir la phrase secrète' })).toBeVisible({ timeout: 1000 });
  }).toPass();

  const code = page.getByLabel('Code à usage unique');
  const first = page.getByLabel('Phrase secrète', { exact: true });
  const again = page.getByLabel('La même phrase, encore une fois');
  const setupCode = setupCodeOf(host).toLowerCase().replace(/-/g, '');
  const passphrase = 'une borne sur 2 pieds';

  await tap(page, cdp, code);
  await expect(keyboardOf(page)).toBeVisible();
  await expect(code).toBeFocused();
  await tapKeys(page, cdp, setupCode);
  await expect(code).toHaveValue(setupCode);

  // The next field, while the code's keyboard is open above it: the tap opens its keyboard and types nothing.
  await tap(page, cdp, first);
  await expect(first).toBeFocused();
  await expectOnScreen(first, 'the passphrase field');
  await expect(first).toHaveValue('');
  await expect(code).toHaveValue(setupCode);
  await tapKeys(page, cdp, passphrase);
  await expect(first).toHaveValue(passphrase);

  await tap(page, cdp, again);
  await expect(again).toBeFocused();
  await expectOnScreen(again, 'the confirmation field');
  await expect(again).toHaveValue('');
  await expect(first).toHaveValue(passphrase);
  await tapKeys(page, cdp, passphrase);
  await expect(again).toHaveValue(passphrase);

  // Back up to the first field and down again: still nothing stray in any of them.
  await tap(page, cdp, code);
  await tap(page, cdp, again);
  await expect(code).toHaveValue(setupCode);
  await expect(first).toHaveValue(passphrase);
  await expect(again).toHaveValue(passphrase);

  await tap(page, cdp, page.getByRole('button', { name: 'Enregistrer la phrase secrète' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Administration de la borne' })).toBeVisible();

  // A mediator account: the name, then the PIN field under the name's open keyboard.
  const name = page.getByLabel('Nom affiché (le prénom suffit)');
  const pin = page.getByLabel('Code (6 à 8 chiffres)');
  await tap(page, cdp, name);
  await expect(keyboardOf(page)).toBeVisible();
  await tapKeys(page, cdp, 'sophie');
  await tap(page, cdp, pin);
  await expect(pin).toBeFocused();
  await expectOnScreen(pin, 'the PIN field');
  await expect(pin).toHaveValue('');
  await expect(name).toHaveValue('sophie');
  await tapKeys(page, cdp, '24681357');
  await expect(pin).toHaveValue('24681357');
  await tap(page, cdp, name);
  await expect(name).toHaveValue('sophie');
  await expect(pin).toHaveValue('24681357');
});

test('searching with the on-screen keyboard keeps the field and the first results on screen', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(adminHost().url);
  await tap(page, cdp, page.getByRole('button', { name: 'Rechercher', exact: true }));
  const field = page.getByRole('searchbox', { name: 'Tapez un mot' });
  await tap(page, cdp, field);
  await expect(keyboardOf(page)).toBeVisible();
  await expect(field).toHaveValue('');
  await tapKeys(page, cdp, 'ameli');
  await expect(field).toHaveValue('ameli');
  await expectOnScreen(field, 'the search field');
  const results = page.getByRole('list', { name: 'Résultats' }).getByRole('button');
  await expect(results.first()).toBeVisible();
  await expectOnScreen(results.first(), 'the first result');
  // Tapping the field again, with the keyboard open, types nothing.
  await tap(page, cdp, field);
  await expect(field).toHaveValue('ameli');
});

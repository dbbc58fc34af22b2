// The hand-off on a slow kiosk: its ticket and the journal's head come from the host, and the QR code's encoder is
// fetched. A mediator taps "Imprimer le résumé" as soon as it shows. If the button came before those parts, the sheet
// lacked the ticket, and the parts arriving above pushed the button down under the finger: the taps of the print
// queue's test landed on the text and nothing printed (failed once on a fresh clone). The host's answers are slowed
// here, as on a busy thin client; the button must come with everything it prints, and stay where it came.
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { answerReadiness, openMesWithMediator, seedMediators, unlockMediator } from './mediator-seed';

const host = useOwnHost('passerelle-handoff-');

test('on a slow host, the hand-off shows its buttons with the ticket, the QR code and the journal head, and they do not move', async ({
  page,
}) => {
  await page.goto(host().url);
  await seedMediators(page, 'la borne de la médiathèque', setupCodeOf(host()), [
    { displayName: 'Sophie', role: 'volunteer', pin: '24681357' },
  ]);
  await page.goto(host().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await unlockMediator(page, 'Sophie', '24681357');
  await openMesWithMediator(page);
  await answerReadiness(page, () => false);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('button', { name: "C'est fait, par la personne qui accompagne" }).click();
  await expect(page.locator('#step-heading')).toHaveText('Taper votre numéro de sécurité sociale');

  const slow = (ms: number) => async (route: { continue: () => Promise<void> }) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  };
  await page.route('**/api/call/kiosk.status', slow(1200));
  await page.route('**/api/call/assisted.ticketCreate', slow(600));
  await page.getByRole('button', { name: 'Terminer', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Terminer ?' }).getByRole('button', { name: 'Oui, terminer' }).click();

  // The first frame in which the print button is there: what the sheet would carry, and where the button is.
  const first = await (
    await page.waitForFunction(
      () => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Imprimer le résumé');
        if (!button) return null;
        return {
          top: Math.round(button.getBoundingClientRect().top + window.scrollY),
          ticket: document.querySelector('.ticket-code')?.textContent ?? '',
          head: document.querySelector('.journal-head')?.textContent ?? '',
          qr: document.querySelector('svg.qr-code') !== null,
        };
      },
      undefined,
      { polling: 'raf', timeout: 10_000 },
    )
  ).jsonValue();
  if (!first) throw new Error('the print button never came');
  expect(first.ticket).toMatch(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
  expect(first.head).toMatch(/^Repère du journal de la borne : ligne \d+/);
  expect(first.qr).toBe(true);

  // Nothing comes later to push it: a second later it is where the finger went.
  await page.waitForTimeout(1500);
  const button = page.getByRole('region', { name: 'Résumé de votre démarche' }).getByRole('button', { name: 'Imprimer le résumé' });
  const later = await button.evaluate((element) => Math.round(element.getBoundingClientRect().top + window.scrollY));
  expect(later).toBe(first.top);
  await expect(button).toBeEnabled();
});

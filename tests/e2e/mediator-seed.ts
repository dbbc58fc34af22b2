// Sets up a host for an assisted-mode spec through its own API, as the admin area would: the admin passphrase, then
// mediator accounts. Runs in the page (same origin), so the host's origin checks apply as for the real admin.
import { expect, type Page } from '@playwright/test';

export async function seedMediators(
  page: Page,
  passphrase: string,
  /** The one-time setup code the host wrote in its data folder (fixtures' setupCodeOf). */
  code: string,
  mediators: readonly { displayName: string; role: 'volunteer' | 'professional'; pin: string }[],
): Promise<void> {
  await page.evaluate(
    async ({ passphrase, code, mediators }) => {
      const call = async (method: string, input: unknown) =>
        (await (
          await fetch(`/api/call/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(input),
          })
        ).json()) as { ok: boolean; value: { token: string } };
      const admin = await call('admin.setup', { passphrase, code });
      if (!admin.ok) throw new Error('the admin passphrase could not be set');
      for (const mediator of mediators) await call('admin.mediatorCreate', { token: admin.value.token, ...mediator });
    },
    { passphrase, code, mediators },
  );
}

/** Opens assisted mode as this mediator from the home screen. */
export async function unlockMediator(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Espace médiateur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ouvrir le mode accompagné' });
  await dialog.getByRole('radio', { name }).click();
  await dialog.getByLabel('Votre code à chiffres').fill(pin);
  await dialog.getByRole('button', { name: 'Ouvrir' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** With a mediator unlocked on the home screen: opens "Activer Mon espace santé" and accepts the consent card. */
export async function openMesWithMediator(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Mon espace santé' }).click();
  await page
    .getByRole('button', { name: /Activer Mon espace santé/ })
    .first()
    .click();
  await page.getByRole('button', { name: "D'accord, on commence" }).click();
}

/** Answers the readiness questions on screen: yes, except "no" where `no` says; returns when none is left. */
export async function answerReadiness(page: Page, no: (question: string) => boolean = () => false): Promise<void> {
  const lead = page.locator('.lead').last();
  const yes = page.getByRole('button', { name: 'Oui', exact: true });
  await expect(yes).toBeVisible();
  for (let i = 0; i < 10 && (await yes.isVisible()); i++) {
    const asked = (await lead.textContent()) ?? '';
    await page.getByRole('button', { name: no(asked) ? 'Non' : 'Oui', exact: true }).click();
    await expect.poll(async () => (await lead.textContent()) !== asked || !(await yes.isVisible())).toBe(true);
  }
}

/**
 * With a mediator unlocked and the visitor reading Arabic: opens "Activer Mon espace santé", accepts the consent card,
 * answers yes to the readiness questions and starts; returns on the first step.
 */
export async function startMesInArabic(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Mon espace santé' }).click();
  await page
    .getByRole('button', { name: /تفعيل Mon espace santé/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'موافق، لنبدأ' }).click();
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'نعم', exact: true }).click();
  await page.getByRole('button', { name: 'ابدأ', exact: true }).click();
  await expect(page.locator('#step-heading')).toHaveText('افتح الموقع');
}

// The home screen and its always-present actions, in the three languages, through the real web host.
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { endVisitWith, expect, test } from './fixtures';

const languages = [
  {
    code: 'fr',
    name: 'Français',
    dir: 'ltr',
    title: 'Bonjour',
    help: "Besoin d'aide ?",
    end: 'Terminer',
    emergency: 'Urgences',
    tile: 'Mon espace santé',
  },
  {
    code: 'en',
    name: 'English',
    dir: 'ltr',
    title: 'Hello',
    help: 'Need help?',
    end: 'Finish',
    emergency: 'Emergencies',
    tile: 'Mon espace santé',
  },
  {
    code: 'ar',
    name: 'العربية',
    dir: 'rtl',
    title: 'مرحبًا',
    help: 'هل تحتاج إلى مساعدة؟',
    end: 'إنهاء',
    emergency: 'الطوارئ',
    tile: 'Mon espace santé',
  },
] as const;
type Language = (typeof languages)[number];

async function openHome(page: Page, url: string, language: Language = languages[0]) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  if (language.code !== 'fr') await page.getByRole('radio', { name: language.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: language.title })).toBeVisible();
}

test('shows the home screen in French by default, with the main needs and the always-present actions', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const tiles = page.getByRole('list', { name: 'Vos besoins' }).getByRole('button');
  await expect(tiles).toHaveText([
    'Mon espace santé',
    'Mon compte ameli',
    'Ma carte Vitale',
    'Trouver un médecin',
    'Payer moins mes soins',
    'Me protéger des arnaques',
  ]);
  for (const name of ["Besoin d'aide ?", 'Terminer', 'Urgences']) await expect(page.getByRole('button', { name })).toBeVisible();
  // Each language is offered by its own name, and the current one is marked as chosen.
  const choice = page.getByRole('radiogroup', { name: 'Choisir la langue' });
  await expect(choice.getByRole('radio')).toHaveText(['Français', 'English', 'العربية']);
  await expect(choice.getByRole('radio', { name: 'Français' })).toBeChecked();
  await expect(choice.getByText('العربية')).toHaveAttribute('lang', 'ar');
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(base).toBeGreaterThanOrEqual(18);
});

for (const language of languages) {
  test(`switches to ${language.code}: text, lang and direction follow, with no axe violation`, async ({ page, host }) => {
    await openHome(page, host.url, language);
    await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
    for (const name of [language.help, language.end, language.emergency]) await expect(page.getByRole('button', { name })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test(`every screen and dialog in ${language.code} has no axe violation and only targets of 44 px or more`, async ({ page, host }) => {
    await openHome(page, host.url, language);
    const visited: string[] = [];
    const check = async (label: string) => {
      expect(await axeViolations(page), label).toEqual([]);
      expect(await smallTargets(page), label).toEqual([]);
      visited.push(label);
    };
    await check('home');
    await page.getByRole('button', { name: language.tile }).click();
    await check('need');
    await page.getByRole('button', { name: language.help }).click();
    await check('help');
    await page.getByRole('button', { name: language.emergency, exact: true }).click();
    await check('emergency');
    await page.getByRole('button', { name: language.end }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await check('end dialog');
    expect(visited).toHaveLength(5);
  });
}

test('moves the focus to the new screen heading on every navigation', async ({ page, host }) => {
  await openHome(page, host.url);
  await page.getByRole('button', { name: 'Ma carte Vitale' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ma carte Vitale' })).toBeFocused();
  await page.getByRole('button', { name: 'Urgences' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Urgences' })).toBeFocused();
  await expect(page.getByText('3114')).toBeVisible();
});

test('can be used with the keyboard alone', async ({ page, host }) => {
  await openHome(page, host.url);
  // The focus starts on the heading; Tab goes on to the tiles.
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Mon espace santé' })).toBeFocused();
  const tile = page.getByRole('button', { name: 'Trouver un médecin' });
  for (let i = 0; i < 20 && !(await tile.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(tile).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Trouver un médecin' })).toBeFocused();
});

test('"Terminer" asks first, then returns to a clean home screen in the default language', async ({ page, host }) => {
  await openHome(page, host.url, languages[2]);
  await page.getByRole('button', { name: 'Mon espace santé' }).click();
  await page.getByRole('button', { name: 'إنهاء' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('ما سيتم حذفه');
  await expect(dialog.getByRole('listitem')).toHaveCount(3);
  await dialog.getByRole('button', { name: 'لا، متابعة' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace santé' })).toBeVisible();
  await page.getByRole('button', { name: 'إنهاء' }).click();
  await endVisitWith(page, page.getByRole('alertdialog').getByRole('button', { name: 'نعم، إنهاء' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('radio', { name: 'Français' })).toBeChecked();
});

/** Visible interactive elements smaller than 44×44 CSS px, described for the failure message. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'button, a[href], input, select, textarea, [role="button"], [role="radio"], [tabindex]:not([tabindex="-1"])';
    return (
      [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        // Controls that exist only for screen readers (clipped away, like a dialog's hidden dismiss button) are not touched.
        .filter((el) => {
          for (let node: HTMLElement | null = el; node; node = node.parentElement) {
            if (getComputedStyle(node).clipPath.startsWith('inset(50%')) return false;
          }
          return true;
        })
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(
          ({ el, box }) =>
            `${el.tagName.toLowerCase()} "${el.textContent?.trim() ?? ''}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        )
    );
  });
}

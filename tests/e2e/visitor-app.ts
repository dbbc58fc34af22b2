// Drives the visitor app as a visitor would, in any of its languages: the texts come from the app's own locale files
// and the content pack's sources, so one walk works in French, English and Arabic.
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Locale } from '../../common/api/types';
import type { NeedId } from '../../renderer/kit/screens';
import ar from '../../renderer/i18n/ar.json' with { type: 'json' };
import en from '../../renderer/i18n/en.json' with { type: 'json' };
import fr from '../../renderer/i18n/fr.json' with { type: 'json' };
import { languages, type LanguageInfo } from '../../renderer/i18n/languages';

export type { LanguageInfo };

const texts: Readonly<Record<Locale, typeof fr>> = { fr, en, ar };
export const offeredLanguages: readonly LanguageInfo[] = Object.values(languages);

export const themes = ['default', 'high contrast', '200 % text'] as const;
export type Theme = (typeof themes)[number];

/** The journey and the topic the walk opens: both exist in every language and have glossary words and problems. */
const journeyId = 'creer-compte-ameli';
const topicId = 'complementaire-sante-solidaire';

interface JourneySource {
  readonly title: string;
  readonly readiness: readonly unknown[];
  readonly steps: readonly { readonly title: string; readonly problems?: readonly unknown[]; readonly end?: boolean }[];
}

const contentDir = join(import.meta.dirname, '..', '..', 'content');
export const journeySource = (locale: Locale): JourneySource =>
  parse(readFileSync(join(contentDir, locale, 'parcours', `${journeyId}.yaml`), 'utf8')) as JourneySource;
const topicTitle = (locale: Locale): string => {
  const front = readFileSync(join(contentDir, locale, 'fiches', `${topicId}.md`), 'utf8').split(/^---$/m)[1] ?? '';
  return (parse(front) as { title: string }).title;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern for an i18n text with {{placeholders}}, each standing for any text. */
export const templatePattern = (template: string): RegExp =>
  new RegExp(
    `^${template
      .split(/\{\{\w+\}\}/)
      .map(escapeRegExp)
      .join('.+')}$`,
  );
export const fillTemplate = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

export class VisitorApp {
  readonly t: typeof fr;
  readonly journey: JourneySource;

  constructor(
    readonly page: Page,
    readonly language: LanguageInfo,
  ) {
    this.t = texts[language.code];
    this.journey = journeySource(language.code);
  }

  heading(name: string, level = 1): Locator {
    return this.page.getByRole('heading', { level, name, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get glossaryWords(): Locator {
    return this.page.getByRole('button', { name: templatePattern(this.t.glossary.explain) });
  }

  /** Opens the app, then picks the language on the home screen and the theme in the Confort dialog, as a visitor does. */
  async start(url: string, theme: Theme): Promise<void> {
    await this.page.goto(url);
    // The built home page shows the same heading before the app takes over; the walk checks the app's screens (the
    // built page has its own checks, static-home.spec.ts). Checked before the takeover, the home's spoken script was
    // not there yet and a Confort choice was not applied yet: both failed once under load.
    await expect(this.page.locator('html')).toHaveAttribute('data-ready', 'true');
    await expect(this.heading(fr.home.title)).toBeVisible();
    if (this.language.code !== 'fr') await this.page.getByRole('radio', { name: this.language.autonym }).click();
    await expect(this.heading(this.t.home.title)).toBeVisible();
    await expect(this.page.locator('html')).toHaveAttribute('dir', this.language.dir);
    if (theme === 'default') return;
    const dialog = await this.openComfort();
    if (theme === 'high contrast') {
      await dialog.getByRole('radiogroup', { name: this.t.comfort.contrast }).getByRole('radio', { name: this.t.comfort.on }).click();
    } else {
      await dialog.getByRole('radio', { name: '200 %' }).click();
    }
    await dialog.getByRole('button', { name: this.t.glossary.close }).click();
    await expect(dialog).toBeHidden();
    // The theme must really be on, or the sweep would check the default one three times.
    const look = await this.page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
    }));
    if (theme === 'high contrast') expect(look.background).toBe('rgb(0, 0, 0)');
    else expect(look.rem).toBeCloseTo(18 * 2, 0);
  }

  /** Closes whatever dialog is open and comes back to the home screen, from anywhere. */
  async backHome(): Promise<void> {
    const dialog = this.page.getByRole('dialog').or(this.page.getByRole('alertdialog'));
    if (await dialog.isVisible()) {
      await this.page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
    const home = this.button(this.t.nav.home);
    if (await home.isVisible()) await home.click();
    // Not "focused": a dialog opened from the home screen gives the focus back to its trigger when it closes.
    await expect(this.heading(this.t.home.title)).toBeVisible();
  }

  async openNeed(need: NeedId): Promise<void> {
    await this.page
      .getByRole('list', { name: this.t.home.needsLabel })
      .getByRole('button', { name: this.t.needs[need].label, exact: true })
      .click();
    await expect(this.heading(this.t.needs[need].label)).toBeFocused();
    // The pages of a need come from the API: the screen is complete once they are listed.
    await expect(this.heading(this.t.needPage.pages, 2)).toBeVisible();
  }

  private async openItem(need: NeedId, title: string): Promise<void> {
    await this.openNeed(need);
    await this.page
      .getByRole('button')
      .filter({ has: this.page.getByText(title, { exact: true }) })
      .click();
    await expect(this.heading(title)).toBeVisible();
  }

  async openTopic(): Promise<void> {
    await this.openItem('payer-moins', topicTitle(this.language.code));
    await expect(this.glossaryWords.first()).toBeVisible();
  }

  /** On a topic, opens the definition of its first glossary word. */
  async openGlossaryDefinition(): Promise<void> {
    await this.glossaryWords.first().click();
    await expect(this.page.getByRole('dialog')).toBeVisible();
  }

  async openJourney(): Promise<void> {
    await this.openItem('compte-ameli', this.journey.title);
    await expect(this.heading(this.t.journey.before, 2)).toBeVisible();
  }

  /** Opens the journey and answers every readiness question the same way: "no" ends with what to come back with. */
  async openJourneyAnswering(answer: 'yes' | 'no'): Promise<void> {
    await this.openJourney();
    const button = this.button(answer === 'yes' ? this.t.journey.yes : this.t.journey.no);
    for (let question = 0; question < this.journey.readiness.length; question++) await button.click();
    if (answer === 'no') await expect(this.heading(this.t.journey.bring, 2)).toBeVisible();
    else await expect(this.button(this.t.journey.start)).toBeVisible();
  }

  /** From the readiness questions answered "yes", starts the journey and walks to the step at `index` (0-based). */
  async goToStep(index: number): Promise<void> {
    await this.button(this.t.journey.start).click();
    for (let step = 0; step < index; step++) await this.button(this.t.journey.next).click();
    await expect(
      this.page.getByText(fillTemplate(this.t.journey.step, { n: index + 1, total: this.journey.steps.length }), { exact: true }),
    ).toBeVisible();
  }

  async openStepProblems(): Promise<void> {
    await this.goToStep(this.journey.steps.findIndex((step) => (step.problems?.length ?? 0) > 0));
    const summary = this.page.getByText(this.t.journey.problems, { exact: true });
    await summary.click();
    await expect(summary.locator('..')).toHaveAttribute('open', '');
  }

  /** From any step, goes on with "next step" until the journey says it is done. */
  async finishJourney(): Promise<void> {
    const done = this.heading(this.t.journey.done, 2);
    for (let step = 0; step < this.journey.steps.length && !(await done.isVisible()); step++)
      await this.button(this.t.journey.next).click();
    await expect(done).toBeVisible();
  }

  async showOfflineWay(): Promise<void> {
    await this.button(this.t.journey.offline).click();
    await expect(this.button(this.t.journey.print)).toBeVisible();
  }

  async openSearch(): Promise<void> {
    await this.button(this.t.nav.search).click();
    await expect(this.heading(this.t.search.title)).toBeFocused();
  }

  /** Types a query in the search field and waits for the answer the walk expects: a list of results, or none. */
  async search(query: string, outcome: 'results' | 'nothing'): Promise<void> {
    await this.page.getByRole('searchbox', { name: this.t.search.label }).fill(query);
    if (outcome === 'results')
      await expect(this.page.getByRole('list', { name: this.t.search.results }).getByRole('button').first()).toBeVisible();
    else await expect(this.page.getByRole('status').filter({ hasText: this.t.search.none })).toBeVisible();
  }

  /** Taps the search field, which opens the on-screen keyboard of the language, and types with it. */
  async typeWithOnScreenKeyboard(): Promise<void> {
    await this.page.getByRole('searchbox', { name: this.t.search.label }).click();
    const keyboard = this.page.getByRole('group', { name: this.t.keyboard.label });
    await expect(keyboard).toBeVisible();
    await keyboard.locator('.osk-row').nth(1).getByRole('button').first().click();
    await expect(this.page.getByRole('searchbox', { name: this.t.search.label })).not.toHaveValue('');
  }

  /** Asks for the page to be read aloud: it is read (the kiosk voice), or, on a machine with no voice, a message says so. */
  async askReadAloud(): Promise<void> {
    await this.button(this.t.readAloud.playPage).click();
    const reading = this.page.locator('.page-tools').getByRole('button', { name: this.t.readAloud.stop, exact: true });
    const noVoice = this.page.locator('.page-tools [role="status"]:not(:empty)');
    await expect(reading.or(noVoice)).toBeVisible();
  }

  async openHelp(): Promise<void> {
    await this.button(this.t.nav.help).click();
    await expect(this.heading(this.t.help.title)).toBeFocused();
    await expect(this.heading(this.t.places.title, 2)).toBeVisible();
  }

  async openEmergency(): Promise<void> {
    await this.button(this.t.nav.emergency).click();
    await expect(this.heading(this.t.emergency.title)).toBeFocused();
  }

  async openComfort(): Promise<Locator> {
    await this.button(this.t.comfort.open).click();
    const dialog = this.page.getByRole('dialog', { name: this.t.comfort.title });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async openEndConfirmation(): Promise<void> {
    await this.button(this.t.nav.end).click();
    await expect(this.page.getByRole('alertdialog', { name: this.t.end.title })).toBeVisible();
  }

  // Assisted mode. The sweep's host has one mediator, `sweepMediator`, created by the sweep before it walks. The
  // mediator's side of the screen (bar, unlock, panel, choices) stays in French whatever the visitor's language.

  /** Opens the mediator's unlock dialog from the home screen. */
  async openMediatorUnlock(): Promise<Locator> {
    await this.button(fr.assisted.entry).click();
    const dialog = this.page.getByRole('dialog', { name: fr.assisted.unlockTitle });
    await expect(dialog.getByRole('radio', { name: sweepMediator.name })).toBeVisible();
    return dialog;
  }

  /** In the unlock dialog: picks the mediator, types the PIN on the digits keyboard, opens assisted mode, opens a journey. */
  async unlockAndOpenJourney(): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: fr.assisted.unlockTitle });
    await dialog.getByRole('radio', { name: sweepMediator.name }).click();
    await dialog.getByLabel(fr.assisted.pin).fill(sweepMediator.pin);
    await dialog.getByRole('button', { name: fr.assisted.unlock, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('region', { name: fr.assisted.barLabel })).toBeVisible();
    await this.openItem('compte-ameli', this.journey.title);
    await expect(this.page.getByRole('region', { name: this.t.assisted.consentTitle })).toBeVisible();
  }

  async openResumeTicket(): Promise<void> {
    await this.button(fr.assisted.resume).click();
    await expect(this.page.getByRole('dialog', { name: fr.assisted.resumeTitle })).toBeVisible();
  }

  /** With assisted mode open: the journey, the consent accepted, every readiness answer "yes", the first step. */
  async openAssistedStep(): Promise<void> {
    await this.openItem('compte-ameli', this.journey.title);
    await this.button(this.t.assisted.accept).click();
    const yes = this.button(this.t.journey.yes);
    for (let question = 0; question < this.journey.readiness.length; question++) {
      await expect(this.page.getByText(this.t.journey.before, { exact: true })).toBeFocused();
      await yes.click();
    }
    await this.button(this.t.journey.start).click();
    await expect(this.page.getByRole('complementary', { name: fr.assisted.panel })).toBeVisible();
  }

  async openBlockedReasons(): Promise<void> {
    await this.button(fr.assisted.blocked).click();
    await expect(this.heading(fr.assisted.reasonTitle, 3)).toBeFocused();
  }

  /** From the reasons, back to the step, then "done, by me" until a secret step shows. */
  async goToSecretStep(): Promise<void> {
    await this.button(fr.assisted.cancel).click();
    const secret = this.page.getByText(fr.assisted.panelSecret, { exact: true });
    for (let step = 0; step < this.journey.steps.length && !(await secret.isVisible()); step++) {
      const title = await this.page.locator('#step-heading').allTextContents();
      await this.button(this.t.assisted.doneVisitor).click();
      await expect.poll(() => this.page.locator('#step-heading').allTextContents()).not.toEqual(title);
    }
    await expect(secret).toBeVisible();
  }

  async stopToHandOff(): Promise<void> {
    await this.button(this.t.assisted.stop).click();
    await expect(this.heading(this.t.assisted.summaryTitle, 2)).toBeFocused();
    await expect(this.page.locator('.ticket-code')).toHaveText(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){5}$/);
  }
}

/** The mediator account the accessibility sweep unlocks assisted mode with. */
export const sweepMediator = { name: 'Sophie', pin: '24681357' } as const;

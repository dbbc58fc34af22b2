// The taps a visitor made on the home page built at build time, before the app ran: read from that page just before
// the app replaces it, then replayed, so that no tap is lost (the address's `#…`, open dialogs, checked radios).
import type { i18n } from 'i18next';
import { locales, type Locale } from '../../common/api/types';
import { languages } from '../i18n/languages';
import { textSizes } from './comfort';
import { earlyIntents } from './early-intents';
import { needIds, type NeedId, type Screen } from './screens';

export interface EarlyTaps {
  /** The screen a tile or a top-bar link asked for. */
  readonly screen: Screen | null;
  /** A button the app presses once it runs: "Écouter la page", "Espace médiateur". */
  readonly press: 'read-aloud' | 'mediator' | null;
  /** Another language than the page's own, chosen before the app ran. */
  readonly language: Locale | null;
  readonly comfortOpen: boolean;
  /** Choices made in the Confort dialog that differ from the start of a visit. */
  readonly textSize: number | null;
  readonly highContrast: boolean;
  readonly reducedMotion: boolean;
  readonly endOpen: boolean;
  /** The text of the control a keyboard user had moved the focus to (not the heading): the app's own gets it. */
  readonly focused: string | null;
}

function screenOf(hash: string): Screen | null {
  const name = hash.replace(/^#/, '');
  if (name === 'search' || name === 'help' || name === 'emergency') return { name };
  const need = name.startsWith('need-') ? name.slice('need-'.length) : '';
  return (needIds as readonly string[]).includes(need) ? { name: 'need', need: need as NeedId } : null;
}

const checkedValue = (root: ParentNode, field: string): string | null =>
  root.querySelector<HTMLInputElement>(`input[name="${field}"]:checked`)?.value ?? null;

/** What was tapped on the built home page inside `root`; null when the page has none (Electron, a test page). */
export function readEarlyTaps(root: HTMLElement): EarlyTaps | null {
  const page = root.querySelector('[data-static-home]');
  if (!page) return null;
  const hash = location.hash.replace(/^#/, '');
  const language = checkedValue(page, earlyIntents.languageField);
  const size = Number(checkedValue(page, earlyIntents.textSizeField));
  return {
    screen: screenOf(hash),
    press: hash === earlyIntents.readAloud ? 'read-aloud' : hash === earlyIntents.mediator ? 'mediator' : null,
    language:
      (locales as readonly string[]).includes(language ?? '') && language !== document.documentElement.lang ? (language as Locale) : null,
    comfortOpen: page.querySelector<HTMLDialogElement>(`#${earlyIntents.comfortDialog}`)?.open ?? false,
    textSize: (textSizes as readonly number[]).includes(size) && size !== 100 ? size : null,
    highContrast: checkedValue(page, earlyIntents.contrastField) === 'on',
    reducedMotion: checkedValue(page, earlyIntents.motionField) === 'on',
    endOpen: page.querySelector<HTMLDialogElement>(`#${earlyIntents.endDialog}`)?.open ?? false,
    focused: focusedControl(page),
  };
}

/** The name of the link, button or radio that has the focus on the built page, if the visitor moved it there. */
function focusedControl(page: Element): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !page.contains(active) || !active.matches('a, button, input')) return null;
  const label = active instanceof HTMLInputElement ? active.closest('label') : active;
  return label?.textContent?.trim() || null;
}

/** The address without the `#…` a link of the built page added: a reload (the end of a visit) must not replay it. */
export function forgetEarlyAddress(): void {
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
}

/** Waits for an element the app is about to render (a frame or a few), or gives up after two seconds. */
async function rendered<T extends Element>(find: () => T | null | undefined): Promise<T | null> {
  const started = performance.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() - started > 2000) return null;
    await new Promise((done) => requestAnimationFrame(() => done(undefined)));
  }
}

/** The control of that name among `selector`, inside `scope`: the app's own, pressed as a screen reader would. */
const control = (scope: ParentNode, selector: string, name: string): HTMLElement | undefined =>
  [...scope.querySelectorAll<HTMLElement>(selector)].find((element) => element.textContent?.trim() === name);

async function press(scope: () => ParentNode | null, selector: string, name: string): Promise<void> {
  (
    await rendered(() => {
      const within = scope();
      return within ? control(within, selector, name) : null;
    })
  )?.click();
}

/** Replays the early taps on the app, once it has rendered: the language first, then dialogs and their choices. */
export async function replayEarlyTaps(taps: EarlyTaps, texts: i18n): Promise<void> {
  const app = () => document.getElementById('root');
  if (taps.language) {
    const changed = new Promise<void>((done) => {
      texts.on('languageChanged', () => done());
      setTimeout(done, 3000);
    });
    await press(app, '[role="radio"]', languages[taps.language].autonym);
    await changed;
  }
  const t = texts.t.bind(texts);
  // A dialog the visitor already opened in the app is left as it is: pressing its trigger again would close it.
  const dialogOpen = () => document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
  if (taps.comfortOpen) {
    if (!dialogOpen()) await press(app, 'button', t('comfort.open'));
    const dialog = () => document.querySelector('[role="dialog"]');
    if (taps.textSize) await press(dialog, '[role="radio"]', `${taps.textSize} %`);
    const radiogroup = (label: string) => () =>
      document.querySelector(`[role="dialog"] [role="radiogroup"][aria-label="${CSS.escape(label)}"]`);
    if (taps.highContrast) await press(radiogroup(t('comfort.contrast')), '[role="radio"]', t('comfort.on'));
    if (taps.reducedMotion) await press(radiogroup(t('comfort.motion')), '[role="radio"]', t('comfort.on'));
  }
  if (taps.endOpen && !dialogOpen()) await press(app, 'button', t('nav.end'));
  if (taps.press === 'read-aloud') await press(app, 'button', t('readAloud.playPage'));
  // The mediator's button is in French whatever the visitor's language.
  if (taps.press === 'mediator') await press(app, 'button', texts.getFixedT('fr')('assisted.entry'));
  // A keyboard user who had tabbed on the built page keeps their place: the app's control of the same name gets the
  // focus its first render gave the heading (when nothing else was asked for, which moves the focus on its own).
  const elsewhere = taps.screen ?? taps.press ?? (taps.comfortOpen || taps.endOpen || taps.language);
  if (taps.focused && !elsewhere) {
    const name = taps.focused;
    (await rendered(() => control(app() ?? document, 'a, button, [role="radio"]', name)))?.focus();
  }
}

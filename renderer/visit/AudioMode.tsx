// Audio mode: the kiosk speaks everything to a visitor who cannot see the screen (EN 301 549 5.1). Started by the
// number pad's 5 (see audio-keys.ts); it speaks each screen on arrival, each control the focus reaches, dialogs,
// status messages and receipts, from the page itself (spoken-script.ts). It ends with the visit (the page reloads).
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from '../i18n/texts';
import { speechOut } from '../kit/speech-out';
import { setPrintAnnouncer } from '../kit/print-announce';
import { signalActivity } from '../kit/idle';
import {
  arrivalScript,
  describeControl,
  isExplainedWord,
  isSecretField,
  screenScript,
  type ScriptLine,
  type ScriptWords,
} from '../kit/spoken-script';
import { audioCommand, entryKeyCode, type AudioCommand } from './audio-keys';
import { createAudioVoice, type Said } from './audio-voice';
import { takeHeldKeys } from './early-keys';

type AudioWord = `audio.${string}`;

const dialogSelector = '[role=dialog], [role=alertdialog]';
/** What going forward from a heading skips: the lines said on arrival and the explained words among them. */
function passedOnArrival(heading: HTMLElement, said: readonly ScriptLine[], all: readonly ScriptLine[]): Set<HTMLElement> {
  const last = said.at(-1);
  const from = all.findIndex((l) => l.element === heading);
  const to = last ? all.indexOf(last) : -1;
  return new Set(all.slice(from + 1, Math.max(from + 1, to + 1)).map((l) => l.element));
}

const isField = (element: Element | null) =>
  element instanceof HTMLTextAreaElement ||
  (element instanceof HTMLInputElement && !['button', 'checkbox', 'radio'].includes(element.type));

/** The part of the page the visitor can reach now: the open dialog, or the whole visit (top bar included). */
const reachable = (): HTMLElement | null =>
  document.querySelector<HTMLElement>(`.modal ${dialogSelector}`) ?? document.querySelector<HTMLElement>('.visit');

export function AudioMode({ headsetJack }: { headsetJack: boolean }) {
  const { t: translate, i18n } = useTranslation();
  // The words follow the visitor's language; audio mode itself stays on when the language changes.
  const words = useRef<ScriptWords>(() => '');
  const language = useRef(i18n.language);
  // Brought up to date before the effects below run, without restarting audio mode.
  useLayoutEffect(() => {
    words.current = (key, values) => translate(key, values ?? {});
    language.current = i18n.language;
  }, [translate, i18n.language]);

  useEffect(() => {
    const speech = speechOut();
    const t = (key: Parameters<ScriptWords>[0] | AudioWord, values?: Readonly<Record<string, string | number>>) =>
      words.current(key as Parameters<ScriptWords>[0], values);
    const lang = () => language.current;
    const say = (text: string): Said => ({ text, lang: lang(), privacy: 'public' });
    const voice = createAudioVoice(speech, () => say(t(headsetJack ? 'audio.private' : 'audio.privateNoJack')));
    let on = false;
    let hinted = false;
    /** Where the visitor is on the screen: the last element spoken for (arrows go on from there). */
    let cursor: HTMLElement | null = null;
    /** The cursor's place in the screen's script, for when its element goes away (a button replaced by a card). */
    let place = -1;
    const placeOf = (element: Element, lines = script()) => lines.findIndex((l) => l.element === element || l.element.contains(element));
    let lastDialog: Element | null = null;
    /** The next focus is said after what is being said, not over it. */
    let calmFocus = false;
    const script = (root = reachable()) => (root ? screenScript(root, words.current, lang()) : []);

    /** Lines just said on arrival: going forward from the heading skips them (a list may have loaded in between). */
    let heardOnArrival = new Set<HTMLElement>();
    const arrive = (heading: HTMLElement) => {
      const all = script();
      const lines = arrivalScript(heading, all);
      cursor = heading;
      place = placeOf(heading, all);
      heardOnArrival = passedOnArrival(heading, lines, all);
      voice.speak(lines, { interrupt: true });
    };
    const spokenFor = (element: HTMLElement): ScriptLine[] => {
      const found = script().find((l) => l.element === element);
      return found ? [found] : [{ text: describeControl(element, words.current), lang: lang(), privacy: 'public', element, control: true }];
    };

    const onFocus = (event: FocusEvent) => {
      const interrupt = !calmFocus;
      calmFocus = false;
      if (!on || !(event.target instanceof HTMLElement)) return;
      const target = event.target;
      const dialog = target.closest(dialogSelector);
      if (dialog && dialog !== lastDialog && dialog instanceof HTMLElement) {
        // A dialog opened: its title and text, then how to answer it, then the control that has the focus.
        lastDialog = dialog;
        const hint = dialog.querySelector('.idle-warning') || dialog.matches('.idle-warning') ? 'audio.idleKeep' : 'audio.dialogHint';
        cursor = target;
        return voice.speak([...script(dialog).filter((l) => l.element !== target), say(t(hint)), ...spokenFor(target)], {
          interrupt: true,
        });
      }
      lastDialog = dialog;
      if (target.matches('h1, h2, h3, h4, h5, h6')) return arrive(target);
      if (target.matches('main')) return arrive(target.querySelector<HTMLElement>('h1') ?? target);
      cursor = target;
      place = placeOf(target);
      voice.speak(spokenFor(target), { interrupt });
    };

    const move = (step: 1 | -1) => {
      const lines = script();
      const find = (element: Element | null) =>
        element ? lines.findIndex((l) => l.element === element || l.element.contains(element)) : -1;
      // Where the visitor was, else what took its place, else where the focus is, else from the top (or the end).
      const replaced = cursor && !cursor.isConnected && place >= 0 ? (step > 0 ? place - 1 : place) : -1;
      const at = [find(cursor), replaced, find(document.activeElement)].find((i) => i >= 0) ?? (step > 0 ? -1 : lines.length);
      let index = at + step;
      while (step > 0 && heardOnArrival.has(lines[index]?.element as HTMLElement)) index += 1;
      heardOnArrival = new Set();
      const next = lines[index];
      if (!next) return voice.speak([say(t(step > 0 ? 'audio.bottom' : 'audio.top'))], { interrupt: true });
      cursor = next.element;
      place = index;
      next.element.scrollIntoView({ block: 'nearest' });
      if (next.control) next.element.focus();
      else voice.speak([next], { interrupt: true });
    };

    const start = () => {
      on = true;
      const bar = document.querySelector<HTMLElement>('.top-bar');
      const barItems = bar
        ? script(bar)
            .filter((l) => l.control)
            .map((l) => l.text)
        : [];
      voice.speak([say(t('audio.started')), say(t('audio.keys')), say(t('audio.topBar', { items: barItems.join(' ; ') }))], {
        interrupt: true,
      });
      const heading = reachable()?.querySelector<HTMLElement>('h1');
      if (heading) {
        const all = script();
        const lines = arrivalScript(heading, all);
        cursor = heading;
        heardOnArrival = passedOnArrival(heading, lines, all);
        void voice.speak(lines);
      }
      setPrintAnnouncer(async () => {
        const card = document.activeElement?.closest<HTMLElement>('.print-card') ?? reachable()?.querySelector<HTMLElement>('.print-card');
        const lines = card ? script(card).filter((l) => !l.control && !l.element.closest('.no-print')) : [];
        await voice.speak([say(t('audio.print')), ...lines], { interrupt: true });
      });
    };

    const step = (delta: number) => (value: number) => Math.round((value + delta) * 100) / 100;
    const commands: Record<AudioCommand, () => void> = {
      start,
      repeat: () => voice.repeat(),
      pause: () => (speech.paused ? speech.resume() : speech.pause()),
      louder: () => voice.adjust('volume', step(0.2), say(t('audio.louder')), say(t('audio.loudest'))),
      softer: () => voice.adjust('volume', step(-0.2), say(t('audio.softer')), say(t('audio.softest'))),
      faster: () => voice.adjust('rate', step(0.15), say(t('audio.faster')), say(t('audio.faster'))),
      slower: () => voice.adjust('rate', step(-0.15), say(t('audio.slower')), say(t('audio.slower'))),
      readAll: () => voice.speak(script(), { interrupt: true }),
      previous: () => move(-1),
      next: () => move(1),
      headset: () => voice.allowPrivate(say(t('audio.headset'))),
      speaker: () => voice.allowPrivate(say(t('audio.speaker'))),
    };

    const onKey = (event: KeyboardEvent) => {
      const command = audioCommand(event, {
        on,
        inField: isField(document.activeElement),
        askingPrivate: voice.askingPrivate(),
        headsetJack,
        rtl: document.documentElement.dir === 'rtl',
      });
      // The visitor acts: speech stops at once (5.1.3.5), except to pause and resume it.
      if (on && command !== 'pause') speech.cancel();
      if (!on && !command && !hinted && event.code !== entryKeyCode) {
        // Someone uses the keyboard: say once, quietly, how to hear the kiosk (a touch never triggers it).
        hinted = true;
        void speech.say(say(t('audio.hint')));
      }
      if (on && !command && (event.key === 'Enter' || event.key === ' ')) setTimeout(sayWhatReplaced, 300);
      if (!command) return;
      event.preventDefault();
      event.stopPropagation();
      signalActivity();
      commands[command]();
    };
    /** The control pressed went away and the focus fell to the page: say what took its place, up to its first control. */
    const sayWhatReplaced = () => {
      const lost = !document.activeElement || document.activeElement === document.body;
      if (!on || !lost || !cursor || cursor.isConnected || place < 0) return;
      const lines = script();
      const from = Math.min(place, lines.length - 1);
      const end = lines.findIndex((l, i) => i >= from && l.control && !isExplainedWord(l.element));
      const said = lines.slice(from, end < 0 ? undefined : end + 1).filter((l) => !isExplainedWord(l.element) || l === lines[end]);
      if (said.length === 0) return;
      const last = said.at(-1);
      cursor = last?.element ?? null;
      place = last ? lines.indexOf(last) : -1;
      if (!last?.control) return void voice.speak(said, { interrupt: true });
      // The control that ends it takes the focus (Enter works at once), said after the text rather than over it.
      void voice.speak(said.slice(0, -1), { interrupt: true });
      calmFocus = true;
      last.element.focus();
    };
    const onPointer = () => on && speech.cancel();

    // Typing in a secret field says "star" (5.1.3.8); elsewhere the character typed, so a search can be checked.
    const lengths = new WeakMap<HTMLInputElement | HTMLTextAreaElement, number>();
    const onInput = (event: Event) => {
      const field = event.target;
      if (!on || !(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
      const before = lengths.get(field) ?? 0;
      lengths.set(field, field.value.length);
      const secret = isSecretField(field);
      const added = field.value.length > before;
      const text = !added
        ? t('audio.erased')
        : secret
          ? t('audio.star')
          : field.value.length === before + 1
            ? field.value.slice(-1)
            : field.value;
      voice.speak([say(text)], { interrupt: true, remember: false });
    };

    // Status and error messages, countdowns: a live region that changes is spoken after what is being said.
    const liveSelector = '[role=status], [role=alert], [aria-live=polite], [aria-live=assertive]';
    const heard = new WeakMap<Element, string>();
    const live = new MutationObserver((changes) => {
      if (!on) return;
      const regions = new Set<HTMLElement>();
      for (const change of changes) {
        const node = change.target instanceof Element ? change.target : change.target.parentElement;
        const region = node?.closest<HTMLElement>(liveSelector);
        if (region) regions.add(region);
        for (const added of change.addedNodes) if (added instanceof HTMLElement && added.matches('[role=alert]')) regions.add(added);
      }
      for (const region of regions) {
        const lines = script(region).filter((l) => !l.control);
        const text = lines.map((l) => l.text).join(' ');
        if (!text || heard.get(region) === text) continue;
        heard.set(region, text);
        voice.speak(lines, { remember: false });
      }
    });
    live.observe(document.body, { subtree: true, childList: true, characterData: true });

    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('pointerdown', onPointer, { capture: true });
    document.addEventListener('focusin', onFocus);
    document.addEventListener('input', onInput, { capture: true });
    // Keys pressed before this code arrived count as pressed now.
    for (const event of takeHeldKeys()) onKey(event);
    // For tests: whether audio mode is on, and the script of the screen ("read all"). The log is the speech output's own.
    const probe = { on: () => on, screenScript: () => script().map((l) => l.text) };
    Object.defineProperty(window, 'passerelleAudio', { value: probe, configurable: true });
    return () => {
      live.disconnect();
      window.removeEventListener('keydown', onKey, { capture: true });
      window.removeEventListener('pointerdown', onPointer, { capture: true });
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('input', onInput, { capture: true });
      setPrintAnnouncer(null);
      speech.cancel();
    };
  }, [headsetJack]);
  return null;
}

// The audio mode's script: turns what is on screen (the DOM and its ARIA) into lines to speak, in reading order, so
// that speech says what the page says instead of keeping a second copy of the texts. Role and state words come from
// the locale files; a secret field is spoken as a count, never its characters.
import { phoneGroups } from './phone-groups';
import { isDrawn } from './drawn';

/** One line of the script, with the element it speaks for (a control takes the focus when the visitor moves to it). */
export interface ScriptLine {
  readonly text: string;
  readonly lang: string;
  readonly privacy: 'public' | 'private';
  readonly element: HTMLElement;
  readonly control: boolean;
}

/** The words the script needs, looked up in the page's language (i18next's `t` fits). */
export type ScriptWords = (key: ScriptWordKey, values?: Readonly<Record<string, string | number>>) => string;
export type ScriptWordKey =
  | `audio.role.${'button' | 'link' | 'radio' | 'checkbox' | 'textField' | 'searchField' | 'secretField' | 'disclosure' | 'listbox'}`
  | `audio.state.${'selected' | 'notSelected' | 'expanded' | 'collapsed' | 'disabled'}`
  | 'audio.control'
  | 'audio.glossaryWord'
  | 'audio.typed'
  | 'audio.empty';

const controlSelector =
  'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [role=radio], [role=checkbox], [role=switch], [role=link], [role=tab], [role=option], [role=menuitem]';
const blockTags = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'DT',
  'DD',
  'LEGEND',
  'LABEL',
  'FIGCAPTION',
  'BLOCKQUOTE',
  'TD',
  'TH',
]);
/** Words inside a sentence: read with their sentence, not as a control of their own. */
const inlineControl = '.glossary-term';
/** What speech keeps for private listening: sensitive pages and resume tickets. */
const privateSelector = '[data-speech-private], .ticket-code';

/** Hidden from the visitor: not drawn, or drawn but taken out of reach (hidden, aria-hidden, inert). */
export function isHidden(element: Element): boolean {
  return element.closest('[hidden], [aria-hidden="true"], [inert]') !== null || !isDrawn(element);
}

/** A glossary word inside a sentence (its line follows the sentence's). */
export const isExplainedWord = (element: Element): boolean => element.matches(inlineControl);
const isControl = (element: Element) => element.matches(controlSelector) && !element.matches(inlineControl);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text a sighted visitor reads in an element: hidden parts left out, phone numbers in groups. */
export function visibleText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) return void parts.push(node.textContent ?? '');
    if (!(node instanceof Element)) return;
    if (node.matches('[aria-hidden="true"], [hidden], script, style, template')) return;
    if (node.matches('.phone-number')) return void parts.push(` ${phoneGroups(node.textContent ?? '')} `);
    // A block inside (a label under a title) is a separate word group; inline parts of a sentence are not.
    const apart = node instanceof HTMLElement && !getComputedStyle(node).display.startsWith('inline');
    if (apart) parts.push(' ');
    for (const child of node.childNodes) walk(child);
    if (apart) parts.push(' ');
  };
  walk(element);
  return squash(parts.join(''));
}

/** An element's accessible name, as far as this app's markup needs: labelledby, label, the field's label, its text. */
export function accessibleName(element: HTMLElement): string {
  const ids = element.getAttribute('aria-labelledby');
  if (ids) {
    const named = ids
      .split(/\s+/)
      .map((id) => document.getElementById(id))
      .filter((label): label is HTMLElement => label !== null)
      .map(visibleText)
      .join(' ');
    if (named.trim()) return squash(named);
  }
  const label = element.getAttribute('aria-label');
  if (label?.trim() && !element.matches(inlineControl)) return squash(label);
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) {
    const labels = [...(element.labels ?? [])].map(visibleText).join(' ');
    return squash(labels || (element instanceof HTMLSelectElement ? '' : element.placeholder) || element.title || '');
  }
  return visibleText(element);
}

type Role = ScriptWordKey & `audio.role.${string}`;

function roleOf(element: HTMLElement): Role {
  const role = element.getAttribute('role');
  if (role === 'radio' || role === 'option') return 'audio.role.radio';
  if (role === 'checkbox' || role === 'switch') return 'audio.role.checkbox';
  if (role === 'link' || element.matches('a[href]')) return 'audio.role.link';
  if (element.tagName === 'SUMMARY') return 'audio.role.disclosure';
  if (element instanceof HTMLSelectElement) return 'audio.role.listbox';
  if (element instanceof HTMLInputElement) {
    if (isSecretField(element)) return 'audio.role.secretField';
    if (element.type === 'search' || element.getAttribute('role') === 'searchbox') return 'audio.role.searchField';
    if (element.type === 'checkbox') return 'audio.role.checkbox';
    if (element.type === 'radio') return 'audio.role.radio';
    return 'audio.role.textField';
  }
  if (element instanceof HTMLTextAreaElement) return 'audio.role.textField';
  return 'audio.role.button';
}

/** A field whose characters are never spoken: passwords, PINs and ticket codes. */
export const isSecretField = (element: Element): boolean =>
  element instanceof HTMLInputElement && (element.type === 'password' || element.matches('.ticket-input, [data-speech-masked]'));

function statesOf(element: HTMLElement, words: ScriptWords): string[] {
  const states: string[] = [];
  const role = roleOf(element);
  const checked = element.getAttribute('aria-checked') ?? element.getAttribute('aria-pressed') ?? element.getAttribute('aria-selected');
  const native = element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio') ? element.checked : null;
  if (checked === 'true' || native === true) states.push(words('audio.state.selected'));
  else if ((checked === 'false' || native === false) && (role === 'audio.role.radio' || role === 'audio.role.checkbox'))
    states.push(words('audio.state.notSelected'));
  // Open or closed: said for a disclosure ("Si ça ne marche pas"). A button that opens a dialog is not "closed": the
  // dialog, once open, is spoken by itself.
  const expanded = element.tagName === 'SUMMARY' ? String((element.parentElement as HTMLDetailsElement | null)?.open ?? false) : null;
  if (expanded === 'true') states.push(words('audio.state.expanded'));
  if (expanded === 'false') states.push(words('audio.state.collapsed'));
  if (element.matches(':disabled, [aria-disabled="true"]')) states.push(words('audio.state.disabled'));
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    if (isSecretField(element)) states.push(words('audio.typed', { count: element.value.length }));
    else states.push(element.value.trim() ? element.value : words('audio.empty'));
  }
  return states;
}

/** "bouton, Urgences"; "choix, Français, sélectionné"; "champ secret, Code, caractères saisis : 3". */
export function describeControl(element: HTMLElement, words: ScriptWords): string {
  // A glossary word is a word first: "carte Vitale, mot expliqué", not "Explication du mot carte Vitale".
  if (element.matches(inlineControl)) return words('audio.glossaryWord', { name: accessibleName(element) });
  const text = words('audio.control', { role: words(roleOf(element)), name: accessibleName(element) });
  return [text, ...statesOf(element, words)].join(', ');
}

const langOf = (element: Element, fallback: string) => (element.closest<HTMLElement>('[lang]')?.lang || fallback).toLowerCase();
const privacyOf = (element: Element): ScriptLine['privacy'] => (element.closest(privateSelector) ? 'private' : 'public');

function line(element: HTMLElement, text: string, control: boolean, fallbackLang: string): ScriptLine {
  return { text, lang: langOf(element, fallbackLang), privacy: privacyOf(element), element, control };
}

const hasOwnText = (element: Element) => [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());

/**
 * Everything on screen under `root`, in reading order: each block of text once (a glossary word inside it), each
 * control with its role and state. What is hidden from sight and from assistive technology is left out.
 */
export function screenScript(root: HTMLElement, words: ScriptWords, fallbackLang: string): ScriptLine[] {
  const lines: ScriptLine[] = [];
  const walk = (element: HTMLElement) => {
    if (isHidden(element) || element.matches('.no-speech')) return;
    if (isControl(element)) {
      const text = describeControl(element, words);
      if (accessibleName(element) || element instanceof HTMLInputElement) lines.push(line(element, text, true, fallbackLang));
      return;
    }
    const controls = [...element.querySelectorAll<HTMLElement>(controlSelector)].filter((c) => isControl(c) && !isHidden(c));
    const label = element.getAttribute('role') === 'img' ? element.getAttribute('aria-label') : null;
    if (label) return void lines.push(line(element, squash(label), false, fallbackLang));
    if (controls.length === 0 && (blockTags.has(element.tagName) || hasOwnText(element))) {
      const text = visibleText(element);
      if (text) lines.push(line(element, text, false, fallbackLang));
      // The sentence is read whole; its explained words follow it, each reachable for its definition.
      for (const word of element.querySelectorAll<HTMLElement>(inlineControl))
        if (!isHidden(word)) lines.push(line(word, describeControl(word, words), true, fallbackLang));
      return;
    }
    if (hasOwnText(element)) {
      // Text beside controls (rare): its own words once, then the controls in order.
      const own = squash(
        [...element.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join(' '),
      );
      if (own) lines.push(line(element, own, false, fallbackLang));
    }
    for (const child of element.children) if (child instanceof HTMLElement) walk(child);
  };
  walk(root);
  return lines;
}

/**
 * What is said when a heading takes the focus (a new screen, step or question): the step counter before it, the
 * heading, then what follows it up to the next control or heading (the screen's purpose, the step's text).
 */
export function arrivalScript(heading: HTMLElement, script: readonly ScriptLine[]): ScriptLine[] {
  const at = script.findIndex((l) => l.element === heading || l.element.contains(heading));
  if (at < 0) return [];
  const lines: ScriptLine[] = [];
  const before = script[at - 1];
  if (before && !before.control && before.element.matches('.step-counter')) lines.push(before);
  const own = script[at];
  if (own) lines.push(own);
  for (const next of script.slice(at + 1)) {
    // Explained words were heard within their sentences: the arrival goes on past them.
    if (next.control && next.element.matches(inlineControl)) continue;
    if (next.control || next.element.matches('h1, h2, h3, h4, h5, h6')) break;
    lines.push(next);
  }
  return lines;
}

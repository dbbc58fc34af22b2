// The home page a new visitor meets, kept as the host served it, before the app replaced it. At the end of a visit,
// once the host has wiped the visitor's data, it is put back at once in place of the app, and the page reloads once it
// is drawn: the next visitor sees the home screen without waiting for the new document (which paints the same page),
// and nothing of the visit stays on screen meanwhile. A tap on it in that moment is not lost: the page is asked for again with
// what was tapped in its address (`?screen=…&language=…`), and the new page opens with it (renderer/public/app-loader.js).
import { staticHomeStyleAttribute } from '../../common/api/static-home';

export interface CleanHome {
  /**
   * Shows the home page in `container`, which the app has left (its React root unmounted), then calls `reload` once
   * the page has drawn it: asked for sooner, the new document may replace this one before its next frame, and the
   * screen keeps the visit's last frame until the new document paints (the browser holds the old page's pixels).
   */
  show(reload: () => void): void;
}

/** The controls of the built page, in order: a tap's focus is named by its place among them. */
const controlsSelector = 'a[href], button, input';

/** Keeps the built home page in `container`, reset to how the host served it; null when there is none (Electron). */
export function keepCleanHome(container: HTMLElement): CleanHome | null {
  if (!container.querySelector('[data-static-home]')) return null;
  const kept = container.cloneNode(true) as HTMLElement;
  // What a visitor may already have changed on it before the app ran goes back to the page as it was sent.
  for (const input of kept.querySelectorAll('input')) {
    input.checked = input.defaultChecked;
    input.value = input.defaultValue;
  }
  for (const dialog of kept.querySelectorAll('dialog')) dialog.removeAttribute('open');
  const style = document.querySelector(`style[${staticHomeStyleAttribute}]`)?.cloneNode(true) ?? null;
  const root = document.documentElement;
  const attributes = [...root.attributes].map(({ name, value }) => [name, value] as const);
  return {
    show(reload) {
      container.replaceChildren(...(kept.cloneNode(true) as HTMLElement).childNodes);
      if (style && !document.querySelector(`style[${staticHomeStyleAttribute}]`)) document.head.append(style.cloneNode(true));
      // The site's language, direction and comfort settings, as the page had them before the app ran.
      for (const { name } of [...root.attributes]) root.removeAttribute(name);
      for (const [name, value] of attributes) root.setAttribute(name, value);
      const page = container.querySelector<HTMLElement>('[data-static-home]');
      if (!page) {
        reload();
        return;
      }
      // Focused and shown focused, as the new document's heading will be (the page is then the same to the pixel).
      page.querySelector<HTMLElement>('h1')?.focus({ focusVisible: true } as FocusOptions);
      // A tap made before the reload is asked for asks for the page itself (with the tap), in place of the reload.
      let tapped = false;
      keepTaps(page, () => (tapped = true));
      afterDrawn(page, () => {
        if (!tapped) reload();
      });
    },
  };
}

/** The longest wait for the frame that draws the home page, should the browser draw none (a page not shown). */
const drawnAtTheLatestMs = 250;

/**
 * Calls `then` once, after the frame that draws `element`: its first intersection is reported in that frame's
 * rendering steps, and the task posted from there runs once the frame is handed to the compositor. An observer, not
 * an animation frame: a page whose clock is held (the tests' page clock) still draws and reports it.
 */
function afterDrawn(element: HTMLElement, then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    then();
  };
  const observer = new IntersectionObserver(() => {
    const next = new MessageChannel();
    next.port1.onmessage = once;
    next.port2.postMessage(null);
  });
  if (document.visibilityState !== 'visible') {
    once();
    return;
  }
  observer.observe(element);
  setTimeout(once, drawnAtTheLatestMs);
}

/** The built page's state that differs from how it was sent, as an address's query ('' when nothing differs). */
export function tapsQuery(page: HTMLElement): string {
  const query = new URLSearchParams();
  const screen = location.hash.replace(/^#/, '');
  if (/^[\w-]+$/.test(screen)) query.set('screen', screen);
  for (const input of page.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
    if (input.checked && !input.defaultChecked) query.set(input.name, input.value);
  }
  const open = [...page.querySelectorAll<HTMLDialogElement>('dialog[id]')].filter((dialog) => dialog.open).map((d) => d.id);
  if (open.length > 0) query.set('open', open.join(' '));
  const active = document.activeElement;
  const controls = [...page.querySelectorAll(controlsSelector)];
  if (active && controls.includes(active)) query.set('focus', String(controls.indexOf(active)));
  return query.toString();
}

/**
 * Until the new document replaces this one, each change a visitor makes on the page (a link, a radio, a dialog, the
 * focus) asks for the page again with it: that navigation replaces the reload under way.
 */
function keepTaps(page: HTMLElement, onSend: () => void): void {
  let sent = '';
  const resend = () => {
    const query = tapsQuery(page);
    if (query === sent) return;
    sent = query;
    onSend();
    location.replace(`${location.pathname}?${query}`);
  };
  // After the event's own default action (a link followed, a dialog opened, a radio checked).
  const soon = () => void setTimeout(resend, 0);
  for (const type of ['click', 'change', 'keyup', 'focusin', 'close']) document.addEventListener(type, soon, true);
  addEventListener('hashchange', soon);
}

// The button an official window shows over its page in the browser-kiosk mode: a kiosk window has no browser
// toolbar, so without it a visitor alone could not get back to the guide. It closes the window (the kiosk page
// opened it, so the page may close it), and the kiosk page is under it again.

/** A script for an isolated world of the official page: it adds the button once the page has a body. */
export function wayBackScript(label: string): string {
  // The label is the kiosk page's own text in the visitor's language; an arrow alone if the page gave none.
  const text = JSON.stringify(label.trim() === '' ? '←' : label);
  return `(() => {
  const add = () => {
    if (!document.body || document.getElementById('passerelle-way-back')) return;
    const button = document.createElement('button');
    button.id = 'passerelle-way-back';
    button.type = 'button';
    button.textContent = ${text};
    button.style.cssText = [
      'position:fixed', 'inset-block-start:12px', 'inset-inline-end:12px', 'z-index:2147483647',
      'min-block-size:64px', 'min-inline-size:64px', 'padding:12px 24px', 'font:700 24px/1.2 sans-serif',
      'color:#fff', 'background:#0b3d7a', 'border:4px solid #fff', 'border-radius:8px', 'box-shadow:0 0 0 3px #0b3d7a',
    ].join(';');
    button.addEventListener('click', () => window.close());
    document.body.append(button);
  };
  if (document.body) add();
  else document.addEventListener('DOMContentLoaded', add, { once: true });
})();`;
}

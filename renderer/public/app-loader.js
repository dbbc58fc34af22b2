// The built home page is complete without the app: it is painted and answers taps first (a tap is kept for the app).
// This starts the app once the page has loaded and then been left still for a moment (no finger down, no key), or at
// once when a tap asks for something only the app has (a tile, a top-bar link, another language): fetching and
// running the app's code (a few hundred milliseconds of busy page on a thin client) never lands on the first taps of
// a visitor, which the page answers on its own (Confort, Terminer, the radios). Under a test's held page clock the
// moment of stillness never comes: a tap that needs the app still starts it.
// The build writes it into the built home page (build/scripts/static-home-build.ts), where the hosts allow it by its
// hash; it reads its settings from its own element's data-* attributes.
/* global document, window, location, URLSearchParams */
// Nothing is dragged on a kiosk, from the built page's first moment too (the app does the same once it runs): a file
// or a link dropped on the page would replace it, a dragged image or link would leave it.
(function refuseDragAndDrop() {
  function refuse(event) {
    event.preventDefault();
    if (event.type === 'dragover' && event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  }
  ['dragstart', 'dragover', 'drop'].forEach(function (type) {
    window.addEventListener(type, refuse);
  });
})();

// At the end of a visit the last page showed this home page while it reloaded (renderer/kit/clean-home.ts); a tap on
// it then asked for the page again with what was tapped: `screen` (a link's `#…`), a radio's name and value, `open`
// (dialogs) and `focus` (the place of the focused control). The page takes them on before its first paint, and its
// address goes back to the plain one (with the link's `#…`, which the app opens).
(function takeTapsFromTheLastPage() {
  if (!location.search) return;
  var query = new URLSearchParams(location.search);
  var screen = query.get('screen') || '';
  window.history.replaceState(null, '', location.pathname + (/^[\w-]+$/.test(screen) ? '#' + screen : ''));
  var page = document.querySelector('[data-static-home]');
  if (!page) return;
  query.forEach(function (value, name) {
    if (name === 'screen' || name === 'open' || name === 'focus') return;
    var radios = page.querySelectorAll('input[type="radio"]');
    for (var i = 0; i < radios.length; i++) {
      if (radios[i].name === name && radios[i].value === value) radios[i].checked = true;
    }
  });
  (query.get('open') || '').split(' ').forEach(function (id) {
    var dialog = id ? document.getElementById(id) : null;
    if (dialog && dialog.tagName === 'DIALOG' && page.contains(dialog) && !dialog.open) dialog.showModal();
  });
  var controls = page.querySelectorAll('a[href], button, input');
  var focused = query.has('focus') ? controls[Number(query.get('focus'))] : null;
  if (focused) focused.focus();
})();

(function startAppWhenStill() {
  var script = document.currentScript;
  var app = script && script.dataset.app;
  if (!app) return;
  var preload = (script.dataset.preload || '').split(' ').filter(Boolean);
  // The radios whose choice the app must show (the language: the built page is in one language only).
  var appFields = (script.dataset.startOnChange || '').split(' ').filter(Boolean);
  var STILL_MS = 300;
  var started = false;
  var loaded = false;
  var timer = 0;
  function start() {
    if (started) return;
    started = true;
    window.clearTimeout(timer);
    preload.forEach(function (href) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.appendChild(link);
    });
    var module = document.createElement('script');
    module.type = 'module';
    module.crossOrigin = '';
    module.src = app;
    document.head.appendChild(module);
  }
  function waitForStillness() {
    if (started || !loaded) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(start, STILL_MS);
  }
  // A visitor touching the page: the app waits until they stop.
  window.addEventListener('pointerdown', waitForStillness, true);
  window.addEventListener('keydown', waitForStillness, true);
  // What only the app answers: a link of the page (its address's `#…`) or another language.
  window.addEventListener('hashchange', start);
  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target && appFields.indexOf(target.name) !== -1) start();
  });
  function onLoad() {
    loaded = true;
    if (location.hash) start();
    else waitForStillness();
  }
  if (document.readyState === 'complete') onLoad();
  else window.addEventListener('load', onLoad, { once: true });
})();

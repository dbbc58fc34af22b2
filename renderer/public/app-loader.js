// The built home page is complete without the app: it is painted and answers taps first (a tap is kept for the app).
/* global document, window */
// This starts the app once the browser has nothing more urgent to do, at the latest 300 ms after the page has parsed,
// so that loading and running it never holds up the home screen's first paint or first tap.
(function startAppWhenIdle() {
  var script = document.currentScript;
  var app = script && script.dataset.app;
  if (!app) return;
  var preload = (script.dataset.preload || '').split(' ').filter(Boolean);
  function start() {
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
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 300 });
  else window.setTimeout(start, 50);
})();

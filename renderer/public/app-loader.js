// The built home page is complete without the app: it is painted and answers taps first (a tap is kept for the app).
// This starts the app once the page has loaded (its style sheet and fonts in), so that fetching and running the app
// never holds up the home screen's first paint or first tap. It waits on the load event, not on a timer: a page whose
// clock is held (a test's page clock) still starts its app.
/* global document, window */
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

(function startAppOnLoad() {
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
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
})();

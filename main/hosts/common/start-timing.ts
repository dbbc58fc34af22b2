// When the web host's heavier work starts, measured from the page's first requests: the services' opening (run-web-host.ts)
// and, on a start answered from the kept first page, the loading of the host's code (the launcher's first stage).

/** How long the services wait for the page's first requests when none comes (a browser that is still starting). */
export const firstPageWaitMs = 300;
/**
 * The page's files (style sheet, fonts, loader) are all sent when none came for this long after one was answered. In
 * practice the services open at the app's first call: the built page asks for the loader and a font found by its
 * first layout 40 to 80 ms after its other files, and on a kiosk's two cores the services' opening (tens of ms, the
 * speech check's programs) took the processor from the browser drawing the page. Side by side (16 starts each): start
 * to interactive 445 → 416 ms and 503 → 411 ms, against 255 and 265 ms for the bare page.
 */
export const quietMs = 1000;

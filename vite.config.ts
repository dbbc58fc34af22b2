// Builds the renderer into dist/renderer: the same files served by app:// in Electron and by the web host.
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { firstScreenKeys, pickTexts } from './renderer/i18n/first-screen-texts.js';

const frenchTexts = join(import.meta.dirname, 'renderer', 'i18n', 'fr.json');

/** `virtual:first-screen-texts`: the French texts the first screen reads, picked from fr.json at build time. */
const firstScreenTexts: Plugin = {
  name: 'first-screen-texts',
  resolveId: (id) => (id === 'virtual:first-screen-texts' ? '\0first-screen-texts' : null),
  load(id) {
    if (id !== '\0first-screen-texts') return null;
    this.addWatchFile(frenchTexts);
    const all = JSON.parse(readFileSync(frenchTexts, 'utf8')) as Record<string, unknown>;
    return `export default ${JSON.stringify(pickTexts(all, firstScreenKeys))};`;
  },
};

export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react(), firstScreenTexts],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Inline nothing: the CSP allows only files served by the app itself.
    assetsInlineLimit: 0,
    sourcemap: false,
    // axe-core (about 650 kB) is its own chunk, loaded only when the admin runs the accessibility self-check.
    chunkSizeWarningLimit: 700,
    // No polyfill: Chromium preloads modules itself.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the first screen needs is one file (one request, one gzip stream), whatever else shares it; the
          // screens fetched later import from it.
          groups: [{ name: 'first-screen', tags: ['$initial'] }],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
});

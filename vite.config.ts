// Builds the renderer into dist/renderer: the same files served by app:// in Electron and by the web host.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
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

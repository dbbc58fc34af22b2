// Lint: TypeScript rules, and the layering rules of STYLE.md (no `electron` in the renderer or services,
// ipcMain/ipcRenderer only in the transport files).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './build/lint/layers.js';
import reactHooks from 'eslint-plugin-react-hooks';

const noElectron = {
  paths: [{ name: 'electron', message: 'Only main/hosts/electron may use Electron: services and the renderer run without it.' }],
  patterns: [
    { group: ['**/electron/**', '../electron/*'], message: 'Depend on main/app or the domain folders, not on the Electron shell.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'common/**/*.ts', 'main/**/*.ts'],
    ignores: ['main/hosts/electron/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/hosts/**', 'main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          paths: [
            ...noElectron.paths,
            { name: 'node:http', message: 'Services stay free of transports: HTTP lives in main/hosts/web.' },
            { name: 'react', message: 'Services never import React.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/hosts/electron/**/*.ts'],
    ignores: ['main/hosts/electron/ipc.ts', 'main/hosts/electron/preload.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'ipcMain belongs in main/hosts/electron/ipc.ts only.' },
        {
          selector: "ImportSpecifier[imported.name='ipcRenderer']",
          message: 'ipcRenderer belongs in main/hosts/electron/preload.ts only.',
        },
      ],
    },
  },
  {
    // Every rule of the hooks plugin's recommended set (the rules of hooks, effect dependencies, and the React
    // compiler's checks: no ref read or impure call during render, no synchronous setState in an effect), as errors.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: Object.fromEntries(Object.keys(reactHooks.configs.recommended.rules).map((rule) => [rule, 'error'])),
  },
  {
    // A journey moves the focus with the hook of renderer/kit/focus-on-change.ts, by a ref: not by finding an element.
    files: ['renderer/journey/**/*.{ts,tsx}', 'renderer/assisted/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='document'][property.name=/^(querySelector|querySelectorAll|getElementsByClassName)$/]",
          message: 'Move the focus with useFocusOnChange or useFocusOnMount (renderer/kit/focus-on-change.ts), by a ref.',
        },
      ],
    },
  },
  {
    // The layers of docs/architecture.md: imports point one way (build/lint/layers.js).
    files: ['common/**/*.ts', 'main/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/one-way': 'error' },
  },
);

// Lint: TypeScript rules, and the layering rules of STYLE.md (no `electron` in the renderer or services,
// ipcMain/ipcRenderer only in the transport files).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noElectron = {
  paths: [{ name: 'electron', message: 'Only main/electron may use Electron: services and the renderer run without it.' }],
  patterns: [{ group: ['**/electron/**', '../electron/*'], message: 'Depend on main/api or main/services, not on the Electron shell.' }],
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
    files: [
      'renderer/**/*.{ts,tsx}',
      'main/services/**/*.ts',
      'main/db/**/*.ts',
      'main/api/**/*.ts',
      'main/web/**/*.ts',
      'main/lockdown/**/*.ts',
      'main/launcher/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['main/services/**/*.ts', 'main/db/**/*.ts', 'main/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          paths: [
            ...noElectron.paths,
            { name: 'node:http', message: 'Services stay free of transports: HTTP lives in main/web.' },
            { name: 'react', message: 'Services never import React.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    ignores: ['main/electron/ipc.ts', 'main/electron/preload.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'ipcMain belongs in main/electron/ipc.ts only.' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'ipcRenderer belongs in main/electron/preload.ts only.' },
      ],
    },
  },
);

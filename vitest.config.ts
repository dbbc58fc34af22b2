// Unit tests: plain Node, real SQLite files in temp folders, real HTTP on loopback.
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/** Loads .sql migration files as text, as esbuild's text loader does in the built app. */
const sqlAsText: Plugin = {
  name: 'sql-as-text',
  load(id) {
    if (!id.endsWith('.sql')) return null;
    return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
  },
};

export default defineConfig({
  plugins: [sqlAsText],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    typecheck: {
      enabled: true,
      only: false,
      include: ['tests/types/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});

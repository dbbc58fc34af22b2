// The French texts the first screen's script carries (renderer/i18n/first-screen-texts.ts) hold every text the first
// screen's own modules name: a key they use and the list leaves out would show as a bare key before the rest arrives.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';
import fr from '../../renderer/i18n/fr.json';
import { firstScreenKeys, pickTexts } from '../../renderer/i18n/first-screen-texts';

const root = resolve(import.meta.dirname, '..', '..');

/** The project files a file imports statically at run time (not type-only, not `import()`): the first screen's graph. */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [
    ...[...source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+'([^']+)'/gms)].map((m) => m[1]),
    ...[...source.matchAll(/^import\s+'([^']+)'/gm)].map((m) => m[1]),
  ];
  return specifiers.flatMap((specifier) => {
    if (!specifier?.startsWith('.')) return [];
    const base = resolve(dirname(file), specifier);
    const found = [base, `${base}.ts`, `${base}.tsx`].find((path) => existsSync(path) && statSync(path).isFile());
    return found && /\.tsx?$/.test(found) ? [found] : [];
  });
}

function firstScreenModules(): string[] {
  const seen = new Set<string>();
  const queue = [join(root, 'renderer', 'main.tsx')];
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return [...seen];
}

function leafKeys(texts: unknown, prefix = ''): string[] {
  if (typeof texts !== 'object' || texts === null) return [prefix];
  return Object.entries(texts).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

/** The French keys a file names: quoted keys, and every key a template such as `needs.${need}.label` can make. */
function keysNamed(file: string, all: readonly string[]): string[] {
  const source = readFileSync(file, 'utf8');
  const literals = [...source.matchAll(/'([\w.]+)'/g)].flatMap((m) => (m[1] && all.includes(m[1]) ? [m[1]] : []));
  const templates = [...source.matchAll(/`((?:[\w.]|\$\{[^}`]*\})*\$\{[^}`]*\}(?:[\w.]|\$\{[^}`]*\})*)`/g)].flatMap((m) => {
    const pattern = new RegExp(`^${(m[1] ?? '').replace(/\$\{[^}]*\}/g, '[^.]+').replace(/\./g, '\\.')}$`);
    return all.filter((key) => pattern.test(key));
  });
  return [...literals, ...templates];
}

it('names no French text the first screen leaves for later', () => {
  const all = leafKeys(fr);
  const carried = new Set(leafKeys(pickTexts(fr, firstScreenKeys)));
  const modules = firstScreenModules();
  // The walk reaches the home and its bar, not the screens fetched later.
  const names = modules.map((file) => relative(root, file).split('\\').join('/'));
  expect(names).toContain('renderer/screens/home/HomeScreen.tsx');
  expect(names).toContain('renderer/visit/TopBar.tsx');
  expect(names).not.toContain('renderer/screens/search/SearchScreen.tsx');
  const missing = modules.flatMap((file) =>
    keysNamed(file, all)
      .filter((key) => !carried.has(key))
      .map((key) => `${relative(root, file)}: ${key}`),
  );
  expect(missing).toEqual([]);
});

it('leaves the mediator’s and the journeys’ texts out of the first screen', () => {
  const carried = leafKeys(pickTexts(fr, firstScreenKeys));
  expect(carried.length).toBeGreaterThan(20);
  expect(carried.length).toBeLessThan(leafKeys(fr).length / 2);
  expect(carried.filter((key) => key.startsWith('journey.') || key.startsWith('search.'))).toEqual([]);
});

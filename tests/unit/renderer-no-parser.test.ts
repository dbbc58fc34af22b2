// The renderer renders content nodes and never parses markup: the markup parser (common/content/blocks.ts) is not in
// anything the renderer loads at run time, and no snippet control characters are looked for on screen.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const parser = 'common/content/blocks.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The project files a file loads at run time: static imports and re-exports that are not type-only, and import(). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [
    ...[...source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+'([^']+)'/gms)].map((m) => m[1]),
    ...[...source.matchAll(/^import\s+'([^']+)'/gm)].map((m) => m[1]),
    ...[...source.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]),
  ];
  return specifiers.flatMap((specifier) => {
    if (!specifier?.startsWith('.')) return [];
    const base = resolve(dirname(file), specifier);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path) && statSync(path).isFile());
    return found ? [found] : [];
  });
}

/** Every project file reachable at run time from the renderer's files, with the chain that reaches it. */
function reachable(starts: readonly string[]): Map<string, string[]> {
  const chains = new Map<string, string[]>(starts.map((file) => [file, [file]]));
  const queue = [...starts];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const next of runtimeImports(file)) {
      if (chains.has(next)) continue;
      chains.set(next, [...(chains.get(file) ?? []), next]);
      queue.push(next);
    }
  }
  return chains;
}

describe('the renderer has no markup parser', () => {
  const rendererFiles = filesUnder(join(root, 'renderer'));

  it('loads nothing that reaches the markup parser', () => {
    const chains = reachable(rendererFiles);
    // The walk does reach common/: the check would see the parser if a renderer file imported it.
    expect([...chains.keys()].some((file) => relative(root, file).startsWith('common/content/'))).toBe(true);
    const chain = chains.get(join(root, parser));
    expect(chain?.map((file) => relative(root, file)) ?? 'not reached').toBe('not reached');
  });

  it('looks for no markup and no snippet control characters in text', () => {
    const looksForMarks = (source: string) =>
      source.includes('\u0002') || source.includes('\u0003') || /\\u000[23]|parseInline|parseBlocks|textLines|'\*\*'|'\[\['/.test(source);
    const offending = rendererFiles.filter((file) => looksForMarks(readFileSync(file, 'utf8')));
    expect(offending.map((file) => relative(root, file))).toEqual([]);
  });
});

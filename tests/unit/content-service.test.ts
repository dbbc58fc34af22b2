import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKeys, signPack } from '../../build/content/sign';
import { buildContentPack } from '../../build/scripts/content-build';
import { createMemoryLogger } from '../../main/core/log';
import { createContentService } from '../../main/content/content';
import { installPackFromFolder } from '../../main/content/content-updates';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const fixture = join(import.meta.dirname, '..', 'fixtures', 'content-mini');
const realContent = join(import.meta.dirname, '..', '..', 'content');
const keys = generateSigningKeys();

describe('content service', () => {
  it('serves the shipped pack, then a pack installed while it runs, without a restart', async () => {
    const dataDir = tempDir();
    const shipped = join(tempDir(), 'shipped');
    buildContentPack(fixture, shipped);
    let clock = 0;
    const service = createContentService(
      { dataDir, bundledPackDir: shipped, trust: { publicKeyPem: keys.publicKeyPem }, log: createMemoryLogger() },
      () => clock,
    );
    const count = async () => {
      const result = await service.needs('fr');
      return result.ok ? result.value.flatMap((n) => n.items).length : -1;
    };
    expect(await count()).toBe(3);

    const update = join(tempDir(), 'stick');
    buildContentPack(realContent, update);
    signPack(update, keys.privateKeyPem);
    expect((await installPackFromFolder(update, dataDir, { publicKeyPem: keys.publicKeyPem }, createMemoryLogger())).ok).toBe(true);
    expect(await count()).toBe(3); // checked at most once a second
    clock += 1500;
    expect(await count()).toBeGreaterThanOrEqual(18);
    expect(service.manifest()?.counts.fr?.topics).toBeGreaterThanOrEqual(14);
    service.close();
  });

  it('answers content.packMissing when there is no pack at all', async () => {
    const service = createContentService({
      dataDir: tempDir(),
      bundledPackDir: join(tempDir(), 'none'),
      trust: { publicKeyPem: null },
      log: createMemoryLogger(),
    });
    expect(await service.search('fr', 'vitale')).toEqual({
      ok: false,
      error: 'content.packMissing',
    });
    expect(service.problem()).toBe('content.packMissing');
  });

  it('answers content.notFound for an unknown page, and serves a French page when the language lacks it', async () => {
    const shipped = join(tempDir(), 'shipped');
    buildContentPack(fixture, shipped);
    const service = createContentService({
      dataDir: tempDir(),
      bundledPackDir: shipped,
      trust: { publicKeyPem: null },
      log: createMemoryLogger(),
    });
    expect(await service.item('fr', 'nothing-here')).toEqual({ ok: false, error: 'content.notFound' });
    const item = await service.item('ar', 'medecin-traitant');
    expect(item).toMatchObject({ ok: true, value: { fallback: false, title: 'الطبيب المعالج' } });
    service.close();
  });

  it('sends with a page the glossary words it uses and those their definitions use, not the whole glossary', async () => {
    const shipped = join(tempDir(), 'shipped');
    buildContentPack(realContent, shipped);
    const service = createContentService({
      dataDir: tempDir(),
      bundledPackDir: shipped,
      trust: { publicKeyPem: null },
      log: createMemoryLogger(),
    });
    const words = service.manifest()?.counts.fr?.glossary ?? 0;
    const needs = await service.needs('fr');
    const ids = needs.ok ? needs.value.flatMap((need) => need.items.map((item) => item.id)) : [];
    expect(ids.length).toBeGreaterThan(10);
    let withWords = 0;
    for (const id of ids) {
      const page = await service.item('fr', id);
      if (!page.ok) throw new Error(`${id}: ${page.error}`);
      const { body, glossary } = page.value;
      const defined = Object.values(glossary).flatMap((word) => [word.short, word.long]);
      const needed = new Set([...termsIn(body), ...termsIn(defined)]);
      // Every word tapped on the page or in a definition has its definition, and nothing else is sent.
      expect(new Set(Object.keys(glossary)), id).toEqual(needed);
      if (needed.size > 0) withWords++;
      expect(needed.size, id).toBeLessThan(words);
    }
    expect(withWords).toBeGreaterThan(10);
    service.close();
  });
});

/** The glossary ids of the `term` nodes anywhere in a page's or definition's nodes. */
function termsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(termsIn);
  if (value === null || typeof value !== 'object') return [];
  const node = value as Record<string, unknown>;
  const own = node.type === 'term' && typeof node.id === 'string' ? [node.id] : [];
  return [...own, ...Object.values(node).flatMap(termsIn)];
}

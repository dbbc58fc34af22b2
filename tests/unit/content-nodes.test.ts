// Content text stored as nodes (pack format 4): the build parses the markup once, the pack keeps the nodes, the kiosk
// serves them as they are. Bold, a glossary word inside bold, phone numbers, addresses and Latin names in Arabic.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLine, InlineMarkupError, type InlineContext } from '../../build/content/inline-compile';
import { generateSigningKeys } from '../../build/content/sign';
import { buildContentPack } from '../../build/scripts/content-build';
import type { ContentItem } from '../../common/api/types';
import { lineText, type InlineLine } from '../../common/content/inline-nodes';
import { manifestFileName } from '../../common/content/pack-format';
import { createMemoryLogger } from '../../main/core/log';
import { createContentService } from '../../main/content/content';
import { openContentPack } from '../../main/content/content-pack';
import { installPackFromFolder, packDirs } from '../../main/content/content-updates';
import { alterSignedPack, buildSignedPack, miniContent } from './signed-pack';
import { signPack } from '../../build/content/sign';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const words: Record<string, string> = { 'compte-ameli': 'compte ameli', 'carte-vitale': 'carte Vitale' };
const inLocale = (locale: InlineContext['locale']): InlineContext => ({ locale, word: (id) => words[id] });

describe('a line compiled into nodes', () => {
  it("keeps a glossary word inside bold, shown by its glossary word or by the author's wording", () => {
    expect(compileLine('**Demandez-la dans votre [[compte-ameli]].**', inLocale('fr'))).toEqual([
      {
        type: 'strong',
        children: [
          { type: 'text', text: 'Demandez-la dans votre ' },
          { type: 'term', id: 'compte-ameli', text: 'compte ameli' },
          { type: 'text', text: '.' },
        ],
      },
    ]);
    expect(compileLine('Montrez [[carte-vitale|votre carte]].', inLocale('fr'))).toEqual([
      { type: 'text', text: 'Montrez ' },
      { type: 'term', id: 'carte-vitale', text: 'votre carte' },
      { type: 'text', text: '.' },
    ]);
  });

  it('makes phone numbers phone nodes (spoken in groups), and leaves amounts and counts as numbers', () => {
    expect(compileLine('Appelez le 3646 ou le 09 74 75 13 13.', inLocale('fr'))).toEqual([
      { type: 'text', text: 'Appelez le ' },
      { type: 'phone', number: '3646' },
      { type: 'text', text: ' ou le ' },
      { type: 'phone', number: '09 74 75 13 13' },
      { type: 'text', text: '.' },
    ]);
    expect(compileLine('Le plafond est de 3500 € pour 6 mois.', inLocale('fr'))).toEqual([
      { type: 'text', text: 'Le plafond est de ' },
      { type: 'ltr', children: [{ type: 'text', text: '3500' }] },
      { type: 'text', text: ' € pour ' },
      { type: 'ltr', children: [{ type: 'text', text: '6' }] },
      { type: 'text', text: ' mois.' },
    ]);
  });

  it('in an Arabic line, keeps phone numbers, addresses and Latin names left to right, French names marked', () => {
    const line = compileLine('**اتصل بالرقم 39 89** أو افتح ameli.fr مع carte Vitale.', inLocale('ar'));
    expect(line).toEqual([
      {
        type: 'strong',
        children: [
          { type: 'text', text: 'اتصل بالرقم ' },
          { type: 'phone', number: '39 89' },
        ],
      },
      { type: 'text', text: ' أو افتح ' },
      { type: 'ltr', children: [{ type: 'text', text: 'ameli.fr' }] },
      { type: 'text', text: ' مع ' },
      { type: 'ltr', children: [{ type: 'text', text: 'carte Vitale', lang: 'fr' }] },
      { type: 'text', text: '.' },
    ]);
    expect(lineText(line)).toBe('اتصل بالرقم 39 89 أو افتح ameli.fr مع carte Vitale.');
  });

  it('marks French names in an English line only', () => {
    expect(compileLine('Show your carte Vitale.', inLocale('en'))).toEqual([
      { type: 'text', text: 'Show your ' },
      { type: 'text', text: 'carte Vitale', lang: 'fr' },
      { type: 'text', text: '.' },
    ]);
    expect(compileLine('Montrez votre carte Vitale.', inLocale('fr'))).toEqual([{ type: 'text', text: 'Montrez votre carte Vitale.' }]);
  });

  it('refuses markup it cannot read', () => {
    expect(() => compileLine('**gras sans fin', inLocale('fr'))).toThrow(InlineMarkupError);
    expect(() => compileLine('un mot]] en trop', inLocale('fr'))).toThrow(/closes no/);
  });
});

/** The fixture with a bold sentence holding a glossary word, and phone numbers, in French and Arabic. */
function contentWithNodes(): string {
  const dir = join(tempDir(), 'content');
  cpSync(miniContent, dir, { recursive: true });
  const add = (locale: string, after: string, lines: string) => {
    const file = join(dir, locale, 'fiches', 'medecin-traitant.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(after, `${after}\n${lines}`));
  };
  add('fr', 'Il vous connaît bien.', '**Montrez votre [[carte-vitale]].**\nAppelez le 3646.');
  const arabic =
    readFileSync(join(dir, 'ar', 'fiches', 'medecin-traitant.md'), 'utf8')
      .trimEnd()
      .split('\n')
      .at(-1) ?? '';
  add('ar', arabic, '**اتصل بالرقم 09 74 75 13 13.**');
  return dir;
}

/** Every string inside a value served to the screens. */
const stringsOf = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(stringsOf) : [];

const topicLines = (item: ContentItem | undefined): InlineLine[] =>
  item?.kind === 'topic' ? item.body.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : b.type === 'list' ? b.items : b.lines)) : [];

describe('the pack keeps the nodes, and the kiosk serves them as built', () => {
  it('round trip: source markup → build → pack → content.item, in French and Arabic, glossary definitions too', async () => {
    const pack = join(tempDir(), 'pack');
    buildContentPack(contentWithNodes(), pack);
    const service = createContentService({
      dataDir: tempDir(),
      bundledPackDir: pack,
      trust: { publicKeyPem: null },
      log: createMemoryLogger(),
    });
    const item = async (locale: 'fr' | 'ar') => {
      const answer = await service.item(locale, 'medecin-traitant');
      return answer.ok ? answer.value : undefined;
    };
    const fr = await item('fr');
    expect(topicLines(fr)).toContainEqual([
      {
        type: 'strong',
        children: [
          { type: 'text', text: 'Montrez votre ' },
          { type: 'term', id: 'carte-vitale', text: fr?.glossary['carte-vitale']?.word },
          { type: 'text', text: '.' },
        ],
      },
    ]);
    expect(topicLines(fr)).toContainEqual([
      { type: 'text', text: 'Appelez le ' },
      { type: 'phone', number: '3646' },
      { type: 'text', text: '.' },
    ]);
    expect(topicLines(await item('ar'))).toContainEqual([
      {
        type: 'strong',
        children: [
          { type: 'text', text: 'اتصل بالرقم ' },
          { type: 'phone', number: '09 74 75 13 13' },
          { type: 'text', text: '.' },
        ],
      },
    ]);
    // No markup left anywhere in what the kiosk serves: it has nothing to parse.
    expect(stringsOf(fr).filter((text) => /\*\*|\[\[|\]\]/.test(text))).toEqual([]);
    const definition = fr?.glossary['carte-vitale'];
    expect(definition?.short).toEqual([expect.objectContaining({ type: 'text' })]);
    service.close();
  });
});

describe('a pack the kiosk cannot read as nodes', () => {
  const keys = generateSigningKeys();
  const trust = { publicKeyPem: keys.publicKeyPem };
  const installedSha = (dataDir: string) => openContentPack(packDirs(dataDir).current, trust).manifest.sha256;

  it('of the previous format (3) is refused as incompatible, and the installed pack keeps serving', async () => {
    const good = buildSignedPack(join(tempDir(), 'good'), keys.privateKeyPem);
    const old = buildSignedPack(join(tempDir(), 'old'), keys.privateKeyPem);
    const manifestFile = join(old, manifestFileName);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, format: 3 }, null, 2)}\n`);
    signPack(old, keys.privateKeyPem);
    const dataDir = tempDir();
    const log = createMemoryLogger();
    expect((await installPackFromFolder(good, dataDir, trust, log)).ok).toBe(true);
    expect(await installPackFromFolder(old, dataDir, trust, log)).toMatchObject({ ok: false, error: 'content.packIncompatible' });
    expect(installedSha(dataDir)).toBe(openContentPack(good, trust).manifest.sha256);
  });

  it('holding text with markup where nodes belong (a page, a step, a definition) is refused as corrupt', async () => {
    for (const edit of [
      `UPDATE item SET data = '{"blocks": [{"type": "paragraph", "lines": ["La **carte**."]}]}' WHERE kind = 'topic' AND rowid = 1`,
      `UPDATE glossary SET short = '"La carte [[carte-vitale]]."' WHERE rowid = 1`,
      `UPDATE item SET data = json_set(data, '$.steps[0].text', json('["Ouvrez le site."]')) WHERE kind = 'journey'`,
    ]) {
      const bad = buildSignedPack(join(tempDir(), 'bad'), keys.privateKeyPem);
      alterSignedPack(bad, keys.privateKeyPem, (db) => db.exec(edit));
      expect(await installPackFromFolder(bad, tempDir(), trust, createMemoryLogger()), edit).toMatchObject({
        ok: false,
        error: 'content.packCorrupt',
      });
    }
  });
});

// The site configuration's fields are declared once: each carries its description (and, at the top, its admin title),
// docs/configuration.md has a section for each and none for a field that does not exist, the admin view lists each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFieldNames, configFields, effectiveConfigOf } from '../../common/config/config-fields';
import { parseSiteConfig } from '../../main/core/config';

const guide = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'configuration.md'), 'utf8');

/** The field names the guide's "The fields" part gives: `### \`name\`` headings and `**\`parent.child\`**` items. */
function documentedFields(text: string): string[] {
  const part = text.slice(text.indexOf('## The fields'), text.indexOf('\n## ', text.indexOf('## The fields') + 1));
  const headings = [...part.matchAll(/^### `([^`]+)`/gm)].map((m) => m[1] ?? '');
  const items = [...part.matchAll(/\*\*`([^`]+\.[^`]+)`\*\*/g)].map((m) => m[1] ?? '');
  return [...headings, ...items];
}

describe('the configuration fields', () => {
  it('each says what a person must write, and each top-level one has its title in the admin view', () => {
    expect(configFields.length).toBeGreaterThan(configFieldNames.length);
    expect(configFields.filter((f) => !f.description?.trim()).map((f) => f.path)).toEqual([]);
    expect(configFields.filter((f) => !f.path.includes('.') && !f.title?.trim()).map((f) => f.path)).toEqual([]);
  });

  it('are each documented in docs/configuration.md, which names no field that does not exist', () => {
    const documented = documentedFields(guide);
    const declared = configFields.map((f) => f.path);
    expect(
      declared.filter((path) => !documented.includes(path)),
      'fields without a section',
    ).toEqual([]);
    expect(
      documented.filter((name) => !declared.includes(name)),
      'sections for no field',
    ).toEqual([]);
  });

  it('reach the admin every one, a field the site left out as null', () => {
    const config = parseSiteConfig({ siteName: 'Médiathèque' }, 'test', '/data');
    const view = effectiveConfigOf(config, { configFile: null, contentKeyFingerprint: null });
    expect(Object.keys(view).sort()).toEqual([...configFieldNames, 'configFile', 'contentKeyFingerprint'].sort());
    expect(view).toMatchObject({ siteName: 'Médiathèque', siteAddress: null, contentUpdate: null, dataDir: '/data', port: 8741 });
  });
});

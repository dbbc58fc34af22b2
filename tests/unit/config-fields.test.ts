// The site configuration's fields are declared once: each carries its description (and, at the top, its admin title),
// docs/configuration.md has a section for each (with its default) and none for a field that does not exist, the admin
// view lists each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configFieldNames, configFields, effectiveConfigOf } from '../../common/config/config-fields';
import { siteConfigSchema } from '../../common/config/site-config';
import { parseSiteConfig } from '../../main/core/config';

const guide = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'configuration.md'), 'utf8');

/** The field names the guide's "The fields" part gives: `### \`name\`` headings and `**\`parent.child\`**` items. */
function documentedFields(text: string): string[] {
  const part = text.slice(text.indexOf('## The fields'), text.indexOf('\n## ', text.indexOf('## The fields') + 1));
  const headings = [...part.matchAll(/^### `([^`]+)`/gm)].map((m) => m[1] ?? '');
  const items = [...part.matchAll(/\*\*`([^`]+\.[^`]+)`\*\*/g)].map((m) => m[1] ?? '');
  return [...headings, ...items];
}

/** The guide's words on one field: its section, or its item inside its parent's section. */
function guideOn(path: string): string {
  const start = path.includes('.') ? guide.indexOf(`**\`${path}\`**`) : guide.indexOf(`### \`${path}\``);
  const end = path.includes('.') ? guide.indexOf('\n- **', start + 1) : guide.indexOf('\n### ', start + 1);
  return start === -1 ? '' : guide.slice(start, end === -1 ? undefined : end);
}

/** A field's schema by its dotted path, under the optional and default wrappers of its parents. */
function schemaAt(path: string): z.ZodType {
  let shape: Record<string, z.ZodType> = siteConfigSchema.shape;
  const names = path.split('.');
  for (const name of names.slice(0, -1)) {
    let here = shape[name];
    while (here instanceof z.ZodOptional || here instanceof z.ZodDefault) here = here.unwrap() as z.ZodType;
    shape = (here as z.ZodObject).shape as Record<string, z.ZodType>;
  }
  return shape[names.at(-1) ?? ''] as z.ZodType;
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

  it('have in the guide the default the schema gives them', () => {
    const withDefault = configFields.filter((f) => schemaAt(f.path) instanceof z.ZodDefault);
    expect(withDefault.length).toBeGreaterThan(15);
    const wrong = withDefault.flatMap(({ path }) => {
      const value: unknown = schemaAt(path).parse(undefined);
      const said =
        Array.isArray(value) && value.length === 0
          ? ['Default: none']
          : [...new Set([`Default: \`${String(value)}\``, `Default: \`${JSON.stringify(value).replaceAll(',', ', ')}\``])];
      return said.some((words) => guideOn(path).includes(words)) ? [] : [`${path}: ${said.join(' or ')}`];
    });
    expect(wrong).toEqual([]);
  });

  it('reach the admin every one, a field the site left out as null', () => {
    const config = parseSiteConfig({ siteName: 'Médiathèque' }, 'test', '/data');
    const view = effectiveConfigOf(config, { configFile: null, contentKeyFingerprint: null });
    expect(Object.keys(view).sort()).toEqual([...configFieldNames, 'configFile', 'contentKeyFingerprint'].sort());
    expect(view).toMatchObject({ siteName: 'Médiathèque', siteAddress: null, contentUpdate: null, dataDir: '/data', port: 8741 });
  });
});

// The site configuration's fields and their texts, read from the schema: error messages, the docs check, the admin view.
import { z } from 'zod';
import { siteConfigSchema, type ConfigFieldName, type EffectiveConfig, type FieldText, type SiteConfigValues } from './site-config';

/** A field and what it says about itself; `path` is dotted for a field of an object-valued field ("contentUpdate.source"). */
export interface ConfigFieldText extends Partial<FieldText> {
  readonly path: string;
}

/** The schema under optional and default wrappers, to reach an object-valued field's own fields. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let here = schema;
  while (here instanceof z.ZodOptional || here instanceof z.ZodDefault) here = here.unwrap() as z.ZodType;
  return here;
}

function fieldsOf(shape: Readonly<Record<string, z.ZodType>>, prefix: string): ConfigFieldText[] {
  return Object.entries(shape).flatMap(([name, schema]) => {
    const meta = z.globalRegistry.get(schema);
    const path = `${prefix}${name}`;
    const own: ConfigFieldText = {
      path,
      ...(meta?.description ? { description: meta.description } : {}),
      ...(meta?.title ? { title: meta.title } : {}),
    };
    // Fields inside a list's entries are not walked: a problem there is described by the list's own description.
    const inner = unwrapped(schema);
    return inner instanceof z.ZodObject ? [own, ...fieldsOf(inner.shape as Record<string, z.ZodType>, `${path}.`)] : [own];
  });
}

/** Every field of the configuration, in the schema's order: top-level ones, then each object-valued field's own after it. */
export const configFields: readonly ConfigFieldText[] = fieldsOf(siteConfigSchema.shape, '');

/** The top-level fields, in the schema's order. */
export const configFieldNames = Object.keys(siteConfigSchema.shape) as ConfigFieldName[];

const byPath = new Map(configFields.map((f) => [f.path, f]));

/** What a person must write in a field, or undefined for a path that is not a field. */
export const describeField = (path: string): string | undefined => byPath.get(path)?.description;

/** The admin's name for a top-level field. */
export const titleOf = (name: ConfigFieldName): string => byPath.get(name)?.title ?? name;

/** The configuration as the admin sees it: every field, an absent one as null. */
export function effectiveConfigOf(
  values: SiteConfigValues & { readonly dataDir: string },
  about: { readonly configFile: string | null; readonly contentKeyFingerprint: string | null },
): EffectiveConfig {
  const fields = Object.fromEntries(configFieldNames.map((name) => [name, values[name] ?? null]));
  // Every field of the schema is there, absent ones as null: the shape EffectiveConfig derives from the same schema.
  return { ...fields, dataDir: values.dataDir, ...about } as EffectiveConfig;
}

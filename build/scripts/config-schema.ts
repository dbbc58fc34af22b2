// `npm run config:schema`: writes docs/config.schema.json (the site configuration as a JSON Schema, for editors) and
// docs/config.example.json (every field, with its example or its default), both read from the schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { siteConfigSchema } from '../../common/config/site-config';

const docs = join(import.meta.dirname, '..', '..', 'docs');
export const configSchemaFile = join(docs, 'config.schema.json');
export const configExampleFile = join(docs, 'config.example.json');

/** The schema of what a site writes (defaults are optional); each field carries its description, title and example. */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(siteConfigSchema, { io: 'input', unrepresentable: 'any' });
  const titled = { $schema: schema.$schema, title: 'Passerelle Santé site configuration', ...schema };
  return `${JSON.stringify(titled, null, 2)}\n`;
}

/** A full configuration to copy: each field's example when it has one, else its default (laid out as the repo's files are). */
export async function configExampleJson(): Promise<string> {
  const defaults = siteConfigSchema.parse({}) as Record<string, unknown>;
  const example = Object.fromEntries(
    Object.entries(siteConfigSchema.shape).map(([name, schema]) => {
      const examples = z.globalRegistry.get(schema)?.examples;
      return [name, Array.isArray(examples) ? examples[0] : defaults[name]];
    }),
  );
  const options = await resolveConfig(configExampleFile);
  return format(JSON.stringify(example), { ...options, filepath: configExampleFile });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(configSchemaFile, configJsonSchema());
  writeFileSync(configExampleFile, await configExampleJson());
  process.stdout.write(`Wrote ${configSchemaFile} and ${configExampleFile}\n`);
}

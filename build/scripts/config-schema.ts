// `npm run config:schema`: writes docs/config.schema.json, the site configuration as a JSON Schema (for editors).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { expected, siteConfigSchema } from '../../main/core/config';

export const configSchemaFile = join(import.meta.dirname, '..', '..', 'docs', 'config.schema.json');

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  [key: string]: unknown;
}

/** The schema of what a site writes (defaults are optional), each field described as in the error messages. */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(siteConfigSchema, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
  const describe = (node: SchemaNode | undefined, prefix: string) => {
    for (const [name, child] of Object.entries(node?.properties ?? {})) {
      const text = (expected as Record<string, string>)[`${prefix}${name}`];
      if (text) child.description = text;
      describe(child, `${prefix}${name}.`);
    }
  };
  describe(schema, '');
  const titled = { $schema: schema.$schema, title: 'Passerelle Santé site configuration', ...schema };
  return `${JSON.stringify(titled, null, 2)}\n`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(configSchemaFile, configJsonSchema());
  process.stdout.write(`Wrote ${configSchemaFile}\n`);
}

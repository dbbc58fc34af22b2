// `npm run journal:verify [-- --config=FILE] [-- --data-dir=DIR]`: checks the hash chain of the accompaniment
// journal in a kiosk's state DB (read only) and names the first row that was changed, removed or inserted.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadSiteConfig } from '../../main/core/config';
import { createJournal } from '../../main/journal/journal';

const { values } = parseArgs({ options: { config: { type: 'string' }, 'data-dir': { type: 'string' } } });

try {
  const overrides = values['data-dir'] ? { dataDir: values['data-dir'] } : {};
  const config = loadSiteConfig(values.config ? { explicitPath: values.config, overrides } : { overrides });
  const file = join(config.dataDir, 'state.db');
  if (!existsSync(file)) throw new Error(`No state database at ${file}.`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const result = createJournal(db).verify();
  db.close();
  if (result.ok) {
    process.stdout.write(`Journal ok: ${result.rows} rows, chain unbroken.\n`);
  } else {
    process.stdout.write(`Journal broken at row ${result.firstBrokenId}: ${result.reason}. ${result.rows} rows before it are intact.\n`);
    process.exit(1);
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).message}\n`);
  process.exit(2);
}

// `journal-verify [--config=FILE] [--data-dir=DIR]` (`npm run journal:verify --` on a developer's machine): checks the hash chain of the accompaniment
// journal in a kiosk's state DB (read only) and names the first row that was changed, removed or inserted.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadSiteConfig } from '../core/config';
import { createJournal } from '../journal/journal';

/** The command: checks the journal of the kiosk the flags name; returns the exit code. */
export function runJournalVerify(args: string[]): number {
  const { values } = parseArgs({ args, options: { config: { type: 'string' }, 'data-dir': { type: 'string' } } });
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
      return 0;
    }
    process.stdout.write(`Journal broken at row ${result.firstBrokenId}: ${result.reason}. ${result.rows} rows before it are intact.\n`);
    return 1;
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).message}\n`);
    return 2;
  }
}

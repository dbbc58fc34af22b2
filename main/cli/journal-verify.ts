// `journal-verify [--config=FILE] [--data-dir=DIR] [--anchor=ROWS:HASH[:MAC]]… [--key=FILE]` (`npm run journal:verify --`
// on a developer's machine): checks the hash chain of the accompaniment journal in a kiosk's state DB (read only)
// and names the first row that was changed, removed or inserted. Each --anchor is a head written down before (at
// the foot of a CRA export, in the admin's activity view, on a printed slip): rows removed from the end, a chain
// rebuilt from a forged row, or a wiped journal are found up to it. Heads and retention cuts signed with the site's
// journal key (beside the configuration, or --key) are checked against it.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { JournalBreak, JournalVerdict } from '../../common/api/types';
import { ConfigError, loadSiteConfig } from '../core/config';
import { AnchorFormatError, formatAnchor, parseAnchor, type Anchor } from '../journal/anchor';
import { createJournal } from '../journal/journal';
import { journalKeyFile, loadJournalKey } from '../journal/journal-key';

const breaks: Readonly<Record<JournalBreak, string>> = {
  changed: 'its content was changed',
  missing: 'it is missing',
  'out-of-order': 'it does not follow the row before it',
  truncated: 'it and the rows after it were removed from the end of the journal',
  wiped: 'the journal was wiped',
  rechained: 'the chain was rebuilt from a forged row at or before it',
  'cut-unrecorded': 'rows up to it were removed without a retention record in the chain',
  'cut-not-signed': "the retention record that removed rows up to it is not signed with this site's key",
  'anchor-not-issued': "this anchor's MAC does not match: this kiosk never wrote it down",
};

/** One line per anchor: what the journal is against it. */
function describe(anchor: Anchor, verdict: JournalVerdict): string {
  const named = `Anchor ${formatAnchor(anchor)}`;
  switch (verdict.verdict) {
    case 'intact':
    case 'no-anchor':
      return `${named}: intact (the journal goes on to row ${verdict.upTo}).`;
    case 'before-cut':
      return `${named}: cannot be checked, retention removed rows up to ${verdict.cutRows}${verdict.day ? ` on ${verdict.day}` : ''}. If that is sooner than the site's retention period after the anchor was written down, rows were removed by hand.`;
    case 'broken':
      return `${named}: broken since row ${verdict.since}: ${breaks[verdict.reason]}.`;
  }
}

/** The command: checks the journal of the kiosk the flags name; returns the exit code (0 ok, 1 broken, 3 cannot tell). */
export function runJournalVerify(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      'data-dir': { type: 'string' },
      anchor: { type: 'string', multiple: true },
      key: { type: 'string' },
    },
  });
  try {
    const anchors = (values.anchor ?? []).map(parseAnchor);
    const overrides = values['data-dir'] ? { dataDir: values['data-dir'] } : {};
    const config = loadSiteConfig(values.config ? { explicitPath: values.config, overrides } : { overrides });
    const file = join(config.dataDir, 'state.db');
    if (!existsSync(file)) throw new Error(`No state database at ${file}.`);
    const keyState = loadJournalKey(values.key ?? journalKeyFile(config.configFile), false);
    if (values.key && keyState.state !== 'ready') throw new Error(`The journal key ${values.key} cannot be read.`);
    const key = keyState.state === 'ready' ? keyState.key : null;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const journal = createJournal(db, undefined, { key });
      const result = journal.verify();
      const lines: string[] = [];
      let code = 0;
      if (result.ok) lines.push(`Journal ok: ${result.rows} rows, chain unbroken.`);
      else {
        lines.push(`Journal broken at row ${result.firstBrokenId}: ${result.reason}. ${result.rows} rows before it are intact.`);
        code = 1;
      }
      for (const anchor of anchors) {
        const verdict = journal.checkAnchor(anchor);
        lines.push(describe(anchor, verdict));
        if (anchor.mac && !key) lines.push(`  (its MAC was not checked: there is no journal key here; give it with --key=FILE)`);
        if (verdict.verdict === 'broken') code = 1;
        else if (verdict.verdict === 'before-cut' && code === 0) code = 3;
      }
      lines.push(`Head now: ${formatAnchor(journal.anchor())}${key ? ' (signed)' : ''}`);
      process.stdout.write(`${lines.join('\n')}\n`);
      return code;
    } finally {
      db.close();
    }
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof AnchorFormatError;
    process.stderr.write(`${known ? error.message : (error as Error).message}\n`);
    return 2;
  }
}

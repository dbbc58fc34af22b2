// The ordered list of state DB migrations. A new migration is a new NNN-name.sql file listed here.
import m001 from './001-initial.sql';
import m002 from './002-admin.sql';
import m003 from './003-mediation.sql';
import m004 from './004-journal-decoded.sql';
import m005 from './005-recovery.sql';
import m006 from './006-ticket-origin.sql';
import m007 from './007-journal-evidence.sql';
import m008 from './008-assisted-engine.sql';
import m009 from './009-ticket-link.sql';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: '001-initial', sql: m001 },
  { version: 2, name: '002-admin', sql: m002 },
  { version: 3, name: '003-mediation', sql: m003 },
  { version: 4, name: '004-journal-decoded', sql: m004 },
  { version: 5, name: '005-recovery', sql: m005 },
  { version: 6, name: '006-ticket-origin', sql: m006 },
  { version: 7, name: '007-journal-evidence', sql: m007 },
  { version: 8, name: '008-assisted-engine', sql: m008 },
  { version: 9, name: '009-ticket-link', sql: m009 },
];

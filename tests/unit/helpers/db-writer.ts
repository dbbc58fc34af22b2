// A separate process that writes to the state DB as fast as it can, one transaction per row, and prints the id
// of each row once its transaction has committed. The kill test stops it with SIGKILL in the middle.
import { openStateDb } from '../../../main/state/state-db';
import { createMemoryLogger } from '../../../main/core/log';

const file = process.argv[2];
if (!file) throw new Error('usage: db-writer <state.db>');
const { db } = openStateDb(file, createMemoryLogger());
const insert = db.prepare<[string, string]>("INSERT INTO kiosk_event (at, kind, detail) VALUES (?, 'test.write', ?)");
const write = db.transaction((n: number) => insert.run(new Date().toISOString(), `row ${n} ${'x'.repeat(200)}`).lastInsertRowid);
for (let n = 0; ; n++) {
  const id = write(n);
  process.stdout.write(`${id}\n`);
}

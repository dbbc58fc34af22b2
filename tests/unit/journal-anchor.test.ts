// The journal's tamper evidence, attacked as someone holding the kiosk's disk would: the real state.db opened with
// better-sqlite3 or the sqlite3 command, rows removed from the end through the retention escape hatch, a chain
// rebuilt from a forged row, a wiped journal, a forged retention cut. Each is found by `journal verify --anchor`
// against a head written down before, and by the kiosk's own check at start (/api/health).
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../common/api/types';
import { applyRetention } from '../../main/assisted/activity';
import { createTickets } from '../../main/assisted/tickets';
import { parseSiteConfig } from '../../main/core/config';
import { createMemoryLogger } from '../../main/core/log';
import { runWebHost } from '../../main/hosts/web/run-web-host';
import { formatAnchor, type Anchor } from '../../main/journal/anchor';
import { createJournal } from '../../main/journal/journal';
import { createJournalCheck, journalHeadFileName } from '../../main/journal/journal-check';
import { journalKeyFileName, loadJournalKey } from '../../main/journal/journal-key';
import { openStateDb } from '../../main/state/state-db';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const root = join(import.meta.dirname, '..', '..');
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

/** A kiosk's data folder with a journal of `count` accompaniments (6 rows each); the head written down at the end. */
function kioskWithJournal(count: number, key: Buffer | null = null, at = new Date('2026-11-02T09:00:00Z')) {
  const dir = tempDir();
  const file = join(dir, 'state.db');
  const { db } = openStateDb(file, createMemoryLogger());
  const clock = { now: at };
  const journal = createJournal(db, () => clock.now.getTime(), { key });
  for (let n = 0; n < count; n++) {
    const on = { accompaniment: `acc${String(n).padStart(13, '0')}`, journey: 'activer-mon-espace-sante' };
    journal.append({ ...on, event: 'accompaniment.start', role: 'volunteer' });
    journal.append({ ...on, event: 'consent.given' });
    journal.append({ ...on, event: 'step.done', step: 'code', by: 'visitor' });
    journal.append({ ...on, event: 'step.blocked', step: 'sms', reason: 'sms-not-received' });
    journal.append({ ...on, event: 'print', what: 'slip' });
    journal.append({ ...on, event: 'accompaniment.end', outcome: 'blocked' });
    clock.now = new Date(clock.now.getTime() + 20 * 60_000);
  }
  const anchor = journal.anchor();
  db.close();
  return { dir, file, anchor };
}

/** The attacker's own copy of the public chain rule (SHA-256 over the JSON of the previous hash and the row). */
function attackerHash(
  prev: string,
  row: {
    id: number;
    at: string;
    event: string;
    accompaniment: string | null;
    journey: string | null;
    step: string | null;
    detail: string | null;
  },
) {
  return createHash('sha256')
    .update(JSON.stringify([prev, row.id, row.at, row.event, row.accompaniment, row.journey, row.step, row.detail]))
    .digest('hex');
}

/** Appends a row with a correct hash, as an attacker who read the source can. */
function forgeRow(db: Database.Database, fields: { event: string; detail: string | null; at?: string; accompaniment?: string | null }) {
  const last = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1').get();
  const cut = db.prepare<[], { last_removed_id: number; hash: string }>('SELECT last_removed_id, hash FROM journal_anchor').get();
  const prev = last ?? (cut ? { id: cut.last_removed_id, hash: cut.hash } : { id: 0, hash: '0'.repeat(64) });
  const row = {
    id: prev.id + 1,
    at: fields.at ?? '2026-11-03T08:00:00.000Z',
    event: fields.event,
    accompaniment: fields.accompaniment ?? null,
    journey: null,
    step: null,
    detail: fields.detail,
  };
  db.prepare(
    'INSERT INTO journal (id, at, event, accompaniment, journey, step, detail, prev_hash, hash) VALUES (@id, @at, @event, @accompaniment, @journey, @step, @detail, @prev, @hash)',
  ).run({ ...row, prev: prev.hash, hash: attackerHash(prev.hash, row) });
  return row.id;
}

/** `journal verify` as the admin runs it (the operations command), with the anchors they wrote down. */
function verifyCommand(dataDir: string, anchors: readonly Anchor[], extra: readonly string[] = []) {
  const args = [
    '--import',
    'tsx',
    '--import',
    './build/scripts/sql-text-loader.mjs',
    'build/scripts/journal-verify.ts',
    `--data-dir=${dataDir}`,
    ...anchors.map((a) => `--anchor=${formatAnchor(a)}`),
    ...extra,
  ];
  try {
    return { code: 0, out: execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, out: failed.stdout };
  }
}

const opened = (file: string) => createJournal(openStateDb(file, createMemoryLogger()).db);

describe('the retention escape hatch', () => {
  it('does not open by plain SQL: the cut must be the last row of the chain first', () => {
    const { file } = kioskWithJournal(3);
    const raw = new Database(file);
    expect(() => raw.prepare('INSERT INTO journal_retention (id, until_id) VALUES (1, 18)').run()).toThrow(
      /recorded in the journal before it removes rows/,
    );
    expect(() => raw.prepare('DELETE FROM journal WHERE id > 15').run()).toThrow(/append-only/);
    expect(() => raw.prepare("INSERT INTO journal_anchor (id, last_removed_id, hash) VALUES (1, 12, 'x')").run()).toThrow(
      /before it moves the anchor/,
    );
    raw.close();
  });

  it('leaves a chained record when forced, and rows removed from the end are found against the anchor', () => {
    const { dir, file, anchor } = kioskWithJournal(3);
    expect(anchor.rows).toBe(18);
    const raw = new Database(file);
    // The attacker writes the record the trigger asks for, opens the hatch, and removes the last three rows.
    forgeRow(raw, { event: 'journal.retention', detail: '18' });
    raw.prepare('INSERT INTO journal_retention (id, until_id) VALUES (1, 18)').run();
    expect(raw.prepare('DELETE FROM journal WHERE id > 15 AND id <= 18').run().changes).toBe(3);
    raw.prepare('DELETE FROM journal_retention').run();
    raw.close();
    const result = verifyCommand(dir, [anchor]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('broken since row 16');
  });

  it('moved forward over the last rows with the record forged, still leaves the rows below it: found', () => {
    const { dir, file, anchor } = kioskWithJournal(3);
    const raw = new Database(file);
    const hash18 = raw.prepare('SELECT hash FROM journal WHERE id = 18').pluck().get() as string;
    forgeRow(raw, { event: 'journal.retention', detail: '18' });
    raw.prepare('INSERT INTO journal_anchor (id, last_removed_id, hash) VALUES (1, 18, ?)').run(hash18);
    raw.prepare('INSERT INTO journal_retention (id, until_id) VALUES (1, 18)').run();
    raw.prepare('DELETE FROM journal WHERE id > 15 AND id <= 18').run();
    raw.prepare('DELETE FROM journal_retention').run();
    raw.close();
    expect(opened(file).verify()).toMatchObject({ ok: false, firstBrokenId: 16, kind: 'missing' });
    expect(verifyCommand(dir, [anchor]).code).toBe(1);
  });
});

describe('journal verify --anchor', () => {
  it('finds rows removed from the end, which the chain alone cannot show', () => {
    const { dir, file, anchor } = kioskWithJournal(4);
    // With the sqlite3 command: the triggers dropped, the last accompaniment deleted.
    execFileSync('sqlite3', [file, 'DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE id > 18;']);
    const plain = verifyCommand(dir, []);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('Journal ok: 18 rows');
    const anchored = verifyCommand(dir, [anchor]);
    expect(anchored.code).toBe(1);
    expect(anchored.out).toContain(`Anchor ${formatAnchor(anchor)}: broken since row 19: it and the rows after it were removed`);
  });

  it('finds a chain rebuilt from a forged row (same number of rows, every hash recomputed)', () => {
    const { dir, file, anchor } = kioskWithJournal(3);
    const raw = new Database(file);
    const hash6 = raw.prepare('SELECT hash FROM journal WHERE id = 6').pluck().get() as string;
    raw.exec('DROP TRIGGER journal_no_delete; DROP TRIGGER journal_no_update');
    const tail = raw.prepare<[], Record<string, string | number | null>>('SELECT * FROM journal WHERE id >= 10 ORDER BY id').all();
    raw.prepare('DELETE FROM journal WHERE id >= 10').run();
    for (const row of tail) {
      // Row 10 said the visitor was blocked at the SMS step; the forged one says the step was done.
      const forged =
        row.id === 10 ? { event: 'step.done', detail: 'mediator' } : { event: String(row.event), detail: row.detail as string | null };
      forgeRow(raw, { ...forged, at: String(row.at), accompaniment: row.accompaniment as string | null });
    }
    raw.close();
    expect(verifyCommand(dir, []).code).toBe(0);
    const anchored = verifyCommand(dir, [anchor]);
    expect(anchored.code).toBe(1);
    expect(anchored.out).toContain('broken since row 18: the chain was rebuilt from a forged row at or before it');
    // Several anchors narrow it down: one written down at row 6 still holds.
    expect(opened(file).checkAnchor({ rows: 6, hash: hash6 })).toEqual({ verdict: 'intact', upTo: 18 });
  });

  it('finds a wiped journal, deleted with the sqlite3 command or with the whole file', () => {
    const { dir, file, anchor } = kioskWithJournal(2);
    execFileSync('sqlite3', [file, 'DROP TRIGGER journal_no_delete; DELETE FROM journal;']);
    const wiped = verifyCommand(dir, [anchor]);
    expect(wiped.code).toBe(1);
    expect(wiped.out).toContain('broken since row 1: the journal was wiped');
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    opened(file);
    expect(verifyCommand(dir, [anchor]).out).toContain('the journal was wiped');
  });

  it('finds the cut moved without a retention record', () => {
    const { dir, file, anchor } = kioskWithJournal(3);
    const raw = new Database(file);
    const hash12 = raw.prepare('SELECT hash FROM journal WHERE id = 12').pluck().get() as string;
    raw.exec('DROP TRIGGER journal_no_delete; DROP TRIGGER journal_anchor_needs_record_insert');
    raw.prepare('INSERT INTO journal_anchor (id, last_removed_id, hash) VALUES (1, 12, ?)').run(hash12);
    raw.prepare('DELETE FROM journal WHERE id <= 12').run();
    raw.close();
    const result = verifyCommand(dir, [anchor]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('rows up to 12 were removed without a retention record');
  });

  it('a wipe dressed as retention: cannot be checked without the key (and says when), refused with it', () => {
    const wipe = (file: string) => {
      const raw = new Database(file);
      const hash18 = raw.prepare('SELECT hash FROM journal WHERE id = 18').pluck().get() as string;
      forgeRow(raw, { event: 'journal.retention', detail: '18' });
      raw.prepare('INSERT INTO journal_anchor (id, last_removed_id, hash) VALUES (1, 18, ?)').run(hash18);
      raw.prepare('INSERT INTO journal_retention (id, until_id) VALUES (1, 18)').run();
      raw.prepare('DELETE FROM journal WHERE id <= 18').run();
      raw.close();
    };
    const unsigned = kioskWithJournal(3);
    wipe(unsigned.file);
    const unkeyed = verifyCommand(unsigned.dir, [unsigned.anchor]);
    expect(unkeyed.code).toBe(3);
    expect(unkeyed.out).toContain('cannot be checked, retention removed rows up to 18 on 2026-11-03');

    const keyDir = tempDir();
    const key = loadJournalKey(join(keyDir, journalKeyFileName), true);
    if (key.state !== 'ready') throw new Error('no key');
    const signed = kioskWithJournal(3, key.key);
    wipe(signed.file);
    const keyed = verifyCommand(signed.dir, [signed.anchor], [`--key=${key.file}`]);
    expect(keyed.code).toBe(1);
    expect(keyed.out).toContain("the retention record that removed rows up to it is not signed with this site's key");
  });

  it("refuses an anchor whose MAC this kiosk's key did not make", () => {
    const keyDir = tempDir();
    const key = loadJournalKey(join(keyDir, journalKeyFileName), true);
    if (key.state !== 'ready') throw new Error('no key');
    const { dir, anchor } = kioskWithJournal(2, key.key);
    expect(anchor.mac).toMatch(/^[0-9a-f]{16}$/);
    expect(verifyCommand(dir, [anchor], [`--key=${key.file}`]).code).toBe(0);
    const moved = { rows: anchor.rows - 1, hash: '0'.repeat(16), mac: anchor.mac };
    expect(verifyCommand(dir, [moved], [`--key=${key.file}`]).out).toContain('this kiosk never wrote it down');
  });

  it("keeps passing the kiosk's own retention, and says an anchor older than the cut cannot be checked", () => {
    const { dir, file, anchor } = kioskWithJournal(3);
    const { db } = openStateDb(file, createMemoryLogger());
    const journal = createJournal(db, () => Date.parse('2026-12-20T10:00:00Z'));
    journal.append({ event: 'admin.action', action: 'mediator.created' });
    expect(applyRetention(db, 30, () => Date.parse('2026-12-20T10:00:00Z'), journal)).toEqual({ removed: 18 });
    const after = journal.anchor();
    db.close();
    const result = verifyCommand(dir, [after]);
    expect(result.code).toBe(0);
    const older = verifyCommand(dir, [anchor]);
    expect(older.code).toBe(3);
    expect(older.out).toContain('retention removed rows up to 18 on 2026-12-20');
  });

  it("accepts the kiosk's own signed retention cut and the signed head after it", () => {
    const key = loadJournalKey(join(tempDir(), journalKeyFileName), true);
    if (key.state !== 'ready') throw new Error('no key');
    const { dir, file } = kioskWithJournal(3, key.key);
    const { db } = openStateDb(file, createMemoryLogger());
    const journal = createJournal(db, () => Date.parse('2026-12-20T10:00:00Z'), { key: key.key });
    expect(applyRetention(db, 30, () => Date.parse('2026-12-20T10:00:00Z'), journal)).toEqual({ removed: 18 });
    expect(journal.rows().at(-1)).toMatchObject({ event: 'journal.retention', detail: expect.stringMatching(/^18:[0-9a-f]{16}$/) });
    const after = journal.anchor();
    db.close();
    const result = verifyCommand(dir, [after], [`--key=${key.file}`]);
    expect(result.out).toContain(`Anchor ${formatAnchor(after)}: intact`);
    expect(result.code).toBe(0);
  });
});

describe("the kiosk's check at start", () => {
  it('says "no anchor yet", then intact, then broken since the row a rebuilt chain changed', () => {
    const { dir, file } = kioskWithJournal(2);
    const { db } = openStateDb(file, createMemoryLogger());
    const journal = createJournal(db);
    const check = () => createJournalCheck({ journal, dataDir: dir, key: null, signing: 'off' }).run();
    expect(check()).toMatchObject({ check: { verdict: 'no-anchor', upTo: 12 }, walked: 'full', checkpoint: { rows: 12 } });
    expect(statSync(join(dir, journalHeadFileName)).mode & 0o777).toBe(0o600);
    journal.append({ event: 'admin.action', action: 'mediator.created' });
    expect(check()).toMatchObject({ check: { verdict: 'intact', upTo: 13 }, walked: 'incremental' });
    // The minute's check keeps the new head on disk but leaves the published verdict and checkpoint (printed on
    // slips, in /api/health) where they were: they must not follow each visitor's rows.
    const checker = createJournalCheck({ journal, dataDir: dir, key: null, signing: 'off' });
    expect(checker.run(true).checkpoint?.rows).toBe(13);
    journal.append({ event: 'admin.action', action: 'mediator.reset' });
    expect(checker.run(false)).toMatchObject({ check: { verdict: 'intact', upTo: 13 }, checkpoint: { rows: 13 } });
    expect(JSON.parse(readFileSync(join(dir, journalHeadFileName), 'utf8'))).toMatchObject({ rows: 14 });
    db.close();
    // The attacker rebuilds the chain from row 5 on, same rows count.
    const raw = new Database(file);
    raw.exec('DROP TRIGGER journal_no_delete');
    const tail = raw.prepare<[], Record<string, string | number | null>>('SELECT * FROM journal WHERE id >= 5 ORDER BY id').all();
    raw.prepare('DELETE FROM journal WHERE id >= 5').run();
    for (const row of tail)
      forgeRow(raw, {
        event: String(row.event),
        detail: row.id === 5 ? 'code-expired' : (row.detail as string | null),
        at: String(row.at),
        accompaniment: row.accompaniment as string | null,
      });
    raw.close();
    const again = createJournal(openStateDb(file, createMemoryLogger()).db);
    const status = createJournalCheck({ journal: again, dataDir: dir, key: null, signing: 'off' }).run();
    expect(status.check).toEqual({ verdict: 'broken', since: 14, reason: 'rechained' });
    // The last good head stays on disk: the next start says the same.
    expect(createJournalCheck({ journal: again, dataDir: dir, key: null, signing: 'off' }).run().check).toEqual(status.check);
  });

  it('reports the verdict in /api/health, with a checkpoint head and the signing key made 0600 beside the config', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'renderer'));
    mkdirSync(join(dir, 'etc'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>');
    const log = createMemoryLogger();
    const config = {
      ...parseSiteConfig({ port: 0, journalSigning: true }, 'test', join(dir, 'data')),
      configFile: join(dir, 'etc', 'config.json'),
    };
    const start = async () => {
      const web = await runWebHost(config, { renderer: join(dir, 'renderer'), bundledPack: null }, log);
      running.push(web);
      return ((await (await fetch(new URL('/api/health', web.host.url))).json()) as KioskStatus).journal;
    };
    expect(await start()).toMatchObject({ check: { verdict: 'no-anchor', upTo: 0 }, signing: 'on', checkpoint: { rows: 0 } });
    const keyFile = join(dir, 'etc', journalKeyFileName);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const secret = readFileSync(keyFile, 'utf8').trim();
    await Promise.all(running.splice(0).map((r) => r.close()));
    expect(await start()).toMatchObject({ check: { verdict: 'intact' }, walked: 'incremental', signing: 'on' });
    await Promise.all(running.splice(0).map((r) => r.close()));
    // The key is in no log line and nowhere in the state DB.
    expect(JSON.stringify(log.lines)).not.toContain(secret);
    expect(readFileSync(join(dir, 'data', 'state.db')).includes(Buffer.from(secret))).toBe(false);
    // A row written, checked at the next start; then the state DB deleted: the kiosk starts on an empty journal, not silently.
    const { db } = openStateDb(join(dir, 'data', 'state.db'), createMemoryLogger());
    createJournal(db).append({ event: 'admin.action', action: 'mediator.created' });
    db.close();
    expect(await start()).toMatchObject({
      check: { verdict: 'intact', upTo: 1 },
      checkpoint: { rows: 1, mac: expect.stringMatching(/^[0-9a-f ]{19}$/) },
    });
    await Promise.all(running.splice(0).map((r) => r.close()));
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, 'data', `state.db${suffix}`), { force: true });
    expect(await start()).toMatchObject({ check: { verdict: 'broken', since: 1, reason: 'wiped' }, checkpoint: null });
  });

  it('stays fast on a long journal: it walks only the rows since the last verified head', () => {
    const dir = tempDir();
    const { db } = openStateDb(join(dir, 'state.db'), createMemoryLogger());
    const journal = createJournal(db);
    const fill = db.transaction((n: number) => {
      for (let i = 0; i < n; i++)
        journal.append({
          event: 'step.done',
          accompaniment: 'abcdefghijklmnop',
          journey: 'activer-mon-espace-sante',
          step: 'code',
          by: 'visitor',
        });
    });
    fill(100_000);
    const check = () => createJournalCheck({ journal, dataDir: dir, key: null, signing: 'off' }).run();
    const full = check();
    fill(200);
    const incremental = check();
    expect(full).toMatchObject({ walked: 'full', check: { verdict: 'no-anchor', upTo: 100_000 } });
    expect(incremental).toMatchObject({ walked: 'incremental', check: { verdict: 'intact', upTo: 100_200 } });
    console.log(
      `journal check on 100,000 rows: full walk ${full.milliseconds} ms, incremental (200 new rows) ${incremental.milliseconds} ms`,
    );
    expect(incremental.milliseconds).toBeLessThan(Math.max(50, full.milliseconds / 10));
    db.close();
  }, 120_000);
});

describe('coarse times', () => {
  it('stores journal events to the minute and ticket expiry to the day', async () => {
    const { file } = kioskWithJournal(0);
    const { db } = openStateDb(file, createMemoryLogger());
    const journal = createJournal(db, () => Date.parse('2026-11-02T09:41:37.512Z'));
    journal.append({ event: 'admin.action', action: 'mediator.created' });
    expect(journal.rows().at(-1)?.at).toBe('2026-11-02T09:41:00.000Z');
    const key = randomBytes(32);
    const steps = ['ouvrir-le-site', 'code', 'fin'];
    const shapes = async () => new Map([['activer-mon-espace-sante', { steps }]]);
    const tickets = createTickets(db, key, shapes, () => Date.parse('2026-11-02T09:41:37.512Z'));
    const { code } = tickets.create({ journey: 'activer-mon-espace-sante', steps, step: 'code' }, 30);
    expect(db.prepare('SELECT expires_at FROM resume_ticket WHERE code = ?').pluck().get(code)).toBe('2026-12-03T00:00:00.000Z');
    // Still valid on its last day, refused the day after.
    expect(await createTickets(db, key, shapes, () => Date.parse('2026-12-02T23:59:00Z')).use(code)).toMatchObject({
      journey: 'activer-mon-espace-sante',
    });
    db.close();
  });
});

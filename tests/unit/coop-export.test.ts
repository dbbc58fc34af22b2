// The activity report in La Coop's columns, against a fixture written by hand from the list of columns and
// values: one line per accompaniment even when a ticket resumed it another day with another mediator, the place
// from the configuration, labels and titles (never keys or ids), the phone for the carte Vitale app, the referral;
// the period and mediator filters through the admin's calls; "où les personnes bloquent" by month only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateDb } from '../../main/state/state-db';
import { createMemoryLogger } from '../../main/core/log';
import { createActivityViews } from '../../main/assisted/activity';
import { activityCalls } from '../../main/app/wire';
import { craColumns, craCsv } from '../../main/assisted/coop-export';
import { createJournal, type Journal } from '../../main/journal/journal';
import { useTempDir } from './temp-dir';
import type Database from 'better-sqlite3';
import type { AccompanimentOutcome } from '../../common/api/types';
import { createSessions } from '../../main/staff/sessions';
import { callsThrough } from './helpers/staff-call';

const tempDir = useTempDir();
const fixture = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'la-coop-export.csv'), 'utf8');
const place = { name: 'Médiathèque Jean Macé', address: '12 rue des Écoles', city: 'Lyon', postcode: '69001', insee: '69381' };
const titles: Record<string, string> = {
  'activer-mon-espace-sante': 'Activer Mon espace santé',
  'activer-mon-espace-sante/code-provisoire': 'Taper le code provisoire',
  'activer-appli-carte-vitale': "Activer l'appli carte Vitale",
};

/** The admin's figure calls through the real dispatch, with a live admin session. */
function callsOf(db: Database.Database) {
  const sessions = createSessions();
  const call = callsThrough(activityCalls(createActivityViews(db, { place, titles: async () => titles })), createMemoryLogger(), sessions);
  return { call, adminToken: sessions.open({ kind: 'admin' }) };
}

/** The journal rows the assisted service writes, at the times given (local times of the kiosk). */
function accompaniment(
  journal: Journal,
  at: (time: string) => void,
  a: { id: string; journey: string; mediator: number; start: string; end?: string; outcome?: AccompanimentOutcome; resumes?: string },
  steps: readonly ('visitor' | 'mediator')[],
  extra: (base: { accompaniment: string; journey: string }) => void = () => undefined,
) {
  const base = { accompaniment: a.id, journey: a.journey };
  at(a.start);
  journal.append({ ...base, event: 'accompaniment.start', role: 'volunteer' });
  journal.append({ ...base, event: 'accompaniment.with', mediatorId: String(a.mediator) });
  if (a.resumes) journal.append({ ...base, event: 'accompaniment.resumes', resumes: a.resumes });
  journal.append({ ...base, event: 'consent.given' });
  steps.forEach((by, n) => journal.append({ ...base, event: 'step.done', step: `s${n}`, by }));
  extra(base);
  if (a.end) {
    at(a.end);
    journal.append({ ...base, event: 'accompaniment.end', outcome: a.outcome ?? 'done' });
  }
}

function setUp() {
  const { db } = openStateDb(join(tempDir(), 'state.db'), createMemoryLogger());
  let clock = new Date();
  const journal = createJournal(db, () => clock.getTime());
  const at = (time: string) => void (clock = new Date(time));
  // Monday: Mon espace santé with mediator 1, blocked at the SMS; a ticket. The carte Vitale app, done by the
  // mediator on the visitor's phone, then sent to the Assurance Maladie.
  accompaniment(
    journal,
    at,
    {
      id: 'a1',
      journey: 'activer-mon-espace-sante',
      mediator: 1,
      start: '2026-03-02T09:00:00',
      end: '2026-03-02T09:20:00',
      outcome: 'blocked',
    },
    ['mediator', 'visitor'],
    (base) => {
      journal.append({ ...base, event: 'step.blocked', step: 'code-provisoire', reason: 'sms-not-received' });
      journal.append({ ...base, event: 'ticket.created', step: 'code-provisoire' });
    },
  );
  accompaniment(
    journal,
    at,
    {
      id: 'a3',
      journey: 'activer-appli-carte-vitale',
      mediator: 1,
      start: '2026-03-02T11:00:00',
      end: '2026-03-02T11:10:00',
      outcome: 'referred',
    },
    ['mediator', 'mediator'],
    (base) => journal.append({ ...base, event: 'accompaniment.redirected', to: 'operateur' }),
  );
  // A week later, mediator 2 resumes the first one from its ticket and finishes it in 25 minutes: still one line.
  accompaniment(
    journal,
    at,
    { id: 'a2', journey: 'activer-mon-espace-sante', mediator: 2, start: '2026-03-09T14:00:00', end: '2026-03-09T14:25:00', resumes: 'a1' },
    ['visitor', 'visitor', 'visitor'],
  );
  // Still going: no line yet.
  accompaniment(journal, at, { id: 'a4', journey: 'activer-mon-espace-sante', mediator: 2, start: '2026-03-09T15:00:00' }, ['visitor']);
  // A month later, blocked at the same step again, on its own.
  accompaniment(
    journal,
    at,
    {
      id: 'a5',
      journey: 'activer-mon-espace-sante',
      mediator: 2,
      start: '2026-04-01T10:00:00',
      end: '2026-04-01T10:05:00',
      outcome: 'blocked',
    },
    [],
    (base) => journal.append({ ...base, event: 'step.blocked', step: 'code-provisoire', reason: 'sms-not-received' }),
  );
  return { db, journal };
}

const withoutLast = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(0, 3)
    .join('\r\n');

describe('La Coop activity report', () => {
  it("has La Coop's columns and values, one line per accompaniment however often it was resumed", () => {
    const { db } = setUp();
    const csv = craCsv(db, place, (journey) => titles[journey] ?? journey, { to: '2026-03-31' });
    // A byte-order mark so that a French spreadsheet opens the accents right, then semicolons and CRLF.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.replace(/^\uFEFF/, '')).toBe(fixture);
    expect(fixture.split('\r\n')[0]?.split(';')).toEqual([...craColumns]);
    // No key or id leaks into the file: no journey slug, no "LieuActivite", no accompaniment id.
    expect(csv).not.toMatch(/activer-|LieuActivite|Sante;|a1|referred|volunteer/);
    db.close();
  });

  it("filters by period and by mediator in the admin's calls, and the printable list has the same lines", async () => {
    const { db } = setUp();
    const { call, adminToken } = callsOf(db);
    const linesOf = async (filter: { from?: string; to?: string; mediator?: number }) => {
      const answer = await call('admin.activityLines', { token: adminToken, ...filter });
      if (!answer.ok) throw new Error(answer.error);
      return answer.value.lines.map((cells) => `${cells[0]} ${cells[12]} ${cells[8]} min`);
    };
    expect(await linesOf({})).toEqual([
      '02/03/2026 Activer Mon espace santé 45 min',
      "02/03/2026 Activer l'appli carte Vitale 10 min",
      '01/04/2026 Activer Mon espace santé 5 min',
    ]);
    // Mediator 2 resumed the first one and did the April one: both are "theirs".
    expect(await linesOf({ mediator: 2 })).toEqual([
      '02/03/2026 Activer Mon espace santé 45 min',
      '01/04/2026 Activer Mon espace santé 5 min',
    ]);
    expect(await linesOf({ from: '2026-04-01', to: '2026-04-30' })).toEqual(['01/04/2026 Activer Mon espace santé 5 min']);
    expect(await linesOf({ mediator: 1, from: '2026-03-02', to: '2026-03-02' })).toHaveLength(2);
    const csv = await call('admin.activityCsv', { token: adminToken, to: '2026-03-31' });
    expect(csv.ok && withoutLast(csv.value.csv)).toBe(fixture.trimEnd());
    expect(await call('admin.activityLines', { token: 'B'.repeat(43) })).toEqual({ ok: false, error: 'admin.unauthorised' });
    db.close();
  });

  it('"où les personnes bloquent": journey, step, reason and count by month, with titles, and no finer date', async () => {
    const { db } = setUp();
    const { call, adminToken } = callsOf(db);
    const answer = await call('admin.stuckCsv', { token: adminToken });
    expect(answer.ok && answer.value.csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Mois;Démarche;Étape;Raison;Nombre',
      '2026-03;Activer Mon espace santé;Taper le code provisoire;SMS non reçu;1',
      '2026-04;Activer Mon espace santé;Taper le code provisoire;SMS non reçu;1',
      '',
    ]);
    const march = await call('admin.stuckCsv', { token: adminToken, from: '2026-03-01', to: '2026-03-31' });
    expect(march.ok && march.value.csv.split('\r\n')).toHaveLength(3);
    db.close();
  });
});

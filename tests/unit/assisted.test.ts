// An accompaniment through the shared dispatch: a mediator unlocks, starts a journey of the pack, records consent,
// steps (a secret one, a blocked one with its reason), makes a resume ticket, ends; another mediator resumes.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { journeyShapes } from '../../main/assisted/journey-shapes';
import { describe, expect, it } from 'vitest';
import { buildContentPack } from '../../build/scripts/content-build';
import { openStateDb } from '../../main/state/state-db';
import { createMemoryLogger } from '../../main/core/log';
import { activityFigures } from '../../main/assisted/activity';
import { accompanimentLines, stuckByMonth } from '../../main/assisted/coop-export';
import type { DecodedJournalRow } from '../../main/journal/events';
import { createAssistedService } from '../../main/assisted/accompaniments';
import { createContentService } from '../../main/content/content';
import { createJournal } from '../../main/journal/journal';
import { createMediatorService } from '../../main/staff/mediators';
import { createTickets } from '../../main/assisted/tickets';
import { useTempDir } from './temp-dir';
import type { InputOf } from '../../common/api/contract';
import { callsThrough } from './helpers/staff-call';
import { assistedCalls, contentCalls, mediatorCalls } from '../../main/app/wire';
import { createSessions } from '../../main/staff/sessions';

const tempDir = useTempDir();
const fixture = join(import.meta.dirname, '..', 'fixtures', 'content-mini');

async function setUp() {
  const dir = tempDir();
  const log = createMemoryLogger();
  const { db } = openStateDb(join(dir, 'state.db'), log);
  const pack = join(dir, 'pack');
  buildContentPack(fixture, pack);
  const content = createContentService({ dataDir: dir, bundledPackDir: pack, trust: { publicKeyPem: null }, log });
  const journal = createJournal(db);
  const sessions = createSessions();
  const adminToken = sessions.open({ kind: 'admin' });
  const mediators = createMediatorService({ db, journal, log, sessions });
  const tickets = createTickets(db, randomBytes(32), journeyShapes(content));
  const assisted = createAssistedService({ journal, tickets, content, endSession: mediators.end });
  const call = callsThrough({ ...contentCalls(content), ...mediatorCalls(mediators), ...assistedCalls(assisted) }, log, sessions);
  for (const [displayName, role] of [
    ['Sophie', 'volunteer'],
    ['Karim', 'professional'],
  ] as const)
    await call('admin.mediatorCreate', { token: adminToken, displayName, role, pin: '246810' });
  const unlock = async (id: number) => {
    const answer = (await call('mediator.unlock', { id, pin: '246810' })) as { ok: true; value: { token: string } };
    return answer.value.token;
  };
  return { db, journal, call, unlock, mediators, assisted, close: () => (content.close(), db.close()) };
}

describe('assisted mode', () => {
  it('journals a whole accompaniment with closed lists only, and resumes it from a ticket with another mediator', async () => {
    const { call, unlock, journal, db, close } = await setUp();
    const token = await unlock(1);
    const started = (await call('assisted.start', { token, journey: 'activer-le-compte' })) as {
      ok: true;
      value: { accompaniment: string };
    };
    const accompaniment = started.value.accompaniment;
    // Some events here are deliberately wrong: they go over the wire as the renderer would send them, unchecked.
    const record = (event: Record<string, unknown>) =>
      call('assisted.record', { token, accompaniment, ...event } as InputOf<'assisted.record'>);
    expect(await record({ event: 'consent.given' })).toEqual({ ok: true, value: { recorded: true } });
    expect(await record({ event: 'step', step: 'site', outcome: 'done', by: 'visitor' })).toEqual({ ok: true, value: { recorded: true } });
    expect(await record({ event: 'step.secret', step: 'code' })).toEqual({ ok: true, value: { recorded: true } });
    // A blocked step needs its reason, and has nobody who "did" it; a done step has no reason.
    expect(await record({ event: 'step', step: 'code', outcome: 'blocked' })).toMatchObject({ ok: false, error: 'api.invalidInput' });
    expect(await record({ event: 'step', step: 'code', outcome: 'blocked', by: 'visitor', reason: 'sms-not-received' })).toMatchObject({
      ok: false,
      error: 'api.invalidInput',
    });
    expect(await record({ event: 'step', step: 'code', outcome: 'done', by: 'visitor', reason: 'sms-not-received' })).toMatchObject({
      ok: false,
      error: 'api.invalidInput',
    });
    expect(await record({ event: 'step', step: 'code', outcome: 'blocked', reason: 'sms-not-received' })).toEqual({
      ok: true,
      value: { recorded: true },
    });
    // An ended step is not ended again: blocked then done would count it twice and hide the block.
    expect(await record({ event: 'step', step: 'code', outcome: 'done', by: 'visitor' })).toEqual({
      ok: false,
      error: 'assisted.stepAlreadyEnded',
    });
    // Free text and unknown steps are refused at the boundary.
    expect(await record({ event: 'step', step: 'code', outcome: 'blocked', reason: 'my code is 1234' })).toMatchObject({
      ok: false,
      error: 'api.invalidInput',
    });
    expect(await record({ event: 'step', step: 'no-such-step', outcome: 'done', by: 'visitor' })).toEqual({
      ok: false,
      error: 'content.notFound',
    });
    const ticket = (await call('assisted.ticketCreate', { token, accompaniment, step: 'code' })) as { ok: true; value: { code: string } };
    expect(await call('assisted.end', { token, accompaniment, outcome: 'blocked' })).toEqual({ ok: true, value: { ended: true } });
    expect(await record({ event: 'consent.given' })).toEqual({ ok: false, error: 'assisted.unknown' });

    expect(journal.rows().map((r) => [r.event, r.step, r.detail])).toEqual([
      ['admin.action', null, 'mediator.created'],
      ['admin.action', null, 'mediator.created'],
      ['mediator.unlock', null, 'volunteer'],
      ['accompaniment.start', null, 'volunteer'],
      ['accompaniment.with', null, '1'],
      ['consent.given', null, null],
      ['step.done', 'site', 'visitor'],
      ['step.secret', 'code', null],
      ['step.blocked', 'code', 'sms-not-received'],
      ['ticket.created', 'code', null],
      // The ticket's link (a keyed fingerprint that joins the parts of the accompaniment in merged figures), not its code.
      ['accompaniment.ticket', null, expect.stringMatching(/^[0-9a-f]{16}$/)],
      ['accompaniment.end', null, 'blocked'],
    ]);
    expect(JSON.stringify(journal.rows())).not.toContain(ticket.value.code.replace(/-/g, '').slice(0, 8));
    expect(activityFigures(db).stuck).toEqual([
      expect.objectContaining({ journey: 'activer-le-compte', step: 'code', reason: 'sms-not-received', count: 1 }),
    ]);

    // Another day, another mediator: the ticket gives the journey, the step, why it stopped and what came before, once.
    const other = await unlock(2);
    expect(await call('assisted.ticketUse', { token: other, code: ticket.value.code.toLowerCase() })).toMatchObject({
      ok: true,
      value: {
        journey: 'activer-le-compte',
        step: 'code',
        from: accompaniment,
        reason: 'sms-not-received',
        history: [{ step: 'site', outcome: 'done' }],
      },
    });
    expect(await call('assisted.ticketUse', { token: other, code: ticket.value.code })).toEqual({ ok: false, error: 'ticket.unknown' });
    expect(journal.verify().ok).toBe(true);
    close();
  });

  it('does nothing without an unlocked mediator, and only on journeys of the pack', async () => {
    const { call, unlock, close } = await setUp();
    expect(await call('assisted.start', { token: 'Z'.repeat(43), journey: 'activer-le-compte' })).toEqual({
      ok: false,
      error: 'mediator.locked',
    });
    const token = await unlock(1);
    expect(await call('assisted.start', { token, journey: 'medecin-traitant' })).toEqual({ ok: false, error: 'content.notFound' });
    await call('mediator.lock', { token });
    expect(await call('assisted.start', { token, journey: 'activer-le-compte' })).toEqual({ ok: false, error: 'mediator.locked' });
    close();
  });

  it('the end of the visit stops the open accompaniment and locks assisted mode, in the journal', async () => {
    const { call, unlock, journal, mediators, assisted, close } = await setUp();
    const token = await unlock(1);
    const started = (await call('assisted.start', { token, journey: 'activer-le-compte' })) as {
      ok: true;
      value: { accompaniment: string };
    };
    assisted.stopAll();
    mediators.lockAll();
    expect(await call('assisted.record', { token, accompaniment: started.value.accompaniment, event: 'consent.given' })).toEqual({
      ok: false,
      error: 'mediator.locked',
    });
    const rows = journal.rows();
    expect(rows.filter((r) => r.event === 'accompaniment.end').map((r) => r.detail)).toEqual(['stopped']);
    expect(rows.filter((r) => r.event === 'mediator.lock').map((r) => r.detail)).toEqual(['visit-end']);
    expect(journal.verify()).toMatchObject({ ok: true });
    close();
  });

  it('a visit cut by a crash or by idle time closes the open accompaniment with a ticket for its step, and says which', async () => {
    const { call, unlock, journal, assisted, db, close } = await setUp();
    const token = await unlock(1);
    const begin = async () => {
      const started = (await call('assisted.start', { token, journey: 'activer-le-compte' })) as {
        ok: true;
        value: { accompaniment: string };
      };
      const accompaniment = started.value.accompaniment;
      await call('assisted.record', { token, accompaniment, event: 'consent.given' });
      await call('assisted.record', { token, accompaniment, event: 'step', step: 'site', outcome: 'done', by: 'mediator' });
      // Waiting for the SMS at the code step: the wait is journaled with its kind, never with what arrives.
      expect(await call('assisted.record', { token, accompaniment, event: 'step.wait', step: 'code', what: 'sms' })).toEqual({
        ok: true,
        value: { recorded: true },
      });
      return accompaniment;
    };
    const crashed = await begin();
    assisted.stopAll('crash');
    const idled = await begin();
    assisted.stopAll('idle');
    const rows = journal.rows();
    expect(rows.filter((r) => r.event === 'step.wait').map((r) => [r.step, r.detail])).toEqual([
      ['code', 'sms'],
      ['code', 'sms'],
    ]);
    expect(rows.filter((r) => r.event === 'accompaniment.end').map((r) => [r.accompaniment, r.detail])).toEqual([
      [crashed, 'crash'],
      [idled, 'idle'],
    ]);
    expect(rows.filter((r) => r.event === 'ticket.created').map((r) => [r.accompaniment, r.step])).toEqual([
      [crashed, 'code'],
      [idled, 'code'],
    ]);
    // The crash's ticket is given once to the page that comes back (the idle one was on the page's own slip).
    const interrupted = await call('assisted.interrupted', {});
    expect(interrupted.ok && interrupted.value.tickets.map((t) => t.journey)).toEqual(['activer-le-compte']);
    expect(await call('assisted.interrupted', {})).toEqual({ ok: true, value: { tickets: [] } });
    // The tickets are real: each resumes at the code step and names the accompaniment it continues.
    const codes = db.prepare('SELECT code, accompaniment FROM resume_ticket ORDER BY accompaniment').all() as {
      code: string;
      accompaniment: string;
    }[];
    expect(codes.map((c) => c.accompaniment).sort()).toEqual([crashed, idled].sort());
    for (const { code, accompaniment } of codes)
      expect(await call('assisted.ticketUse', { token, code })).toMatchObject({
        ok: true,
        value: {
          journey: 'activer-le-compte',
          step: 'code',
          from: accompaniment,
          wait: 'sms',
          history: [{ step: 'site', outcome: 'done' }],
        },
      });
    close();
  });

  it('corrects the last ended step by appending an event: the figures and the stuck counts use the corrected outcome', async () => {
    const { call, unlock, journal, db, close } = await setUp();
    const token = await unlock(1);
    const started = (await call('assisted.start', { token, journey: 'activer-le-compte' })) as {
      ok: true;
      value: { accompaniment: string };
    };
    const accompaniment = started.value.accompaniment;
    const record = (event: Record<string, unknown>) =>
      call('assisted.record', { token, accompaniment, ...event } as InputOf<'assisted.record'>);
    await record({ event: 'consent.given' });
    await record({ event: 'step', step: 'site', outcome: 'blocked', reason: 'other' });
    // The mediator tapped "blocked" by mistake: the step is corrected to done by the visitor.
    expect(await record({ event: 'step.corrected', step: 'site', outcome: 'done', by: 'visitor' })).toEqual({
      ok: true,
      value: { recorded: true },
    });
    await record({ event: 'step', step: 'code', outcome: 'done', by: 'visitor' });
    // Only the last ended step can be corrected; a correction carries a closed-list value, never free text.
    expect(await record({ event: 'step.corrected', step: 'site', outcome: 'skipped', by: 'visitor' })).toEqual({
      ok: false,
      error: 'assisted.notLastStep',
    });
    expect(await record({ event: 'step.corrected', step: 'code', outcome: 'blocked', reason: 'typed text' })).toMatchObject({
      ok: false,
      error: 'api.invalidInput',
    });
    expect(await record({ event: 'step.corrected', step: 'code', outcome: 'done', by: 'mediator' })).toEqual({
      ok: true,
      value: { recorded: true },
    });
    await call('assisted.end', { token, accompaniment, outcome: 'done' });

    // Appended, never updated: the first endings are still there, the chain holds.
    const rows = journal.rows().filter((r) => r.accompaniment === accompaniment && r.step);
    expect(rows.map((r) => [r.event, r.step, r.detail])).toEqual([
      ['step.blocked', 'site', 'other'],
      ['step.corrected', 'site', 'done:visitor'],
      ['step.done', 'code', 'visitor'],
      ['step.corrected', 'code', 'done:mediator'],
    ]);
    expect(journal.verify()).toMatchObject({ ok: true });
    // Nobody is stuck at "site" any more, in the day figures or in the coordinator's months.
    expect(activityFigures(db).stuck).toEqual([]);
    expect(stuckByMonth(db)).toEqual([]);
    // La Coop's line: one step by the visitor, one by the mediator (the corrected actor), so "with guidance if needed".
    const decoded = db.prepare<[], DecodedJournalRow>('SELECT * FROM journal_decoded ORDER BY id').all();
    expect(accompanimentLines(decoded)).toMatchObject([{ byVisitor: 1, byMediator: 1, outcome: 'done' }]);
    expect(decoded.filter((r) => r.event === 'step.corrected').map((r) => [r.corrected_to, r.done_by, r.blocked_reason])).toEqual([
      ['done', 'visitor', null],
      ['done', 'mediator', null],
    ]);
    close();
  });

  it('a done step corrected to blocked counts as stuck, with its reason', async () => {
    const { call, unlock, db, close } = await setUp();
    const token = await unlock(1);
    const started = (await call('assisted.start', { token, journey: 'activer-le-compte' })) as {
      ok: true;
      value: { accompaniment: string };
    };
    const accompaniment = started.value.accompaniment;
    await call('assisted.record', { token, accompaniment, event: 'step', step: 'site', outcome: 'done', by: 'visitor' });
    await call('assisted.record', {
      token,
      accompaniment,
      event: 'step.corrected',
      step: 'site',
      outcome: 'blocked',
      reason: 'code-expired',
    });
    await call('assisted.end', { token, accompaniment, outcome: 'blocked' });
    expect(activityFigures(db).stuck).toMatchObject([{ journey: 'activer-le-compte', step: 'site', reason: 'code-expired', count: 1 }]);
    close();
  });

  it('ends, as a crash, an accompaniment a previous run of the kiosk left open', async () => {
    const { db, journal, close } = await setUp();
    journal.append({ event: 'accompaniment.start', accompaniment: 'left-open', journey: 'activer-le-compte', role: 'volunteer' });
    journal.append({ event: 'accompaniment.start', accompaniment: 'ended', journey: 'activer-le-compte', role: 'volunteer' });
    journal.append({ event: 'accompaniment.end', accompaniment: 'ended', journey: 'activer-le-compte', outcome: 'done' });
    // The kiosk starts again on the same state DB.
    createAssistedService({
      journal: createJournal(db),
      tickets: createTickets(db, randomBytes(32), async () => new Map()),
      content: { item: () => ({ ok: false, error: 'content.notFound' }) },
      endSession: () => undefined,
    });
    const ends = journal.rows().filter((r) => r.event === 'accompaniment.end');
    expect(ends.map((r) => [r.accompaniment, r.detail])).toEqual([
      ['ended', 'done'],
      ['left-open', 'crash'],
    ]);
    expect(journal.verify()).toMatchObject({ ok: true });
    close();
  });
});

// Opens everything the kiosk serves (state DB, services) for either host, and closes it again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../common/api/contract';
import type { SiteConfig } from '../core/config';
import { openStateDb } from '../state/state-db';
import type { Logger } from '../core/log';
import { createAdminService } from '../staff/admin';
import { createContentService } from '../content/content';
import { applyRetention, createActivityViews } from '../assisted/activity';
import { createAssistedService } from '../assisted/accompaniments';
import { createJournal } from '../journal/journal';
import { createJournalCheck } from '../journal/journal-check';
import { headText } from '../journal/anchor';
import { journalKeyFile, loadJournalKey } from '../journal/journal-key';
import { createTickets } from '../assisted/tickets';
import { loadTicketKey } from '../assisted/site-key';
import { journeyShapes } from '../assisted/journey-shapes';
import { createMediatorService } from '../staff/mediators';
import { createKioskEvents } from '../kiosk/kiosk-events';
import { createKioskService } from '../kiosk/kiosk';
import { publicSettingsOf } from '../kiosk/settings';
import { createContentPoller } from '../content/content-poller';
import { effectiveConfig } from '../kiosk/config-view';
import { createSessions } from '../staff/sessions';
import { createSetupCode } from '../staff/setup-code';
import { pendingJobs } from '../kiosk/print-queue';
import { createKioskVoice } from '../speech/kiosk-voice';
import type { HostPort } from './host-port';
import { fail } from '../../common/api/result';
import type { VisitEndReason } from '../../common/api/types';
import {
  activityCalls,
  adminCalls,
  assistedCalls,
  contentCalls,
  kioskCalls,
  mediatorCalls,
  printQueueCalls,
  speechCalls,
  visitCalls,
} from './wire';
import { createPrintBudget } from '../../common/kiosk/print-budget';

export interface OpenKioskOptions {
  readonly config: SiteConfig;
  readonly host: HostPort;
  readonly version: string;
  readonly log: Logger;
  readonly nativeBinding?: string;
  /** Folder of the content pack shipped with the app (dist/content), or null. */
  readonly bundledPackDir: string | null;
}

export function openKiosk(options: OpenKioskOptions) {
  const { config, log } = options;
  const stateDbFile = join(config.dataDir, 'state.db');
  const { db, status: stateDb } = openStateDb(stateDbFile, log, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const events = createKioskEvents(db);
  if (stateDb.status === 'recovered') events.record('stateDb.recovered', `moved aside to ${stateDb.movedAsideTo}`);

  const publicKeyPem = config.contentPublicKey ? readFileSync(config.contentPublicKey, 'utf8') : null;
  // Packs in the data folder always need a signature, unless a developer relaxed it: then it is said at every start.
  const trust = {
    publicKeyPem,
    allowUnsigned: config.allowUnsignedPacks,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  if (config.allowUnsignedPacks) log.warn('content.unsignedPacksAllowed', { note: 'development flag: never on a public kiosk' });
  const content = createContentService({
    dataDir: config.dataDir,
    bundledPackDir: options.bundledPackDir,
    trust,
    log,
    officialDomains: config.officialDomains,
  });
  // New packs from the site's update source (a folder or a web server), checked with the same key.
  const poller = config.contentUpdate ? createContentPoller({ ...config.contentUpdate, dataDir: config.dataDir, trust, log }) : null;
  poller?.start();
  // The journal, signed with the site's key when the configuration asks for it (the key never reaches the log).
  const journalKey = config.journalSigning ? loadJournalKey(journalKeyFile(config.configFile), true) : ({ state: 'off' } as const);
  if (journalKey.state === 'unavailable') log.error('journal.keyUnavailable', { why: journalKey.why });
  if (journalKey.state === 'ready' && journalKey.created) log.info('journal.keyCreated', {});
  const key = journalKey.state === 'ready' ? journalKey.key : null;
  const journal = createJournal(db, undefined, { key });
  // Checked against the head verified at the last start, kept outside the DB; the verdict is in /api/health.
  const journalCheck = createJournalCheck({
    journal,
    dataDir: config.dataDir,
    key,
    keyIsNew: journalKey.state === 'ready' && journalKey.created,
    signing: journalKey.state === 'ready' ? 'on' : journalKey.state,
  });
  let brokenSaid = false;
  const checkJournal = (publish: boolean) => {
    try {
      const { check, milliseconds, walked } = journalCheck.run(publish);
      if (check.verdict !== 'broken') {
        if (publish) log.info('journal.checked', { verdict: check.verdict, milliseconds, walked });
      } else if (!brokenSaid) {
        brokenSaid = true;
        log.error('journal.broken', { since: check.since, reason: check.reason });
        events.record('journal.broken', `since row ${check.since}: ${check.reason}`);
      }
    } catch {
      log.error('journal.checkFailed', {});
    }
  };
  checkJournal(true);
  const kiosk = createKioskService({
    contentPack: () => content.manifest()?.version ?? null,
    contentProblem: content.problem,
    contentUpdate: () => poller?.status() ?? null,
    contentSignatures: config.allowUnsignedPacks ? 'not-required' : 'required',
    version: options.version,
    host: options.host.kind,
    stateDb,
    events,
    log,
    startedAt: new Date(),
    journal: journalCheck.status,
  });
  // One table of staff sessions; a mediator's session that ends by its idle window goes in the journal.
  const sessions = createSessions({
    onIdleEnd: (principal) => {
      if (principal.kind === 'mediator') journal.append({ event: 'mediator.lock', cause: 'idle' });
    },
  });
  const admin = createAdminService({
    db,
    sessions,
    // After a recovery the DB is empty: setup is open again, but only with the code from the kiosk's disk.
    setupCode: createSetupCode(config.dataDir, log),
    recovery: stateDb.lastRecovery,
    content,
    log,
    ...(options.host.closeApp ? { closeKiosk: options.host.closeApp } : {}),
  });
  const mediators = createMediatorService({ db, journal, log, sessions });
  // The site's ticket key (beside the configuration, the same on each kiosk of the site), or this kiosk's own.
  const ticketKey = loadTicketKey(config);
  if (!ticketKey.shared) log.info('tickets.kioskKey', {});
  const tickets = createTickets(db, ticketKey.key, journeyShapes(content));
  tickets.purgeExpired();
  const assisted = createAssistedService({
    journal,
    tickets,
    content,
    endSession: mediators.end,
    ticketDays: config.ticketDays,
  });
  // Journal details older than the site's retention become day totals: at start, then every six hours.
  const retain = () => {
    try {
      const { removed } = applyRetention(db, config.retentionDays, undefined, journal);
      if (removed > 0) log.info('journal.retention', { removed, days: config.retentionDays });
    } catch {
      log.error('journal.retentionFailed', {});
    }
  };
  // Every minute the rows since the kept head are checked and the head kept again (a timer runs between transactions,
  // so it only ever sees committed rows); every six hours the published checkpoint moves too.
  const keepHead = setInterval(() => checkJournal(false), 60_000);
  keepHead.unref();
  const recheck = setInterval(() => checkJournal(true), 6 * 3_600_000);
  recheck.unref();
  retain();
  const retention = setInterval(retain, 6 * 3_600_000);
  retention.unref();
  const activity = createActivityViews(db, {
    place: {
      name: config.siteName,
      address: config.siteAddress,
      city: config.siteCity,
      postcode: config.sitePostcode,
      insee: config.siteInsee,
    },
    // The French titles of journeys and steps ("journey/step"), for the admin's tables and La Coop's lines.
    titles: async (journeys) => {
      const titles: Record<string, string> = {};
      for (const id of journeys) {
        const item = content.item('fr', id);
        if (!item.ok) continue;
        titles[id] = item.value.title;
        if (item.value.kind === 'journey') for (const step of item.value.body.steps) titles[`${id}/${step.id}`] = step.title;
      }
      return titles;
    },
    exportDir: join(config.dataDir, 'exports'),
    journal: { head: () => headText(journal.anchor()), status: journalCheck.status },
  });
  const prints = createPrintBudget();
  // The voice installed with the app, for languages the platform has no good voice for.
  const speech = createKioskVoice({ locales: config.locales, log });
  // The end of a visit, composed once for both hosts: the accompaniment ends, assisted mode locks (the next
  // visitor starts alone), the host wipes the visitor's browser data, and the log keeps the reason only.
  const endVisit = async (reason: VisitEndReason): Promise<void> => {
    prints.reset();
    assisted.stopAll(reason);
    mediators.lockAll();
    await options.host.wipeVisit();
    log.info('visit.ended', { reason });
  };
  const handlers: Handlers = {
    ...kioskCalls({
      kiosk,
      settings: publicSettingsOf(config, options.host),
      effectiveConfig: effectiveConfig(config),
    }),
    ...printQueueCalls(pendingJobs),
    ...contentCalls(content),
    ...adminCalls(admin),
    ...mediatorCalls(mediators),
    ...assistedCalls(assisted),
    ...activityCalls(activity),
    ...speechCalls(speech),
    ...visitCalls({
      end: endVisit,
      // Silent prints are counted per visit: a visitor pressing "print" in a loop would empty the paper tray.
      print: async () => {
        if (!prints.take()) return fail('print.limit');
        const printed = await options.host.print();
        // A host that cannot print (the browser kiosk: the page prints itself and counts its own) used none of them.
        if (!printed.ok && printed.error === 'print.unavailable') prints.giveBack();
        return printed;
      },
      openOfficial: (url, bounds) => options.host.openOfficial(url, bounds),
      closeOfficial: () => options.host.closeOfficial(),
    }),
  };
  log.info('kiosk.opened', { host: options.host.kind, stateDb: stateDb.status, schema: stateDb.schemaVersion });

  return {
    handlers,
    endVisit,
    sessions,
    status: () => ({ ...kiosk.status(), speech: speech.status() }),
    events,
    stateDbFile,
    /** The automatic content updates, when configured (tests and the admin's tools check now). */
    contentPoller: poller,
    close: () => {
      clearInterval(retention);
      clearInterval(recheck);
      clearInterval(keepHead);
      // The head at closing is kept too: rows removed from the end while the kiosk is stopped are found at start.
      checkJournal(false);
      poller?.stop();
      content.close();
      db.close();
    },
  };
}

export type OpenedKiosk = ReturnType<typeof openKiosk>;

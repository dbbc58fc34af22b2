// Opens everything the kiosk serves (state DB, services) for either host, and closes it again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../common/api/contract';
import type { SiteConfig } from '../core/config';
import { openStateDb } from '../state/state-db';
import type { Logger } from '../core/log';
import { createAdminService } from '../staff/admin';
import { createContentService } from '../content/content';
import { applyRetention, createActivityHandlers } from '../assisted/activity';
import { createAssistedService } from '../assisted/accompaniments';
import { createJournal } from '../journal/journal';
import { createTickets } from '../assisted/tickets';
import { loadTicketKey } from '../assisted/site-key';
import { journeyShapes } from '../assisted/journey-shapes';
import { createMediatorService } from '../staff/mediators';
import { createKioskEvents } from '../kiosk/kiosk-events';
import { createKioskService } from '../kiosk/kiosk';
import { createSettingsService } from '../kiosk/settings';
import { createContentPoller } from '../content/content-poller';
import { createConfigView } from '../kiosk/config-view';
import { createSessions } from '../staff/sessions';
import { createSetupCode } from '../staff/setup-code';
import { createPrintQueueHandlers } from '../kiosk/print-queue';
import type { HostPort } from './host-port';
import { fail, ok } from '../../common/api/result';
import type { JourneyBody } from '../../common/api/types';
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
  });
  const settings = createSettingsService(config, options.host.kind);
  const journal = createJournal(db);
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
    content: content.handlers,
    log,
    ...(options.host.closeApp ? { closeKiosk: options.host.closeApp } : {}),
  });
  const mediators = createMediatorService({ db, journal, log, sessions });
  // The site's ticket key (beside the configuration, the same on each kiosk of the site), or this kiosk's own.
  const ticketKey = loadTicketKey(config);
  if (!ticketKey.shared) log.info('tickets.kioskKey', {});
  const tickets = createTickets(db, ticketKey.key, journeyShapes(content.handlers));
  tickets.purgeExpired();
  const assisted = createAssistedService({
    journal,
    tickets,
    content: content.handlers,
    endSession: mediators.end,
    ticketDays: config.ticketDays,
  });
  // Journal details older than the site's retention become day totals: at start, then every six hours.
  const retain = () => {
    try {
      const { removed } = applyRetention(db, config.retentionDays);
      if (removed > 0) log.info('journal.retention', { removed, days: config.retentionDays });
    } catch {
      log.error('journal.retentionFailed', {});
    }
  };
  retain();
  const retention = setInterval(retain, 6 * 3_600_000);
  retention.unref();
  const activity = createActivityHandlers(db, {
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
        const item = await content.handlers['content.item']({ locale: 'fr', id });
        if (!item.ok) continue;
        titles[id] = item.value.title;
        if (item.value.kind === 'journey')
          for (const step of (item.value.body as JourneyBody).steps) titles[`${id}/${step.id}`] = step.title;
      }
      return titles;
    },
    exportDir: join(config.dataDir, 'exports'),
  });
  const prints = createPrintBudget();
  const handlers: Handlers = {
    ...kiosk.handlers,
    ...settings.handlers,
    ...content.handlers,
    ...admin.handlers,
    ...mediators.handlers,
    ...assisted.handlers,
    ...activity,
    ...createConfigView(config).handlers,
    ...createPrintQueueHandlers(),
    // The end of a visit, composed once for both hosts: the accompaniment ends, assisted mode locks (the next
    // visitor starts alone), the host wipes the visitor's browser data, and the log keeps the reason only.
    'kiosk.endVisit': async ({ reason }) => {
      prints.reset();
      assisted.stopAll(reason);
      mediators.lockAll();
      await options.host.wipeVisit();
      log.info('visit.ended', { reason });
      return ok({ wiped: true as const });
    },
    // Silent prints are counted per visit: a visitor pressing "print" in a loop would empty the paper tray.
    'kiosk.print': async () => {
      if (!prints.take()) return fail('print.limit');
      const printed = await options.host.print();
      // A host that cannot print (the browser kiosk: the page prints itself and counts its own) used none of them.
      if (!printed.ok && printed.error === 'print.unavailable') prints.giveBack();
      return printed;
    },
    'kiosk.officialOpen': ({ url, bounds }) => options.host.openOfficial(url, bounds),
    'kiosk.officialClose': () => {
      options.host.closeOfficial();
      return ok({ closed: true as const });
    },
  };
  log.info('kiosk.opened', { host: options.host.kind, stateDb: stateDb.status, schema: stateDb.schemaVersion });

  return {
    handlers,
    sessions,
    status: kiosk.status,
    events,
    stateDbFile,
    /** The automatic content updates, when configured (tests and the admin's tools check now). */
    contentPoller: poller,
    close: () => {
      clearInterval(retention);
      poller?.stop();
      content.close();
      db.close();
    },
  };
}

export type OpenedKiosk = ReturnType<typeof openKiosk>;

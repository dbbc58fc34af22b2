// Opens everything the kiosk serves (state DB, services) for either host, and closes it again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../api/contract';
import type { HostKind, JourneyBody } from '../api/types';
import type { SiteConfig } from '../config';
import { openStateDb } from '../db/state-db';
import type { Logger } from '../log';
import { createAdminService } from './admin';
import { createContentService } from './content';
import { applyRetention, createActivityHandlers } from './activity';
import { createAssistedService } from './assisted';
import { createJournal } from './journal';
import { createTickets } from './tickets';
import { createMediatorService } from './mediators';
import { createKioskEvents } from './kiosk-events';
import { createKioskService } from './kiosk';
import { createSettingsService } from './settings';
import { createContentPoller } from './content-poller';
import { createConfigView } from './config-view';
import { createPrintQueueHandlers } from './print-queue';

export interface OpenKioskOptions {
  readonly config: SiteConfig;
  readonly host: HostKind;
  readonly version: string;
  readonly log: Logger;
  readonly nativeBinding?: string;
  /** Folder of the content pack shipped with the app (dist/content), or null. */
  readonly bundledPackDir: string | null;
  /** How this host closes the kiosk app when staff ask to (the staff exit). */
  readonly closeKiosk?: () => void;
}

export function openKiosk(options: OpenKioskOptions) {
  const { config, log } = options;
  const stateDbFile = join(config.dataDir, 'state.db');
  const { db, status: stateDb } = openStateDb(stateDbFile, log, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const events = createKioskEvents(db);
  if (stateDb.status === 'recovered') events.record('stateDb.recovered', `moved aside to ${stateDb.movedAsideTo}`);

  const publicKeyPem = config.contentPublicKey ? readFileSync(config.contentPublicKey, 'utf8') : null;
  const content = createContentService({
    dataDir: config.dataDir,
    bundledPackDir: options.bundledPackDir,
    trust: { publicKeyPem, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) },
    log,
  });
  // New packs from the site's update source (a folder or a web server), checked with the same key.
  const updateTrust = { publicKeyPem, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
  const poller = config.contentUpdate
    ? createContentPoller({ ...config.contentUpdate, dataDir: config.dataDir, trust: updateTrust, log })
    : null;
  poller?.start();
  const kiosk = createKioskService({
    contentPack: () => content.manifest()?.version ?? null,
    contentProblem: content.problem,
    contentUpdate: () => poller?.status() ?? null,
    version: options.version,
    host: options.host,
    stateDb,
    events,
    log,
    startedAt: new Date(),
  });
  const settings = createSettingsService(config, options.host);
  const admin = createAdminService({
    db,
    content: content.handlers,
    log,
    ...(options.closeKiosk ? { closeKiosk: options.closeKiosk } : {}),
  });
  const journal = createJournal(db);
  const mediators = createMediatorService({ db, journal, log, isAdmin: admin.authorised });
  const tickets = createTickets(db);
  tickets.purgeExpired();
  const assisted = createAssistedService({
    journal,
    tickets,
    content: content.handlers,
    session: mediators.session,
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
    isAdmin: admin.authorised,
    place: {
      name: config.siteName,
      address: config.siteAddress,
      city: config.siteCity,
      postcode: config.sitePostcode,
      insee: config.siteInsee,
    },
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
  const handlers: Handlers = {
    ...kiosk.handlers,
    ...settings.handlers,
    ...content.handlers,
    ...admin.handlers,
    ...mediators.handlers,
    ...assisted.handlers,
    ...activity,
    ...createConfigView(config, admin.authorised).handlers,
    ...createPrintQueueHandlers(),
    // The end of a visit also ends the accompaniment and locks assisted mode: the next visitor starts alone.
    'kiosk.endVisit': (input) => {
      assisted.stopAll(input.reason);
      mediators.lockAll();
      return kiosk.handlers['kiosk.endVisit'](input);
    },
  };
  log.info('kiosk.opened', { host: options.host, stateDb: stateDb.status, schema: stateDb.schemaVersion });

  return {
    handlers,
    status: kiosk.status,
    events,
    stateDbFile,
    close: () => {
      clearInterval(retention);
      poller?.stop();
      content.close();
      db.close();
    },
  };
}

export type OpenedKiosk = ReturnType<typeof openKiosk>;

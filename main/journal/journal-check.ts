// The kiosk's own check of its journal, at start, every minute, and when it closes: against the head it verified
// last time, kept outside the state DB (journal-head.json in the data folder, signed with the site's journal key when
// there is one). Only the rows written since are walked, so start stays fast on a long journal; a chain rebuilt
// further back changes the kept head's hash and is found all the same, and rows removed from the end while the kiosk
// was stopped fall short of the kept head. The verdict goes to /api/health and the admin area, with a checkpoint
// head that moves only at start and every few hours (`publish`): slips print it, so it must not follow each visit.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalStatus, JournalVerdict } from '../../common/api/types';
import { headMac, headText, sameMac, type Anchor } from './anchor';
import { journalTime, type Journal } from './journal';
import { systemClock, type Clock } from '../core/clock';

export const journalHeadFileName = 'journal-head.json';

export interface JournalCheckOptions {
  readonly journal: Pick<Journal, 'checkSince' | 'verify' | 'head'>;
  readonly dataDir: string;
  readonly key: Buffer | null;
  readonly signing: JournalStatus['signing'];
  /** The key was made at this start: a head kept before it has no MAC yet, and is accepted once. */
  readonly keyIsNew?: boolean;
  readonly now?: Clock;
}

type Kept = { readonly state: 'none' } | { readonly state: 'bad' } | { readonly state: 'ok'; readonly head: Anchor };

function readKept(file: string, key: Buffer | null, keyIsNew: boolean): Kept {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { state: 'none' } : { state: 'bad' };
  }
  const { rows, hash, mac } = (raw ?? {}) as Record<string, unknown>;
  if (typeof rows !== 'number' || !Number.isSafeInteger(rows) || rows < 0) return { state: 'bad' };
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return { state: 'bad' };
  const head: Anchor = { rows, hash, ...(typeof mac === 'string' ? { mac } : {}) };
  if (key && !(head.mac ? sameMac(head.mac, headMac(key, head)) : keyIsNew)) return { state: 'bad' };
  return { state: 'ok', head };
}

function keep(file: string, head: Anchor, at: string): void {
  const temporary = `${file}.new`;
  writeFileSync(temporary, `${JSON.stringify({ ...head, checkedAt: at })}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

export function createJournalCheck(options: JournalCheckOptions) {
  const file = join(options.dataDir, journalHeadFileName);
  const now = options.now ?? systemClock;
  let keyIsNew = options.keyIsNew ?? false;
  let status: JournalStatus | null = null;

  /**
   * Checks the rows written since the kept head (all of them the first time) and keeps the new head when intact;
   * `publish` also moves the checkpoint that /api/health and printed slips show.
   */
  const run = (publish = true): JournalStatus => {
    const started = performance.now();
    const kept = readKept(file, options.key, keyIsNew);
    let check: JournalVerdict;
    let walked: JournalStatus['walked'] = 'incremental';
    if (kept.state === 'ok') check = options.journal.checkSince(kept.head);
    // The kept head was changed, or lost its MAC: `since` 0 says the head file itself, not a row, is wrong.
    else if (kept.state === 'bad') check = { verdict: 'broken', since: 0, reason: 'anchor-not-issued' };
    else {
      walked = 'full';
      const chain = options.journal.verify();
      check = chain.ok
        ? { verdict: 'no-anchor', upTo: options.journal.head().rows }
        : { verdict: 'broken', since: chain.since ?? chain.firstBrokenId, reason: chain.kind ?? 'changed' };
    }
    const at = journalTime(new Date(now()));
    const head = options.journal.head();
    const signed: Anchor = options.key ? { ...head, mac: headMac(options.key, head) } : head;
    // A broken journal keeps the last good head on disk: the evidence stays until the admin has looked.
    if (check.verdict !== 'broken') {
      if (kept.state !== 'ok' || kept.head.rows !== head.rows || kept.head.hash !== head.hash) keep(file, signed, at);
      keyIsNew = false;
    }
    // Between published checks, only a break is said: a verdict whose row count followed each minute would tell
    // anyone polling /api/health when visitors were served.
    if (!publish && status && check.verdict !== 'broken') return status;
    status = {
      check,
      checkedAt: at,
      milliseconds: Math.round(performance.now() - started),
      walked,
      checkpoint: check.verdict === 'broken' ? null : headText(signed),
      signing: options.signing,
    };
    return status;
  };

  return {
    file,
    run,
    /** The last check's result (running it the first time). */
    status: (): JournalStatus => status ?? run(),
  };
}

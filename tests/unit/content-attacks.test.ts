// Attacks on content packs from the security review (issue 14, section 4), each as someone with a stick or a web
// server would try it: an older pack with a valid signature, an unsigned pack in the data folder, a manifest too large,
// a malformed but signed pack, and a signed pack carrying a look-alike address.
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../../build/content/sign';
import { buildContentPack } from '../../build/scripts/content-build';
import type { JourneyBody } from '../../common/api/types';
import { manifestFileName, signatureFileName } from '../../common/content/pack-format';
import { parseSiteConfig } from '../../main/core/config';
import { createMemoryLogger } from '../../main/core/log';
import { createContentService } from '../../main/content/content';
import { openContentPack } from '../../main/content/content-pack';
import { createContentPoller } from '../../main/content/content-poller';
import { installPackFromFolder, packDirs, rollbackPack } from '../../main/content/content-updates';
import { runWebHost } from '../../main/hosts/web/run-web-host';
import { alterSignedPack, buildSignedPack, miniContent } from './signed-pack';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const keys = generateSigningKeys();
const trust = { publicKeyPem: keys.publicKeyPem };
/** Packs built one after the other, as a publisher releases them: each later one is newer. */
const releases = (n: number) => Array.from({ length: n }, () => buildSignedPack(join(tempDir(), 'release'), keys.privateKeyPem));
const installedSha = (dataDir: string) => openContentPack(packDirs(dataDir).current, trust).manifest.sha256;
const shaOf = (dir: string) => openContentPack(dir, trust).manifest.sha256;

describe('an older pack with a valid signature', () => {
  it('is refused: only a newer pack replaces the installed one', async () => {
    const [older, newer] = releases(2) as [string, string];
    const dataDir = tempDir();
    const log = createMemoryLogger();
    expect((await installPackFromFolder(newer, dataDir, trust, log)).ok).toBe(true);
    expect(await installPackFromFolder(older, dataDir, trust, log)).toMatchObject({ ok: false, error: 'content.packNotNewer' });
    // The same pack again is not newer either.
    expect(await installPackFromFolder(newer, dataDir, trust, log)).toMatchObject({ ok: false, error: 'content.packNotNewer' });
    expect(installedSha(dataDir)).toBe(shaOf(newer));
  });

  it("stays out after the admin's --rollback: the next automatic check does not bring the rolled-back pack again", async () => {
    const [first, second, third] = releases(3) as [string, string, string];
    const dataDir = tempDir();
    const log = createMemoryLogger();
    const stick = join(tempDir(), 'stick');
    const publish = (release: string) => {
      rmSync(stick, { recursive: true, force: true });
      cpSync(release, stick, { recursive: true });
    };
    const poller = createContentPoller({ source: stick, intervalMinutes: 60, dataDir, trust, log });
    publish(first);
    expect(await poller.checkNow()).toMatchObject({ outcome: 'installed' });
    publish(second);
    expect(await poller.checkNow()).toMatchObject({ outcome: 'installed' });

    expect(rollbackPack(dataDir, log)).toBe(true);
    expect(installedSha(dataDir)).toBe(shaOf(first));
    // The stick still holds the pack the admin went back from: a restarted kiosk (a new poller) checks it too.
    for (const checker of [poller, createContentPoller({ source: stick, intervalMinutes: 60, dataDir, trust, log })]) {
      expect(await checker.checkNow()).toMatchObject({ outcome: 'refused', problem: 'content.packRolledBack' });
      expect(installedSha(dataDir)).toBe(shaOf(first));
    }
    // A newer pack (the publisher's fix) is installed as usual.
    publish(third);
    expect(await poller.checkNow()).toMatchObject({ outcome: 'installed' });
    expect(installedSha(dataDir)).toBe(shaOf(third));
  });
});

describe('going back by hand', () => {
  it('renaming current and previous, as docs/deploy.md describes, is not undone by the next automatic check', async () => {
    const [first, second] = releases(2) as [string, string];
    const dataDir = tempDir();
    const log = createMemoryLogger();
    const poller = createContentPoller({ source: second, intervalMinutes: 60, dataDir, trust, log });
    expect((await installPackFromFolder(first, dataDir, trust, log)).ok).toBe(true);
    expect(await poller.checkNow()).toMatchObject({ outcome: 'installed' });
    const dirs = packDirs(dataDir);
    renameSync(dirs.current, join(dirs.root, 'bad'));
    renameSync(dirs.previous, dirs.current);
    expect(await createContentPoller({ source: second, intervalMinutes: 60, dataDir, trust, log }).checkNow()).toMatchObject({
      outcome: 'refused',
      problem: 'content.packRolledBack',
    });
    expect(installedSha(dataDir)).toBe(shaOf(first));
  });
});

describe('the pack shipped with the app', () => {
  it('is served when an update of the app brought one newer than the installed pack, and not when it is older', async () => {
    const shippedDir = (sequence: number) => {
      const dir = join(tempDir(), 'shipped');
      buildContentPack(miniContent, dir, { sequence });
      return dir;
    };
    const dataDir = tempDir();
    expect(
      (
        await installPackFromFolder(
          buildSignedPack(join(tempDir(), 'stick'), keys.privateKeyPem, 2_000),
          dataDir,
          trust,
          createMemoryLogger(),
        )
      ).ok,
    ).toBe(true);
    const servedSequence = (bundledPackDir: string) => {
      const service = createContentService({ dataDir, bundledPackDir, trust, log: createMemoryLogger() });
      const sequence = service.manifest()?.sequence;
      service.close();
      return sequence;
    };
    expect(servedSequence(shippedDir(3_000))).toBe(3_000);
    expect(servedSequence(shippedDir(1_000))).toBe(2_000);
  });
});

describe('signatures', () => {
  it('an unsigned pack in the data folder is not served when no key is configured; the shipped pack is', async () => {
    const dataDir = tempDir();
    const shipped = join(tempDir(), 'shipped');
    buildContentPack(miniContent, shipped);
    // A pack with another text, unsigned, put where installed packs live.
    const planted = join(tempDir(), 'planted');
    buildContentPack(miniContent, planted);
    alterSignedPack(planted, keys.privateKeyPem, (db) => db.exec("UPDATE item SET title = 'Appelez le 08 99 00 00 00'"));
    rmSync(join(planted, signatureFileName));
    mkdirSync(packDirs(dataDir).root, { recursive: true });
    cpSync(planted, packDirs(dataDir).current, { recursive: true });

    const log = createMemoryLogger();
    const service = createContentService({ dataDir, bundledPackDir: shipped, trust: { publicKeyPem: null }, log });
    const titles = async () => {
      const result = await service.needs('fr');
      return result.ok ? result.value.flatMap((n) => n.items.map((i) => i.title)) : [];
    };
    expect(await titles()).not.toContain('Appelez le 08 99 00 00 00');
    expect(await titles()).toHaveLength(3);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ event: 'content.packSkipped', fields: { problem: 'content.packUnsigned' } }),
    );
    service.close();

    // The development flag serves it, and says so.
    const relaxed = createContentService({ dataDir, bundledPackDir: shipped, trust: { publicKeyPem: null, allowUnsigned: true }, log });
    const first = await relaxed.needs('fr');
    expect(first.ok && first.value.flatMap((n) => n.items.map((i) => i.title))).toContain('Appelez le 08 99 00 00 00');
    relaxed.close();
  });

  it('the development flag that relaxes them is said loudly: in the log at start and in /api/health', async () => {
    const health = async (config: Record<string, unknown>) => {
      const dir = tempDir();
      const renderer = join(dir, 'renderer');
      mkdirSync(renderer);
      writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>kiosk</title>');
      const log = createMemoryLogger();
      const web = await runWebHost(
        parseSiteConfig({ port: 0, ...config }, 'test', join(dir, 'data')),
        { renderer, bundledPack: null },
        log,
      );
      try {
        const status = (await (await fetch(new URL('/api/health', web.host.url))).json()) as Record<string, unknown>;
        return {
          signatures: status.contentSignatures,
          warned: log.lines.some((l) => l.level === 'warn' && l.event === 'content.unsignedPacksAllowed'),
        };
      } finally {
        await web.close();
      }
    };
    expect(await health({})).toEqual({ signatures: 'required', warned: false });
    expect(await health({ allowUnsignedPacks: true })).toEqual({ signatures: 'not-required', warned: true });
  });
});

describe('sizes', () => {
  it('refuses a manifest larger than 64 KiB in a folder before parsing it', async () => {
    const [release] = releases(1) as [string];
    writeFileSync(join(release, manifestFileName), `${' '.repeat(200_000)}{}`);
    const log = createMemoryLogger();
    expect(await installPackFromFolder(release, tempDir(), trust, log)).toMatchObject({ ok: false, error: 'content.packTooLarge' });
  });
});

describe('a malformed but signed pack', () => {
  it('is refused at install, and the previous pack keeps serving', async () => {
    const [good, bad] = releases(2) as [string, string];
    alterSignedPack(bad, keys.privateKeyPem, (db) => {
      db.prepare("UPDATE item SET data = ? WHERE kind = 'journey' AND locale = 'fr'").run(JSON.stringify({ steps: 'oops' }));
    });
    const dataDir = tempDir();
    const log = createMemoryLogger();
    expect((await installPackFromFolder(good, dataDir, trust, log)).ok).toBe(true);
    expect(await installPackFromFolder(bad, dataDir, trust, log)).toMatchObject({ ok: false, error: 'content.packCorrupt' });
    expect(installedSha(dataDir)).toBe(shaOf(good));
  });

  it('with a place or a list of sources that is not what the screens read, is refused too', async () => {
    for (const edit of [
      'UPDATE place SET data = \'{"name": 3}\'',
      'UPDATE item SET sources = \'"https://www.ameli.fr/"\' WHERE rowid = 1',
      'UPDATE item SET data = \'{"blocks": [{"type": "script", "text": "x"}]}\' WHERE kind = \'topic\' AND rowid = 1',
    ]) {
      const [bad] = releases(1) as [string];
      alterSignedPack(bad, keys.privateKeyPem, (db) => db.exec(edit));
      expect(await installPackFromFolder(bad, tempDir(), trust, createMemoryLogger()), edit).toMatchObject({
        ok: false,
        error: 'content.packCorrupt',
      });
    }
  });
});

describe('addresses in a signed pack', () => {
  it('a look-alike address is neither given as the official site nor kept as a source; an official one is', async () => {
    const [release] = releases(1) as [string];
    alterSignedPack(release, keys.privateKeyPem, (db) => {
      const row = db
        .prepare<[], { rowid: number; data: string }>("SELECT rowid, data FROM item WHERE kind = 'journey' AND locale = 'fr'")
        .get();
      if (!row) throw new Error('the fixture has a journey');
      const body = JSON.parse(row.data) as { steps: { url?: string }[] };
      body.steps[0]!.url = 'https://ameli-fr.example/connexion';
      body.steps[1]!.url = 'https://www.ameli.fr/assure/connexion';
      db.prepare('UPDATE item SET data = ?, sources = ? WHERE rowid = ?').run(
        JSON.stringify(body),
        JSON.stringify(['https://www.ameli.fr.example/', 'https://www.ameli.fr/']),
        row.rowid,
      );
    });
    const dataDir = tempDir();
    expect((await installPackFromFolder(release, dataDir, trust, createMemoryLogger())).ok).toBe(true);
    const item = async (officialDomains: string[]) => {
      const service = createContentService({ dataDir, bundledPackDir: null, trust, log: createMemoryLogger(), officialDomains });
      const result = await service.item('fr', 'activer-le-compte');
      service.close();
      if (!result.ok) throw new Error(result.error);
      return { urls: (result.value.body as JourneyBody).steps.map((s) => s.url ?? null), sources: result.value.sources };
    };
    expect(await item([])).toEqual({ urls: [null, 'https://www.ameli.fr/assure/connexion'], sources: ['https://www.ameli.fr/'] });
    // A site may add a domain of its own in its configuration.
    expect((await item(['ameli-fr.example'])).urls[0]).toBe('https://ameli-fr.example/connexion');
  });
});

// Automatic content updates: a kiosk polls a real web server on 127.0.0.1 (with ETag and Last-Modified, as a static
// server or a CDN sends them) or a folder, installs a signed pack, answers "not modified" cheaply, and keeps its pack
// when a new one is corrupt or signed by someone else.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSigningKeys, signPack } from '../../build/content/sign';
import { manifestFileName, packFileName, signatureFileName } from '../../common/content/pack-format';
import { createMemoryLogger } from '../../main/core/log';
import { openContentPack } from '../../main/content/content-pack';
import { createContentPoller, firstCheckDelayMs, nextCheckDelayMs } from '../../main/content/content-poller';
import { packDirs } from '../../main/content/content-updates';
import { buildSignedPack } from './signed-pack';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const keys = generateSigningKeys();
const trust = { publicKeyPem: keys.publicKeyPem };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

interface Published {
  readonly url: string;
  /** Requests per file name, and how many were answered 304. */
  readonly hits: Map<string, number>;
  notModified: number;
}

/** A static server for the files in `dir`, with validators: ETag from the content, Last-Modified from the file. */
async function publish(dir: string): Promise<Published> {
  const published: Published = { url: '', hits: new Map(), notModified: 0 };
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').replace(/^\/packs\//, '');
    published.hits.set(name, (published.hits.get(name) ?? 0) + 1);
    let body: Buffer;
    try {
      body = readFileSync(join(dir, name));
    } catch {
      return void res.writeHead(404).end();
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const lastModified = statSync(join(dir, name)).mtime.toUTCString();
    if (req.headers['if-none-match'] === etag) {
      published.notModified += 1;
      return void res.writeHead(304, { ETag: etag }).end();
    }
    res.writeHead(200, { 'Content-Length': body.length, ETag: etag, 'Last-Modified': lastModified }).end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(published, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/packs/` });
}

const installedVersion = (dataDir: string) => openContentPack(packDirs(dataDir).current, trust).manifest.version;
const publishedVersion = (dir: string) => (JSON.parse(readFileSync(join(dir, manifestFileName), 'utf8')) as { version: string }).version;

/** Replaces the published pack with a freshly built one (another version), atomically enough for a test. */
function republish(site: string, build: (dir: string) => void) {
  const next = join(tempDir(), 'next');
  build(next);
  rmSync(site, { recursive: true, force: true });
  cpSync(next, site, { recursive: true });
}

describe('the content poller', () => {
  it('installs a signed pack from a web server, then gets "not modified" for a few bytes', async () => {
    const site = buildSignedPack(join(tempDir(), 'site'), keys.privateKeyPem);
    const server = await publish(site);
    const dataDir = tempDir();
    const poller = createContentPoller({ source: server.url, intervalMinutes: 60, dataDir, trust, log: createMemoryLogger() });

    expect(await poller.checkNow()).toMatchObject({ outcome: 'installed', installed: publishedVersion(site) });
    expect(installedVersion(dataDir)).toBe(publishedVersion(site));
    expect(await poller.checkNow()).toMatchObject({ outcome: 'not-modified' });
    expect(server.notModified).toBe(1);
    // The pack itself was fetched once only.
    expect(server.hits.get(packFileName)).toBe(1);
    expect(poller.status()).toMatchObject({
      source: server.url,
      lastOutcome: 'not-modified',
      lastProblem: null,
      lastInstalled: publishedVersion(site),
    });
  });

  it('finds the installed pack up to date without downloading it when the server sends no validators it can reuse', async () => {
    const site = buildSignedPack(join(tempDir(), 'site'), keys.privateKeyPem);
    const server = await publish(site);
    const dataDir = tempDir();
    const log = createMemoryLogger();
    await createContentPoller({ source: server.url, intervalMinutes: 60, dataDir, trust, log }).checkNow();
    // A kiosk that restarted has forgotten the ETag: it compares the manifest with its installed pack.
    expect(await createContentPoller({ source: server.url, intervalMinutes: 60, dataDir, trust, log }).checkNow()).toMatchObject({
      outcome: 'up-to-date',
    });
    expect(server.hits.get(packFileName)).toBe(1);
  });

  it('refuses a corrupt pack and one signed with another key, keeping the previous pack, then takes a good one', async () => {
    const site = buildSignedPack(join(tempDir(), 'site'), keys.privateKeyPem);
    const server = await publish(site);
    const dataDir = tempDir();
    const poller = createContentPoller({ source: server.url, intervalMinutes: 60, dataDir, trust, log: createMemoryLogger() });
    await poller.checkNow();
    const first = installedVersion(dataDir);

    republish(site, (dir) => {
      buildSignedPack(dir, keys.privateKeyPem);
      const pack = readFileSync(join(dir, packFileName));
      pack.fill(7, 4096, 4196);
      writeFileSync(join(dir, packFileName), pack);
    });
    expect(await poller.checkNow()).toEqual({ outcome: 'refused', problem: 'content.packCorrupt', installed: null });
    expect(installedVersion(dataDir)).toBe(first);

    republish(site, (dir) => buildSignedPack(dir, generateSigningKeys().privateKeyPem));
    expect(await poller.checkNow()).toMatchObject({ outcome: 'refused', problem: 'content.packSignatureMismatch' });
    republish(site, (dir) => {
      buildSignedPack(dir, keys.privateKeyPem);
      rmSync(join(dir, signatureFileName));
    });
    expect(await poller.checkNow()).toMatchObject({ outcome: 'refused', problem: 'content.packUnsigned' });
    expect(installedVersion(dataDir)).toBe(first);
    expect(poller.status()).toMatchObject({ lastOutcome: 'refused', lastProblem: 'content.packUnsigned' });

    republish(site, (dir) => buildSignedPack(dir, keys.privateKeyPem));
    expect(await poller.checkNow()).toMatchObject({ outcome: 'installed', installed: publishedVersion(site) });
    expect(installedVersion(dataDir)).not.toBe(first);
    // The pack it replaced is kept for a rollback.
    expect(openContentPack(packDirs(dataDir).previous, trust).manifest.version).toBe(first);
  });

  it('keeps its pack when the server is down, and says so', async () => {
    const site = buildSignedPack(join(tempDir(), 'site'), keys.privateKeyPem);
    const server = await publish(site);
    const dataDir = tempDir();
    const poller = createContentPoller({ source: server.url, intervalMinutes: 60, dataDir, trust, log: createMemoryLogger() });
    await poller.checkNow();
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
    expect(await poller.checkNow()).toEqual({ outcome: 'unreachable', problem: 'content.updateUnreachable', installed: null });
    expect(installedVersion(dataDir)).toBe(publishedVersion(site));
  });

  it('polls a folder (a USB stick) the same way, and a missing stick is only "unreachable"', async () => {
    const stick = join(tempDir(), 'stick');
    const dataDir = tempDir();
    const poller = createContentPoller({ source: stick, intervalMinutes: 60, dataDir, trust, log: createMemoryLogger() });
    expect(await poller.checkNow()).toMatchObject({ outcome: 'unreachable' });
    buildSignedPack(stick, keys.privateKeyPem);
    expect(await poller.checkNow()).toMatchObject({ outcome: 'installed', installed: publishedVersion(stick) });
    expect(await poller.checkNow()).toMatchObject({ outcome: 'up-to-date' });
    signPack(stick, generateSigningKeys().privateKeyPem);
    writeFileSync(
      join(stick, manifestFileName),
      readFileSync(join(stick, manifestFileName), 'utf8').replace(/"sha256": "[0-9a-f]+"/, `"sha256": "${'0'.repeat(64)}"`),
    );
    expect(await poller.checkNow()).toMatchObject({ outcome: 'refused' });
    expect(installedVersion(dataDir)).toBeTruthy();
  });

  it('does not try a refused manifest again until it changes, and a pack that did not match only after a back-off', async () => {
    const stick = join(tempDir(), 'stick');
    const dataDir = tempDir();
    const log = createMemoryLogger();
    let clock = Date.parse('2026-11-30T08:00:00Z');
    const poller = createContentPoller({ source: stick, intervalMinutes: 60, dataDir, trust, log, now: () => clock });
    const attempts = () => log.lines.filter((l) => l.event === 'content.updateRefused').length;

    buildSignedPack(stick, generateSigningKeys().privateKeyPem);
    for (let i = 0; i < 3; i++)
      expect(await poller.checkNow()).toMatchObject({ outcome: 'refused', problem: 'content.packSignatureMismatch' });
    expect(attempts()).toBe(1);
    // The publisher signs the same manifest again with the right key: the signature changed, so it is tried.
    signPack(stick, keys.privateKeyPem);
    expect(await poller.checkNow()).toMatchObject({ outcome: 'installed' });

    // A newer pack whose file is damaged (same size): refused, then left alone until the back-off has passed.
    republish(stick, (dir) => buildSignedPack(dir, keys.privateKeyPem));
    const good = readFileSync(join(stick, packFileName));
    const damaged = Buffer.from(good);
    damaged.fill(7, 4096, 4196);
    writeFileSync(join(stick, packFileName), damaged);
    const before = attempts();
    expect(await poller.checkNow()).toMatchObject({ outcome: 'refused', problem: 'content.packCorrupt' });
    clock += 30 * 60_000;
    expect(await poller.checkNow()).toMatchObject({ outcome: 'refused', problem: 'content.packCorrupt' });
    expect(attempts()).toBe(before + 1);
    // The copy onto the stick has finished: after one interval it is tried again and installed.
    writeFileSync(join(stick, packFileName), good);
    clock += 31 * 60_000;
    expect(await poller.checkNow()).toMatchObject({ outcome: 'installed', installed: publishedVersion(stick) });
  });

  it('refuses a manifest larger than 64 KiB from a web server without asking for the pack', async () => {
    const site = buildSignedPack(join(tempDir(), 'site'), keys.privateKeyPem);
    writeFileSync(join(site, manifestFileName), `${' '.repeat(100_000)}${readFileSync(join(site, manifestFileName), 'utf8')}`);
    const server = await publish(site);
    const poller = createContentPoller({ source: server.url, intervalMinutes: 60, dataDir: tempDir(), trust, log: createMemoryLogger() });
    expect(await poller.checkNow()).toMatchObject({ outcome: 'refused', problem: 'content.packTooLarge' });
    expect(server.hits.get(packFileName)).toBeUndefined();
  });

  it('spreads its checks: the first within a minute of start, then the interval give or take 10 %', () => {
    expect(firstCheckDelayMs(() => 0)).toBe(5_000);
    expect(firstCheckDelayMs(() => 1)).toBe(60_000);
    expect(nextCheckDelayMs(360, () => 0)).toBe(19_440_000);
    expect(nextCheckDelayMs(360, () => 1)).toBe(23_760_000);
    expect(nextCheckDelayMs(360, () => 0.5)).toBe(360 * 60_000);
  });

  it('serves a fleet: 50 kiosks poll one server, each installs the pack once, then all get "not modified"', async () => {
    const site = buildSignedPack(join(tempDir(), 'site'), keys.privateKeyPem);
    const server = await publish(site);
    const kiosks = Array.from({ length: 50 }, () => {
      const dataDir = tempDir();
      return {
        dataDir,
        poller: createContentPoller({ source: server.url, intervalMinutes: 60, dataDir, trust, log: createMemoryLogger() }),
      };
    });
    const first = await Promise.all(kiosks.map((k) => k.poller.checkNow()));
    expect(first.every((r) => r.outcome === 'installed')).toBe(true);
    const second = await Promise.all(kiosks.map((k) => k.poller.checkNow()));
    expect(second.every((r) => r.outcome === 'not-modified')).toBe(true);
    expect(server.hits.get(packFileName)).toBe(50);
    expect(server.notModified).toBe(50);
    expect(new Set(kiosks.map((k) => installedVersion(k.dataDir)))).toEqual(new Set([publishedVersion(site)]));
  });
});

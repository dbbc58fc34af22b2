import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../../build/content/sign';
import { packFileName } from '../../common/content/pack-format';
import { createMemoryLogger } from '../../main/core/log';
import { openContentPack } from '../../main/content/content-pack';
import { installPackFromUrl, packDirs } from '../../main/content/content-updates';
import { buildSignedPack } from './signed-pack';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const keys = generateSigningKeys();
const trust = { publicKeyPem: keys.publicKeyPem };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A static file server on loopback, like a site's web server or CDN publishing packs; `alter` can damage a file. */
async function publish(dir: string, alter: (name: string, body: Buffer) => Buffer = (_n, b) => b): Promise<string> {
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').replace(/^\/packs\//, '');
    try {
      const body = alter(name, readFileSync(join(dir, name)));
      res.writeHead(200, { 'Content-Length': body.length }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/packs/`;
}

const signedPack = () => buildSignedPack(join(tempDir(), 'published'), keys.privateKeyPem);

describe('content updates from a web server', () => {
  it('downloads, checks and installs a signed pack', async () => {
    const dataDir = tempDir();
    const result = await installPackFromUrl(await publish(signedPack()), dataDir, trust, createMemoryLogger());
    expect(result.ok).toBe(true);
    expect(openContentPack(packDirs(dataDir).current, trust).manifest.counts.fr?.topics).toBe(2);
  });

  it('refuses a pack altered on the way, and keeps the current one', async () => {
    const dataDir = tempDir();
    const log = createMemoryLogger();
    const good = await installPackFromUrl(await publish(signedPack()), dataDir, trust, log);
    const tampered = await publish(signedPack(), (name, body) =>
      name === packFileName ? Buffer.concat([body.subarray(0, 5000), Buffer.alloc(100, 1), body.subarray(5100)]) : body,
    );
    expect(await installPackFromUrl(tampered, dataDir, trust, log)).toMatchObject({ ok: false, error: 'content.packCorrupt' });
    expect(openContentPack(packDirs(dataDir).current, trust).manifest.sha256).toBe(good.ok ? good.manifest.sha256 : 'none');
  });

  it('refuses plain HTTP to another machine, an unreachable server and a pack too large', async () => {
    const dataDir = tempDir();
    const log = createMemoryLogger();
    expect(await installPackFromUrl('http://packs.example.org/', dataDir, trust, log)).toEqual({
      ok: false,
      error: 'content.updateUrlInvalid',
    });
    expect(await installPackFromUrl('ftp://127.0.0.1/', dataDir, trust, log)).toEqual({ ok: false, error: 'content.updateUrlInvalid' });
    const empty = await publish(join(tempDir(), 'nothing'));
    expect(await installPackFromUrl(empty, dataDir, trust, log)).toMatchObject({ ok: false, error: 'content.updateUnreachable' });
    expect(log.lines.map((l) => l.fields.why).filter(Boolean)).toEqual(['missing']);
    // A pack larger than the kiosk accepts is refused on its signed manifest, before a byte of it is asked for.
    const hits: string[] = [];
    const large = await publish(signedPack(), (name, body) => {
      hits.push(name);
      return body;
    });
    expect(await installPackFromUrl(large, dataDir, trust, log, { maxPackBytes: 10_000 })).toMatchObject({
      ok: false,
      error: 'content.packTooLarge',
    });
    expect(hits).not.toContain(packFileName);
  });

  it('stops reading a pack that goes on past the size its signed manifest gives, and installs nothing', async () => {
    const site = signedPack();
    const bytes = (JSON.parse(readFileSync(join(site, 'content-pack.manifest.json'), 'utf8')) as { bytes: number }).bytes;
    let sent = 0;
    const server = createServer((req, res) => {
      const name = (req.url ?? '/').replace(/^\/packs\//, '');
      if (name !== packFileName) return void res.writeHead(200).end(readFileSync(join(site, name)));
      // No Content-Length, and no end: a server (or a proxy) that streams without limit.
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed && sent < 2 * 1024 ** 3) res.once('drain', pump);
      };
      pump();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/packs/`;
    const dataDir = tempDir();
    expect(await installPackFromUrl(url, dataDir, trust, createMemoryLogger())).toMatchObject({ ok: false, error: 'content.packCorrupt' });
    // What was sent beyond the pack's size is what sat in buffers when the kiosk hung up.
    expect(sent).toBeLessThan(bytes + 16 * 1024 * 1024);
    expect(existsSync(packDirs(dataDir).current)).toBe(false);
  });
});

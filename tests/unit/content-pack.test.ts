import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateSigningKeys, signPack } from '../../build/content/sign';
import { manifestFileName, packFileName, signatureFileName } from '../../common/content/pack-format';
import { createMemoryLogger } from '../../main/core/log';
import { openContentPack } from '../../main/content/content-pack';
import { installPackFromFolder, packDirs, rollbackPack } from '../../main/content/content-updates';
import { buildSignedPack, miniContent as fixture } from './signed-pack';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const keys = generateSigningKeys();
const trust = { publicKeyPem: keys.publicKeyPem };

const signedPack = () => buildSignedPack(join(tempDir(), 'stick'), keys.privateKeyPem);

describe('content pack checks', () => {
  let pack: string;
  beforeEach(() => {
    pack = signedPack();
  });

  it('opens a signed pack read-only and reports its manifest', () => {
    const opened = openContentPack(pack, trust);
    expect(opened.manifest.counts.fr).toEqual({ topics: 2, journeys: 1, glossary: 2 });
    expect(() => opened.db.exec('DELETE FROM item')).toThrow(/readonly/);
    opened.db.close();
  });

  it('refuses an unsigned pack', () => {
    rmSync(join(pack, signatureFileName));
    expect(() => openContentPack(pack, trust)).toThrow(/content\.packUnsigned/);
  });

  it('refuses a pack signed with another key', () => {
    signPack(pack, generateSigningKeys().privateKeyPem);
    expect(() => openContentPack(pack, trust)).toThrow(/content\.packSignatureMismatch/);
  });

  it('refuses a pack whose manifest was edited after signing', () => {
    const file = join(pack, manifestFileName);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"topics": 2', '"topics": 3'));
    expect(() => openContentPack(pack, trust)).toThrow(/content\.packSignatureMismatch/);
  });

  it('refuses a tampered pack file', () => {
    const file = join(pack, packFileName);
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('Allez au guichet'));
    bytes.write('Allez au casino!', at);
    writeFileSync(file, bytes);
    expect(() => openContentPack(pack, trust)).toThrow(/content\.packCorrupt: the pack file does not match/);
  });

  it('refuses a pack whose languages are interleaved, which search could not read by range', () => {
    const file = join(pack, packFileName);
    const db = new Database(file);
    const [fr, en] = [
      db.prepare("SELECT min(rowid) FROM item WHERE locale = 'fr'").pluck().get(),
      db.prepare("SELECT min(rowid) FROM item WHERE locale = 'en'").pluck().get(),
    ];
    db.prepare("UPDATE item SET locale = 'x' WHERE rowid = ?").run(fr);
    db.prepare("UPDATE item SET locale = 'fr' WHERE rowid = ?").run(en);
    db.prepare("UPDATE item SET locale = 'en' WHERE rowid = ?").run(fr);
    db.close();
    const manifestFile = join(pack, manifestFileName);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') }));
    expect(() => openContentPack(pack, { publicKeyPem: null, allowUnsigned: true })).toThrow(/not consecutive/);
  });

  it('refuses a truncated pack file', () => {
    truncateSync(join(pack, packFileName), 4096);
    expect(() => openContentPack(pack, trust)).toThrow(/content\.packCorrupt/);
  });
});

describe('content updates', () => {
  it('installs a good pack, keeps the previous one, and can roll back', async () => {
    const dataDir = tempDir();
    const log = createMemoryLogger();
    const first = await installPackFromFolder(signedPack(), dataDir, trust, log);
    expect(first.ok).toBe(true);
    const second = await installPackFromFolder(signedPack(), dataDir, trust, log);
    expect(second.ok).toBe(true);
    const dirs = packDirs(dataDir);
    expect(openContentPack(dirs.current, trust).manifest.sha256).toBe(second.ok ? second.manifest.sha256 : '');
    expect(rollbackPack(dataDir, log)).toBe(true);
    expect(openContentPack(dirs.current, trust).manifest.sha256).toBe(first.ok ? first.manifest.sha256 : '');
  });

  it('refuses a bad pack, logs why, and the current pack keeps serving', async () => {
    const dataDir = tempDir();
    const log = createMemoryLogger();
    const good = await installPackFromFolder(signedPack(), dataDir, trust, log);
    const current = openContentPack(packDirs(dataDir).current, trust);

    const bad = signedPack();
    truncateSync(join(bad, packFileName), 1000);
    expect(await installPackFromFolder(bad, dataDir, trust, log)).toMatchObject({ ok: false, error: 'content.packCorrupt' });
    const unsigned = signedPack();
    rmSync(join(unsigned, signatureFileName));
    expect(await installPackFromFolder(unsigned, dataDir, trust, log)).toMatchObject({ ok: false, error: 'content.packUnsigned' });

    expect(current.db.prepare('SELECT count(*) FROM item').pluck().get()).toBe(9);
    current.db.close();
    expect(openContentPack(packDirs(dataDir).current, trust).manifest.sha256).toBe(good.ok ? good.manifest.sha256 : 'none');
    expect(log.lines.filter((l) => l.event === 'content.updateRefused').map((l) => l.fields.problem)).toEqual([
      'content.packCorrupt',
      'content.packUnsigned',
    ]);
  });

  it('keeps a copy of the stick, so a file changed after the check cannot slip in', async () => {
    const dataDir = tempDir();
    const stick = signedPack();
    await installPackFromFolder(stick, dataDir, trust, createMemoryLogger());
    cpSync(join(fixture, 'lieux.yaml'), join(stick, packFileName));
    expect(openContentPack(packDirs(dataDir).current, trust).manifest.counts.fr?.topics).toBe(2);
  });
});

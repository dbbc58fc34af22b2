// A pack is checked row by row once per file: the kiosk keeps the SHA-256 of each pack it checked in its data folder,
// and the next start opens the same file without reading every row. The hash is taken from the file at every open, so
// a pack changed by one byte (even re-signed) is checked in full again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../../build/content/sign';
import { checkedPacksIn } from '../../main/content/checked-packs';
import { ContentPackError, openContentPack } from '../../main/content/content-pack';
import { installPackFromFolder } from '../../main/content/content-updates';
import { createMemoryLogger } from '../../main/core/log';
import { manifestFileName } from '../../common/content/pack-format';
import { alterSignedPack, buildSignedPack } from './signed-pack';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const keys = generateSigningKeys();
const trust = { publicKeyPem: keys.publicKeyPem };
/** A row holding markup where nodes belong: what the row-by-row check refuses. */
const badRow = `UPDATE item SET data = '{"blocks": [{"type": "paragraph", "lines": ["La **carte**."]}]}' WHERE kind = 'topic' AND rowid = 1`;
const refusal = (open: () => unknown) => {
  try {
    open();
    return null;
  } catch (error) {
    return error instanceof ContentPackError ? error.problem : String(error);
  }
};

describe('checking a pack once per file', () => {
  it('keeps the checksum of a pack it checked, in the data folder, for the next start', () => {
    const dataDir = tempDir();
    const pack = buildSignedPack(join(tempDir(), 'pack'), keys.privateKeyPem);
    const opened = openContentPack(pack, trust, undefined, checkedPacksIn(dataDir));
    opened.db.close();
    expect(JSON.parse(readFileSync(join(dataDir, 'content-checked.json'), 'utf8'))).toEqual([opened.manifest.sha256]);
    // The next start reads the list from the disk.
    expect(checkedPacksIn(dataDir).has(opened.manifest.sha256)).toBe(true);
  });

  it('lists a pack installed while the kiosk runs, so the service opens it without checking its rows a second time', async () => {
    const dataDir = tempDir();
    const pack = buildSignedPack(join(tempDir(), 'pack'), keys.privateKeyPem);
    expect((await installPackFromFolder(pack, dataDir, trust, createMemoryLogger())).ok).toBe(true);
    const sha256 = (JSON.parse(readFileSync(join(pack, manifestFileName), 'utf8')) as { sha256: string }).sha256;
    expect(checkedPacksIn(dataDir).has(sha256)).toBe(true);
  });

  it('refuses a pack with a bad row and never lists it; only a listed checksum skips the rows', () => {
    const dataDir = tempDir();
    const bad = alterSignedPack(buildSignedPack(join(tempDir(), 'bad'), keys.privateKeyPem), keys.privateKeyPem, (db) => db.exec(badRow));
    expect(refusal(() => openContentPack(bad, trust, undefined, checkedPacksIn(dataDir)))).toBe('content.packCorrupt');
    const sha = (JSON.parse(readFileSync(join(bad, 'content-pack.manifest.json'), 'utf8')) as { sha256: string }).sha256;
    expect(checkedPacksIn(dataDir).has(sha)).toBe(false);
    // Listed (as if checked at an earlier start), the same file opens without its rows being read: the skip is real.
    checkedPacksIn(dataDir).add(sha);
    expect(refusal(() => openContentPack(bad, trust, undefined, checkedPacksIn(dataDir)).db.close())).toBeNull();
  });

  it('checks a listed pack in full again once its file changed, even signed again', () => {
    const dataDir = tempDir();
    const pack = buildSignedPack(join(tempDir(), 'pack'), keys.privateKeyPem);
    openContentPack(pack, trust, undefined, checkedPacksIn(dataDir)).db.close();
    alterSignedPack(pack, keys.privateKeyPem, (db) => db.exec(badRow));
    expect(refusal(() => openContentPack(pack, trust, undefined, checkedPacksIn(dataDir)))).toBe('content.packCorrupt');
  });

  it('treats an unreadable list as empty: the pack is checked in full and the list written again', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'content-checked.json'), '{ not json');
    const bad = alterSignedPack(buildSignedPack(join(tempDir(), 'bad'), keys.privateKeyPem), keys.privateKeyPem, (db) => db.exec(badRow));
    expect(refusal(() => openContentPack(bad, trust, undefined, checkedPacksIn(dataDir)))).toBe('content.packCorrupt');
    const good = buildSignedPack(join(tempDir(), 'good'), keys.privateKeyPem);
    const opened = openContentPack(good, trust, undefined, checkedPacksIn(dataDir));
    opened.db.close();
    expect(JSON.parse(readFileSync(join(dataDir, 'content-checked.json'), 'utf8'))).toEqual([opened.manifest.sha256]);
  });
});

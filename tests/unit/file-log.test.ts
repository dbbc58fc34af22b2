// The operational log never takes the kiosk down: a line it cannot write (its folder removed, a full disk) is lost.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../main/core/log';

describe('the file log', () => {
  it('writes a line per event, and drops a line it cannot write instead of throwing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-log-'));
    const log = createFileLogger(join(dir, 'logs'));
    log.info('kiosk.opened', { host: 'web' });
    expect(JSON.parse(readFileSync(log.file, 'utf8').trim())).toMatchObject({ level: 'info', event: 'kiosk.opened', host: 'web' });
    rmSync(dir, { recursive: true, force: true });
    expect(() => log.warn('speech.kioskVoice', { engine: 'none' })).not.toThrow();
    expect(existsSync(dir)).toBe(false);
  });
});

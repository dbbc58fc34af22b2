import { describe, expect, it } from 'vitest';
import { errorLogFields, planRestart, restartsFromEnvironment } from '../../main/hosts/common/self-restart';

describe('the web host restarting itself after an uncaught error', () => {
  it('restarts at once the first time, then waits longer each time it fails soon after start', () => {
    expect(planRestart(0, 5_000)).toEqual({ action: 'restart', delayMs: 1000, restarts: 1 });
    expect(planRestart(1, 5_000)).toEqual({ action: 'restart', delayMs: 2000, restarts: 2 });
    expect(planRestart(3, 5_000)).toEqual({ action: 'restart', delayMs: 8000, restarts: 4 });
    expect(planRestart(9, 5_000)).toEqual({ action: 'restart', delayMs: 30_000, restarts: 10 });
  });

  it('gives up after ten quick failures, and forgets old ones after ten minutes of service', () => {
    expect(planRestart(10, 5_000).action).toBe('stop');
    expect(planRestart(10, 10 * 60_000)).toEqual({ action: 'restart', delayMs: 1000, restarts: 1 });
  });

  it('never restarts a host that was asked to stop, whatever its count', () => {
    expect(planRestart(0, 5_000, true)).toEqual({ action: 'stop', why: expect.stringContaining('stopping') });
    expect(planRestart(0, 10 * 60_000, true).action).toBe('stop');
  });

  it('reads the count the previous copy passed on, and ignores anything else', () => {
    expect(restartsFromEnvironment({ PASSERELLE_HOST_RESTARTS: '3' })).toBe(3);
    expect(restartsFromEnvironment({ PASSERELLE_HOST_RESTARTS: 'x' })).toBe(0);
    expect(restartsFromEnvironment({})).toBe(0);
  });

  it('logs the kind of error and where, never its message (it could quote what a visitor typed)', () => {
    const error = new TypeError('cannot read "canary-4242"');
    const fields = errorLogFields(error);
    expect(fields.kind).toBe('TypeError');
    expect(fields.at).toMatch(/^at /);
    expect(JSON.stringify(fields)).not.toContain('canary-4242');
    // No folder of this machine either: the first frame names the file only.
    expect(JSON.stringify(fields)).not.toContain(process.cwd());
    expect(errorLogFields('canary-4242')).toEqual({ kind: 'string' });
  });
});

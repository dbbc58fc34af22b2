// The one fatal-error path of both hosts: what it logs, when it starts a copy, when it gives up or just ends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fatalErrorHandler, readStartup } from '../../main/hosts/common/bootstrap';
import { createMemoryLogger } from '../../main/core/log';

describe('fatal errors, for the web host and Electron alike', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const guard = (env: NodeJS.ProcessEnv, stopping = () => false) => {
    const log = createMemoryLogger();
    const relaunch = vi.fn();
    const exit = vi.fn();
    const cleanUp = vi.fn(() => Promise.resolve());
    return { log, relaunch, exit, cleanUp, onFatal: fatalErrorHandler({ log, relaunch, exit, cleanUp, stopping, env }) };
  };

  it('logs the kind of error without its message, cleans up, and starts a copy after the delay', async () => {
    const { log, relaunch, exit, cleanUp, onFatal } = guard({ PASSERELLE_HOST_RESTARTS: '2' });
    onFatal(new TypeError('what the visitor typed'));
    onFatal(new Error('a second error while the first is handled'));
    await vi.advanceTimersByTimeAsync(3999);
    expect(relaunch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(cleanUp).toHaveBeenCalledTimes(1);
    expect(relaunch).toHaveBeenCalledExactlyOnceWith(3);
    expect(exit).not.toHaveBeenCalled();
    expect(JSON.stringify(log.lines)).not.toContain('visitor typed');
    expect(log.lines.map((l) => l.event)).toEqual(['host.uncaught', 'host.restart']);
  });
  it('gives up after ten quick restarts, and leaves the restart to systemd when it runs the kiosk', async () => {
    const loop = guard({ PASSERELLE_HOST_RESTARTS: '10' });
    loop.onFatal(new Error('x'));
    await vi.runAllTimersAsync();
    expect(loop.exit).toHaveBeenCalledWith(70);
    expect(loop.relaunch).not.toHaveBeenCalled();
    const systemd = guard({ INVOCATION_ID: 'abc' });
    systemd.onFatal(new Error('x'));
    await vi.runAllTimersAsync();
    expect(systemd.exit).toHaveBeenCalledWith(70);
    expect(systemd.relaunch).not.toHaveBeenCalled();
  });
  it('never starts a copy of a host asked to stop, before or during the wait', async () => {
    const stopped = guard({}, () => true);
    stopped.onFatal(new Error('x'));
    await vi.runAllTimersAsync();
    expect(stopped.exit).toHaveBeenCalledWith(70);
    let stopping = false;
    const waiting = guard({}, () => stopping);
    waiting.onFatal(new Error('x'));
    await vi.advanceTimersByTimeAsync(10);
    stopping = true;
    await vi.runAllTimersAsync();
    expect(waiting.exit).toHaveBeenCalledWith(0);
    expect(waiting.relaunch).not.toHaveBeenCalled();
  });
});

describe('start-up', () => {
  it('a wrong flag is said plainly and ends the start with code 2', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      expect(() =>
        readStartup(['--colour=blue'], (code) => {
          throw new Error(`exit ${code}`);
        }),
      ).toThrow('exit 2');
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(/cannot start[\s\S]*Known flags/);
  });
});

// Secrets (the admin passphrase, the mediators' PINs): hashed with scrypt, compared in constant time.
// The stored form names its parameters, so they can be raised later without breaking older hashes. One scrypt job
// runs at a time: a burst of guesses queues here instead of filling libuv's thread pool, which also serves the
// kiosk's own files.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8: about 32 MiB and a few tens of milliseconds per try on a kiosk, OWASP's recommended floor. */
const defaults = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyLength = 32;

/** How many scrypt jobs may run at once (libuv has four threads; file reads for the kiosk's pages need the rest). */
export const maxConcurrentScrypt = 1;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(job: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrentScrypt) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await job();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return limited(() => deriveNow(secret, salt, options));
}

function deriveNow(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must allow 128 * N * r bytes, with room.
    scrypt(secret.normalize('NFC'), salt, keyLength, { ...options, maxmem: 256 * (options.N ?? 0) * (options.r ?? 0) }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, defaults);
  return ['scrypt', defaults.N, defaults.r, defaults.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(secret, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The lock policy, the same for the admin passphrase and each mediator's PIN. After `free` failures in a row, each
 * further failure locks the subject for a delay that doubles from 5 s up to one minute: a visitor guessing keeps
 * staff waiting a minute at most. After `blockAfter` failures in a row the subject is blocked until someone with
 * more rights steps in (a mediator: the admin gives a new PIN; the admin: the one-time code written on the kiosk's
 * disk), so guesses are never unbounded. Kept in the state DB, so restarting the kiosk resets nothing.
 */
export const lockPolicy = { free: 4, firstDelaySeconds: 5, maxDelaySeconds: 60, blockAfter: { mediator: 20, admin: 50 } } as const;

export function lockDelaySeconds(failures: number): number {
  if (failures <= lockPolicy.free) return 0;
  return Math.min(lockPolicy.maxDelaySeconds, lockPolicy.firstDelaySeconds * 2 ** (failures - lockPolicy.free - 1));
}

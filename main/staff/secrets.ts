// Secrets (the admin passphrase, later the mediators' PINs): hashed with scrypt, compared in constant time.
// The stored form names its parameters, so they can be raised later without breaking older hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8: about 32 MiB and a few tens of milliseconds per try on a kiosk, OWASP's recommended floor. */
const defaults = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyLength = 32;

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
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
 * Slows down guessing: after `free` failures, each further failure locks for a delay that doubles, up to a ceiling.
 * Kept in the state DB, so restarting the kiosk does not reset it.
 */
export const lockPolicy = { free: 4, firstDelaySeconds: 30, maxDelaySeconds: 3600 } as const;

export function lockDelaySeconds(failures: number): number {
  if (failures <= lockPolicy.free) return 0;
  return Math.min(lockPolicy.maxDelaySeconds, lockPolicy.firstDelaySeconds * 2 ** (failures - lockPolicy.free - 1));
}

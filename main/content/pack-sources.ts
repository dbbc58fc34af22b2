// Where a new content pack is read from (a folder such as a USB stick, or a web server), with a size cap on every file
// and the pack itself streamed to disk and hashed chunk by chunk, so the kiosk keeps answering while a pack arrives.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Why a file could not be read from the source: a key for the log, never a path typed by someone. */
export type SourceProblem = 'missing' | 'failed' | 'too-large' | 'wrong-size';

export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(readonly why: SourceProblem) {
    super(why);
  }
}

export interface PackSource {
  /** A small file (manifest, signature), or null when the source has none; SourceError when larger than `limit`. */
  readSmall(name: string, limit: number): Promise<Buffer | null>;
  /** Streams the file `name` into `dest`; it must be exactly `bytes` long. Returns its SHA-256, hex. */
  copy(name: string, dest: string, bytes: number): Promise<string>;
}

/** Counts and hashes what flows through, and stops the copy as soon as more than `bytes` came. */
function hashing(bytes: number) {
  const hash = createHash('sha256');
  let seen = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > bytes) return done(new SourceError('wrong-size'));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return {
    stream,
    digest: () => {
      if (seen !== bytes) throw new SourceError('wrong-size');
      return hash.digest('hex');
    },
  };
}

export function folderSource(dir: string): PackSource {
  const sizeOf = async (file: string): Promise<number | null> => {
    try {
      return (await stat(file)).size;
    } catch {
      return null;
    }
  };
  return {
    async readSmall(name, limit) {
      const file = join(dir, name);
      const size = await sizeOf(file);
      if (size === null) return null;
      if (size > limit) throw new SourceError('too-large');
      const bytes = await readFile(file);
      if (bytes.length > limit) throw new SourceError('too-large');
      return bytes;
    },
    async copy(name, dest, bytes) {
      const file = join(dir, name);
      const size = await sizeOf(file);
      if (size === null) throw new SourceError('missing');
      // A file of another size than the signed manifest says is refused without reading a byte of it.
      if (size !== bytes) throw new SourceError('wrong-size');
      const check = hashing(bytes);
      try {
        await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), check.stream, createWriteStream(dest));
      } catch (error) {
        throw error instanceof SourceError ? error : new SourceError('failed');
      }
      return check.digest();
    },
  };
}

/** Files under `base` on a web server: HTTPS (or loopback), no redirects, a deadline per file. */
export function urlSource(base: URL): PackSource {
  const get = async (name: string, timeoutMs: number): Promise<Response | null> => {
    let response: Response;
    try {
      response = await fetch(new URL(name, base), { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      throw new SourceError('failed');
    }
    if (response.status === 404) return null;
    if (!response.ok || !response.body) throw new SourceError('failed');
    return response;
  };
  const declared = (response: Response): number | null => {
    const value = response.headers.get('content-length');
    return value === null ? null : Number(value);
  };
  return {
    async readSmall(name, limit) {
      const response = await get(name, 30_000);
      if (!response?.body) return null;
      if ((declared(response) ?? 0) > limit) {
        await response.body.cancel();
        throw new SourceError('too-large');
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      try {
        for await (const chunk of response.body) {
          size += chunk.length;
          if (size > limit) throw new SourceError('too-large');
          chunks.push(chunk);
        }
      } catch (error) {
        throw error instanceof SourceError ? error : new SourceError('failed');
      }
      return Buffer.concat(chunks);
    },
    async copy(name, dest, bytes) {
      const response = await get(name, 10 * 60_000);
      if (!response?.body) throw new SourceError('missing');
      const length = declared(response);
      if (length !== null && length !== bytes) {
        await response.body.cancel();
        throw new SourceError('wrong-size');
      }
      const check = hashing(bytes);
      try {
        await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), check.stream, createWriteStream(dest));
      } catch (error) {
        throw error instanceof SourceError ? error : new SourceError('failed');
      }
      return check.digest();
    },
  };
}

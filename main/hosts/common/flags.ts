// Command-line flags of `npm start`, parsed into configuration overrides and launcher choices.
import { parseArgs } from 'node:util';

export interface LauncherFlags {
  readonly configPath?: string;
  readonly noBrowser: boolean;
  /** A content pack folder to serve instead of the one shipped (to try a pack before installing it). */
  readonly contentPack?: string;
  /** Configuration values given on the command line; they win over the file. */
  readonly overrides: Record<string, unknown>;
}

export class FlagError extends Error {
  override readonly name = 'FlagError';
}

export function parseLauncherFlags(argv: readonly string[]): LauncherFlags {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'content-pack': { type: 'string' },
        'no-browser': { type: 'boolean', default: false },
        'no-kiosk': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new FlagError(
      `${(error as Error).message}. Known flags: --config=FILE --host=auto|electron|web --port=N --data-dir=DIR --content-pack=DIR --no-browser --no-kiosk`,
    );
  }
  const overrides: Record<string, unknown> = {};
  if (values.host !== undefined) overrides.host = values.host;
  if (values.port !== undefined) overrides.port = /^\d+$/.test(values.port) ? Number(values.port) : values.port;
  if (values['data-dir'] !== undefined) overrides.dataDir = values['data-dir'];
  if (values['no-kiosk']) overrides.kiosk = false;
  return {
    ...(values.config !== undefined ? { configPath: values.config } : {}),
    noBrowser: values['no-browser'],
    ...(values['content-pack'] !== undefined ? { contentPack: values['content-pack'] } : {}),
    overrides,
  };
}

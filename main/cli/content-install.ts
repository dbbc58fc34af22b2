// `content-install --from=DIR|URL [--config=FILE] [--data-dir=DIR]` (`npm run content:install --` for developers): installs a signed content pack
// into a kiosk's data folder (from a USB stick or a web server); a running kiosk picks it up within a second.
// `--rollback` puts the previous pack back.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadSiteConfig } from '../core/config';
import { createFileLogger } from '../core/log';
import { installPackFromFolder, installPackFromUrl, rollbackPack } from '../content/content-updates';
import { join } from 'node:path';

/** The command: installs (or rolls back) a pack for the kiosk the flags name; returns the exit code. */
export async function runContentInstall(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      config: { type: 'string' },
      'data-dir': { type: 'string' },
      rollback: { type: 'boolean', default: false },
    },
  });

  try {
    const overrides = values['data-dir'] ? { dataDir: values['data-dir'] } : {};
    const config = loadSiteConfig(values.config ? { explicitPath: values.config, overrides } : { overrides });
    const log = createFileLogger(join(config.dataDir, 'logs'), { echo: false });
    if (values.rollback) {
      process.stdout.write(
        rollbackPack(config.dataDir, log) ? 'The previous pack is back in place.\n' : 'There is no previous pack to go back to.\n',
      );
      return 0;
    }
    if (!values.from) throw new Error('Say where the pack is: --from=FOLDER or --from=https://…/');
    if (!config.contentPublicKey && !config.allowUnsignedPacks)
      throw new Error('The configuration has no contentPublicKey: the kiosk cannot check who signed the pack.');
    const trust = {
      publicKeyPem: config.contentPublicKey ? readFileSync(config.contentPublicKey, 'utf8') : null,
      allowUnsigned: config.allowUnsignedPacks,
    };
    // The admin's own install: a pack older than the installed one is still refused (only --rollback goes back).
    const result = /^https?:\/\//.test(values.from)
      ? await installPackFromUrl(values.from, config.dataDir, trust, log)
      : await installPackFromFolder(values.from, config.dataDir, trust, log);
    if (!result.ok) {
      const why = result.error === 'content.packNotNewer' ? ' it is not newer than the installed pack, use --rollback to go back;' : '';
      process.stderr.write(`The pack was refused (${result.error});${why} the kiosk keeps its current pack.\n`);
      return 1;
    }
    process.stdout.write(`Installed content pack ${result.manifest.version}.\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).message}\n`);
    return 2;
  }
}

// `npm run content:sign -- --key=FILE [--pack=DIR]`: signs a built content pack with an Ed25519 private key.
// `npm run content:sign -- --new-keys=DIR` makes a key pair (keep the private key off the kiosks).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentPackFormat, manifestFileName } from '../../common/content/pack-format';
import { generateSigningKeys, signPack } from '../content/sign';
import { defaultPackDir } from './content-build';

const { values } = parseArgs({ options: { key: { type: 'string' }, pack: { type: 'string' }, 'new-keys': { type: 'string' } } });

if (values['new-keys']) {
  const dir = values['new-keys'];
  mkdirSync(dir, { recursive: true });
  const keys = generateSigningKeys();
  if (existsSync(join(dir, 'content-signing.key'))) {
    process.stderr.write(`${dir} already holds a key: not overwritten.\n`);
    process.exit(1);
  }
  writeFileSync(join(dir, 'content-signing.key'), keys.privateKeyPem, { mode: 0o600 });
  writeFileSync(join(dir, 'content-signing.pub'), keys.publicKeyPem);
  process.stdout.write(`Keys written to ${dir}: give content-signing.pub to the kiosks, keep content-signing.key secret.\n`);
} else if (values.key) {
  const packDir = values.pack ?? defaultPackDir;
  // Kiosks refuse a manifest without a sequence (an older format): signing one would only publish a pack they refuse.
  const manifest = JSON.parse(readFileSync(join(packDir, manifestFileName), 'utf8')) as { format?: unknown; sequence?: unknown };
  if (manifest.format !== contentPackFormat || typeof manifest.sequence !== 'number') {
    process.stderr.write(`The pack in ${packDir} is not in format ${contentPackFormat} with a sequence: build it again first.\n`);
    process.exit(1);
  }
  signPack(packDir, readFileSync(values.key, 'utf8'));
  process.stdout.write(`Signed the pack in ${packDir}.\n`);
} else {
  process.stderr.write('Usage: npm run content:sign -- --key=FILE [--pack=DIR]   or   --new-keys=DIR\n');
  process.exit(2);
}

// Builds the mini fixture content into a pack in `dir` and signs it with the given key: a pack as a site would publish it.
import { join } from 'node:path';
import { signPack } from '../../build/content/sign';
import { buildContentPack } from '../../build/scripts/content-build';

export const miniContent = join(import.meta.dirname, '..', 'fixtures', 'content-mini');

export function buildSignedPack(dir: string, privateKeyPem: string): string {
  buildContentPack(miniContent, dir);
  signPack(dir, privateKeyPem);
  return dir;
}

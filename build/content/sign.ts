// Ed25519 signing of content packs: the signature covers the manifest, which holds the pack's SHA-256.
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFileName, signatureFileName } from '../../common/content/pack-format';

export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Writes content-pack.sig beside the manifest of the pack in `packDir`. */
export function signPack(packDir: string, privateKeyPem: string): void {
  const signature = sign(null, readFileSync(join(packDir, manifestFileName)), privateKeyPem);
  writeFileSync(join(packDir, signatureFileName), `${signature.toString('base64')}\n`);
}

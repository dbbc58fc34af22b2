// The site configuration as a site writes it: the documented example, the update source, the public key file,
// the documentation and JSON Schema kept in step with the rules the kiosk applies.
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../../build/content/sign';
import { configExampleFile, configExampleJson, configJsonSchema, configSchemaFile } from '../../build/scripts/config-schema';
import { configFieldNames, describeField } from '../../common/config/config-fields';
import { loadSiteConfig, parseSiteConfig } from '../../main/core/config';
import { problemsOf } from './config-problems';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const docs = join(import.meta.dirname, '..', '..', 'docs');
const example = JSON.parse(readFileSync(join(docs, 'config.example.json'), 'utf8')) as Record<string, unknown>;

describe('the documented configuration', () => {
  it('parses the shipped example, every field set', () => {
    const config = parseSiteConfig(example, 'config.example.json', '/data');
    expect(config.siteName).toBe('Médiathèque Jean Macé');
    expect(config.contentUpdate).toEqual({ source: 'https://contenus.example.org/passerelle-sante/', intervalMinutes: 360 });
    expect(Object.keys(example).sort()).toEqual([...configFieldNames].sort());
  });

  it('ships the example as the schema makes it', async () => {
    expect(readFileSync(configExampleFile, 'utf8'), 'run `npm run config:schema`').toBe(await configExampleJson());
  });

  it('ships a JSON Schema that is up to date and accepts the example but not a misspelt field', () => {
    expect(readFileSync(configSchemaFile, 'utf8'), 'run `npm run config:schema`').toBe(configJsonSchema());
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(configJsonSchema()) as object);
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...example, idleTimeout: 60 })).toBe(false);
  });
});

describe('the content update source', () => {
  const key = { contentPublicKey: '/etc/passerelle-sante/content-signing.pub' };

  it('takes a folder or an https address, every six hours by default', () => {
    expect(parseSiteConfig({ ...key, contentUpdate: { source: '/media/usb/passerelle' } }, 'x', '/d').contentUpdate).toEqual({
      source: '/media/usb/passerelle',
      intervalMinutes: 360,
    });
    expect(
      parseSiteConfig({ ...key, contentUpdate: { source: 'D:\\passerelle', intervalMinutes: 60 } }, 'x', '/d').contentUpdate
        ?.intervalMinutes,
    ).toBe(60);
    expect(parseSiteConfig({ ...key, contentUpdate: { source: 'http://127.0.0.1:8080/packs/' } }, 'x', '/d').contentUpdate?.source).toBe(
      'http://127.0.0.1:8080/packs/',
    );
  });

  it('refuses plain http to another machine, credentials in the address, a relative folder, naming the field', () => {
    for (const source of [
      'http://contenus.example.org/',
      'https://admin:secret@contenus.example.org/',
      'packs',
      'ftp://contenus.example.org/',
    ]) {
      expect(problemsOf(() => parseSiteConfig({ ...key, contentUpdate: { source } }, 'site.json'))).toEqual([
        `field "contentUpdate.source": expected ${describeField('contentUpdate.source')}, got ${JSON.stringify(source)}`,
      ]);
    }
  });

  it('refuses a schedule out of range and an unknown field inside, listing the known ones', () => {
    const problems = problemsOf(() =>
      parseSiteConfig({ ...key, contentUpdate: { source: '/media/usb', intervalMinutes: 1, every: 5 } }, 'site.json'),
    );
    expect(problems).toContain(
      'field "contentUpdate.intervalMinutes": expected a whole number of minutes from 5 to 10080 (one week) between two checks for a new pack, got 1',
    );
    expect(problems).toContain('unknown field "every" in "contentUpdate": known fields are source, intervalMinutes');
  });

  it('refuses automatic updates without a public key to check packs against', () => {
    const [problem] = problemsOf(() => parseSiteConfig({ contentUpdate: { source: 'https://contenus.example.org/' } }, 'site.json'));
    expect(problem).toMatch(/^field "contentUpdate": expected .*"contentPublicKey" set too/);
  });
});

describe('loading the file', () => {
  it('checks at start that the public key file exists and holds an Ed25519 key', () => {
    const dir = tempDir();
    const file = join(dir, 'site.json');
    const write = (config: object) => writeFileSync(file, JSON.stringify(config));
    write({ contentPublicKey: join(dir, 'absent.pub') });
    expect(problemsOf(() => loadSiteConfig({ explicitPath: file }))[0]).toMatch(
      /^field "contentPublicKey": expected the path of the PEM file .*absent\.pub", which cannot be read \(ENOENT\)$/,
    );
    writeFileSync(join(dir, 'garbage.pub'), 'not a key');
    write({ contentPublicKey: join(dir, 'garbage.pub') });
    expect(problemsOf(() => loadSiteConfig({ explicitPath: file }))[0]).toMatch(/which is not a PEM public key$/);
    writeFileSync(join(dir, 'good.pub'), generateSigningKeys().publicKeyPem);
    write({ contentPublicKey: join(dir, 'good.pub') });
    expect(loadSiteConfig({ explicitPath: file }).contentPublicKey).toBe(join(dir, 'good.pub'));
  });

  it('remembers which file it read, for the admin view', () => {
    const dir = tempDir();
    const file = join(dir, 'site.json');
    writeFileSync(file, '{}');
    expect(loadSiteConfig({ explicitPath: file }).configFile).toBe(file);
    expect(loadSiteConfig({}, join(dir, 'absent.json')).configFile).toBeNull();
  });
});

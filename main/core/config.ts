// Site configuration: schema, defaults, where it is read from, and errors that name the bad field.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { createPublicKey } from 'node:crypto';
import { join, posix, win32 } from 'node:path';
import { z } from 'zod';
import { locales, siteTypes } from '../../common/api/types';
import { domainPattern } from '../../common/content/official-domains';

export const hostChoices = ['auto', 'electron', 'web'] as const;

/** For each field, what a person must write: quoted in error messages and in the JSON Schema. */
export const expected = {
  siteName: 'a text of 1 to 80 characters',
  siteType: `one of ${siteTypes.join(', ')}`,
  siteAddress: 'the street address of the place, a text of 1 to 160 characters, such as "12 rue des Écoles"',
  siteCity: 'the name of the town (commune), a text of 1 to 80 characters',
  sitePostcode: 'a French postcode of 5 digits, such as "69001"',
  siteInsee: 'the INSEE code of the commune: 5 characters, digits (or 2A / 2B for Corsica), such as "69381"',
  locales: `a non-empty list taken from ${locales.join(', ')}`,
  defaultLocale: 'one of the languages listed in "locales"',
  idleTimeoutSeconds: 'a whole number of seconds from 30 to 3600',
  kiosk: 'true or false',
  host: `one of ${hostChoices.join(', ')}`,
  port: 'a whole number from 1024 to 65535 (or 0 for any free port)',
  dataDir: 'the path of a folder the kiosk may write to',
  contentPublicKey: 'the path of the PEM file of the Ed25519 public key that signs content packs',
  assistedMode: 'true or false (mediators can unlock assisted mode on this kiosk)',
  printing: 'true or false (a printer is connected and the app may offer to print)',
  headsetJack: 'true or false (the kiosk has a headphone socket a visitor can plug into, for private listening in audio mode)',
  allowedOrigins: 'a list of https origins such as "https://www.monespacesante.fr", without a path',
  retentionDays: 'a whole number of days from 1 to 3650 after which journal details become day totals',
  ticketDays: 'a whole number of days from 1 to 90 that a resume ticket stays valid',
  helpPlaces: 'a list of places, each {"name": text, "phone"?: text, "address"?: text, "hours"?: text}',
  contentUpdate: 'an object {"source": folder or https address, "intervalMinutes": number}, and "contentPublicKey" set too',
  'contentUpdate.source':
    'the full path of a folder (a USB stick, a shared folder) or an https:// address of a folder of packs, without a user name or password',
  'contentUpdate.intervalMinutes': 'a whole number of minutes from 5 to 10080 (one week) between two checks for a new pack',
  officialDomains:
    'a list of up to 20 domains such as "chu-exemple.fr", without https:// or a path, whose addresses the kiosk may show as official sites besides its built-in list',
  journalSigning:
    'true or false (sign the journal heads the kiosk writes down and its retention cuts with a key file created beside the configuration file)',
  allowUnsignedPacks:
    'true or false (development only: accept content packs without a signature in the data folder; the kiosk says so in its log and /api/health)',
} as const;

/** Where a kiosk looks for new content packs: https (plain http on this machine only, for a local mirror) or a folder. */
export function isUpdateSource(value: string): boolean {
  if (posix.isAbsolute(value) || win32.isAbsolute(value)) return !/^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

const contentUpdate = z
  .object({
    source: z.string().trim().min(1).max(500).refine(isUpdateSource),
    intervalMinutes: z.number().int().min(5).max(10_080).default(360),
  })
  .strict();

/** An origin the kiosk may open beside the guide: https, no path, query or credentials. */
const httpsOrigin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.origin === value.replace(/\/$/, '') && !url.username;
  } catch {
    return false;
  }
});

const helpPlace = z
  .object({
    name: z.string().trim().min(1).max(80),
    phone: z
      .string()
      .trim()
      .regex(/^[+0-9 .]{2,20}$/)
      .optional(),
    address: z.string().trim().min(1).max(160).optional(),
    hours: z.string().trim().min(1).max(160).optional(),
  })
  .strict();

export type ConfigField = keyof typeof expected;

export const siteConfigSchema = z
  .object({
    siteName: z.string().trim().min(1).max(80).default('Passerelle Santé'),
    siteType: z.enum(siteTypes).default('library'),
    // Where the place is, for the activity report (La Coop's "Adresse", "Commune", "Code postal", "Code Insee").
    siteAddress: z.string().trim().min(1).max(160).optional(),
    siteCity: z.string().trim().min(1).max(80).optional(),
    sitePostcode: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    siteInsee: z
      .string()
      .regex(/^(\d{5}|2[AB]\d{3})$/)
      .optional(),
    locales: z
      .array(z.enum(locales))
      .min(1)
      .default([...locales]),
    defaultLocale: z.enum(locales).default('fr'),
    idleTimeoutSeconds: z.number().int().min(30).max(3600).default(120),
    kiosk: z.boolean().default(true),
    host: z.enum(hostChoices).default('auto'),
    port: z
      .number()
      .int()
      .refine((p) => p === 0 || (p >= 1024 && p <= 65535))
      .default(8741),
    dataDir: z.string().min(1).optional(),
    contentPublicKey: z.string().min(1).optional(),
    assistedMode: z.boolean().default(true),
    printing: z.boolean().default(true),
    headsetJack: z.boolean().default(false),
    allowedOrigins: z.array(httpsOrigin).max(20).default([]),
    retentionDays: z.number().int().min(1).max(3650).default(90),
    ticketDays: z.number().int().min(1).max(90).default(30),
    helpPlaces: z.array(helpPlace).max(10).default([]),
    contentUpdate: contentUpdate.optional(),
    officialDomains: z.array(z.string().regex(domainPattern)).max(20).default([]),
    journalSigning: z.boolean().default(false),
    allowUnsignedPacks: z.boolean().default(false),
  })
  .strict()
  .refine((c) => c.locales.includes(c.defaultLocale), { path: ['defaultLocale'] })
  // Packs fetched without a key to check them against would let anyone on the way change the health content.
  .refine((c) => !c.contentUpdate || c.contentPublicKey, { path: ['contentUpdate'] });

export type SiteConfig = z.output<typeof siteConfigSchema> & {
  readonly dataDir: string;
  /** The file the configuration was read from, or null when only defaults and flags apply. */
  readonly configFile?: string | null;
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid configuration in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The folder where a site's configuration file is looked for when no --config is given. */
export function defaultConfigPath(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'PasserelleSante', 'config.json');
  if (platform === 'darwin') return '/Library/Application Support/PasserelleSante/config.json';
  return '/etc/passerelle-sante/config.json';
}

/** Where the state database and logs live when the configuration does not say. */
export function defaultDataDir(platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'PasserelleSante');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'PasserelleSante');
  return join(env.XDG_STATE_HOME ?? join(home, '.local', 'state'), 'passerelle-sante');
}

/** Parses a configuration object; every problem names the field, the value found and what is expected. */
export function parseSiteConfig(raw: unknown, source: string, fallbackDataDir = defaultDataDir()): SiteConfig {
  const parsed = siteConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      source,
      parsed.error.issues.map((issue) => describeIssue(issue, raw)),
    );
  }
  return { ...parsed.data, dataDir: parsed.data.dataDir ?? fallbackDataDir };
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const within = issue.path.join('.');
    const known = Object.keys(expected)
      .filter((key) => (within ? key.startsWith(`${within}.`) : !key.includes('.')))
      .map((key) => key.slice(within ? within.length + 1 : 0));
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}${within ? ` in "${within}"` : ''}: known fields are ${known.join(', ')}`;
  }
  if (issue.path.length === 0) return 'the file must hold one JSON object, like {"siteName": "Médiathèque"}';
  // The most precise description: "contentUpdate.source" before "contentUpdate"; list indexes do not count.
  const named = issue.path.filter((key) => typeof key === 'string').join('.');
  const field = (named in expected ? named : String(issue.path[0])) as ConfigField;
  const value = valueAt(raw, issue.path);
  const got = value === undefined ? 'nothing' : JSON.stringify(value);
  return `field "${issue.path.join('.')}": expected ${expected[field] ?? 'a valid value'}, got ${got}`;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = raw;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

export interface ConfigSource {
  /** The file given with --config; it must exist. */
  readonly explicitPath?: string;
  /** Values from command-line flags: they win over the file. */
  readonly overrides?: Record<string, unknown>;
}

/** Reads the site configuration from --config, else the default location if present, else defaults. */
export function loadSiteConfig(source: ConfigSource = {}, defaultPath = defaultConfigPath()): SiteConfig {
  const path = source.explicitPath ?? (existsSync(defaultPath) ? defaultPath : undefined);
  let fromFile: unknown = {};
  if (path !== undefined) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigError(path, [`the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
    }
    try {
      fromFile = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(path, [`the file is not valid JSON: ${(error as Error).message}`]);
    }
  }
  const merged =
    typeof fromFile === 'object' && fromFile !== null && !Array.isArray(fromFile) ? { ...fromFile, ...source.overrides } : fromFile;
  const config = parseSiteConfig(merged, path ?? 'the command line');
  if (config.contentPublicKey !== undefined) checkPublicKeyFile(config.contentPublicKey, path ?? 'the command line');
  return { ...config, configFile: path ?? null };
}

/** A key that cannot be read would only show up at the first update: say so at start instead. */
function checkPublicKeyFile(file: string, source: string): void {
  let problem: string | null = null;
  try {
    if (createPublicKey(readFileSync(file, 'utf8')).asymmetricKeyType !== 'ed25519') problem = 'is not an Ed25519 key';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problem = code?.startsWith('E') && !code.startsWith('ERR_') ? `cannot be read (${code})` : 'is not a PEM public key';
  }
  if (problem)
    throw new ConfigError(source, [
      `field "contentPublicKey": expected ${expected.contentPublicKey}, got ${JSON.stringify(file)}, which ${problem}`,
    ]);
}

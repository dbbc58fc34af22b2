// Site configuration on this machine: where it is read from, defaults for paths, and errors that name the bad field.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'zod';
import { configFields, describeField } from '../../common/config/config-fields';
import { siteConfigSchema, type SiteConfigValues } from '../../common/config/site-config';

export type SiteConfig = SiteConfigValues & {
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
    const known = configFields
      .map((f) => f.path)
      .filter((path) => (within ? path.startsWith(`${within}.`) : !path.includes('.')))
      .map((path) => path.slice(within ? within.length + 1 : 0));
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}${within ? ` in "${within}"` : ''}: known fields are ${known.join(', ')}`;
  }
  if (issue.path.length === 0) return 'the file must hold one JSON object, like {"siteName": "Médiathèque"}';
  // The most precise description: "contentUpdate.source" before "contentUpdate"; list indexes do not count.
  const named = issue.path.filter((key) => typeof key === 'string').join('.');
  const description = describeField(named) ?? describeField(String(issue.path[0]));
  const value = valueAt(raw, issue.path);
  const got = value === undefined ? 'nothing' : JSON.stringify(value);
  return `field "${issue.path.join('.')}": expected ${description ?? 'a valid value'}, got ${got}`;
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
      `field "contentPublicKey": expected ${describeField('contentPublicKey')}, got ${JSON.stringify(file)}, which ${problem}`,
    ]);
}

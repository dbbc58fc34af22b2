// What /api/health says about the Chromium managed policies of the browser-kiosk mode: whether the file installed by
// the documented set-up is there, and its key values (chrome://policy itself is blocked by those very policies).
import { readFileSync } from 'node:fs';

/** Where the set-up installs the policy file; PASSERELLE_CHROMIUM_POLICY names another place (Chrome, Edge, a test). */
export function browserPolicyFile(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  if (env.PASSERELLE_CHROMIUM_POLICY) return env.PASSERELLE_CHROMIUM_POLICY;
  return platform === 'linux' ? '/etc/chromium/policies/managed/passerelle-sante.json' : null;
}

/** The policies that hold the kiosk: reported when present in the file. */
export const reportedPolicies = [
  'URLBlocklist',
  'URLAllowlist',
  'AllowFileSelectionDialogs',
  'DownloadRestrictions',
  'DeveloperToolsAvailability',
  'IncognitoModeAvailability',
  'BrowserGuestModeEnabled',
  'BrowserAddPersonEnabled',
  'PrintingEnabled',
  'TranslateEnabled',
] as const;

export interface BrowserPolicyStatus {
  readonly file: string;
  readonly present: boolean;
  /** Why the file could not be used, when it is there but unreadable or not a JSON object. */
  readonly problem?: 'unreadable' | 'invalid';
  readonly values?: Partial<Record<(typeof reportedPolicies)[number], unknown>>;
}

export function readBrowserPolicy(file: string): BrowserPolicyStatus {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { file, present: false } : { file, present: true, problem: 'unreadable' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { file, present: true, problem: 'invalid' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { file, present: true, problem: 'invalid' };
  const policies = parsed as Record<string, unknown>;
  const values: Partial<Record<(typeof reportedPolicies)[number], unknown>> = {};
  for (const name of reportedPolicies) if (name in policies) values[name] = policies[name];
  return { file, present: true, values };
}

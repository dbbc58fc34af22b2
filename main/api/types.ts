// Shapes of the values the API returns: shared by services and the renderer.

export const locales = ['fr', 'en', 'ar'] as const;
export type Locale = (typeof locales)[number];

export const siteTypes = ['library', 'community-centre', 'pharmacy', 'france-services'] as const;
export type SiteType = (typeof siteTypes)[number];

export type HostKind = 'electron' | 'web';

/** What the renderer needs of the site configuration: nothing secret, nothing about paths. */
export interface PublicSettings {
  readonly siteName: string;
  readonly siteType: SiteType;
  readonly locales: readonly Locale[];
  readonly defaultLocale: Locale;
  readonly idleTimeoutSeconds: number;
}

export interface StateDbStatus {
  readonly status: 'ok' | 'recovered';
  /** File name (not path) the corrupt database was moved to, when it was recovered at this start. */
  readonly movedAsideTo?: string;
  readonly schemaVersion: number;
}

export interface KioskStatus {
  readonly app: 'passerelle-sante';
  readonly version: string;
  readonly host: HostKind;
  readonly startedAt: string;
  readonly uptimeSeconds: number;
  readonly stateDb: StateDbStatus;
  /** Version of the loaded content pack, or null while none is loaded. */
  readonly contentPack: string | null;
}

/** The kinds of screen, as reported in problem reports: a kind only, never which page or what was typed. */
export const screenKinds = ['home', 'need', 'help', 'emergency'] as const;
export type ScreenKind = (typeof screenKinds)[number];

/** Events the renderer reports about itself: a kind and the screen kind, never what a visitor typed. */
export const rendererProblemKinds = ['render-error', 'unhandled-rejection', 'script-error'] as const;
export type RendererProblemKind = (typeof rendererProblemKinds)[number];

// The site configuration's schema: each field's rule, default, description and admin title, declared once.
import { z } from 'zod';
import { locales, siteTypes } from '../api/site-lists';
import { domainPattern } from '../content/official-domains';

export const hostChoices = ['auto', 'electron', 'web'] as const;

/**
 * What a field says about itself. `description` is what a person must write (English, like the error messages and
 * docs/configuration.md): the error messages quote it and the JSON Schema carries it. `title` names a top-level field
 * in the admin's configuration view (French, like the admin area).
 */
export interface FieldText {
  readonly description: string;
  readonly title?: string;
}

/** A field's texts, and a value for docs/config.example.json when its default is not a telling example. */
const field = <T extends z.ZodType>(schema: T, text: FieldText & { readonly example?: z.input<T> }): T => {
  const { example, ...texts } = text;
  return schema.meta(example === undefined ? texts : { ...texts, examples: [example] });
};

/** A folder path on Linux, macOS or Windows (drive or share), written in full. */
const absolutePath = /^(\/|\\|[a-z]:[\\/])/i;

/** Where a kiosk looks for new content packs: https (plain http on this machine only, for a local mirror) or a folder. */
export function isUpdateSource(value: string): boolean {
  if (absolutePath.test(value)) return !/^[a-z][a-z0-9+.-]*:\/\//i.test(value);
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
    source: field(z.string().trim().min(1).max(500).refine(isUpdateSource), {
      description:
        'the full path of a folder (a USB stick, a shared folder) or an https:// address of a folder of packs, without a user name or password',
    }),
    intervalMinutes: field(z.number().int().min(5).max(10_080).default(360), {
      description: 'a whole number of minutes from 5 to 10080 (one week) between two checks for a new pack',
    }),
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

// A problem inside a list's entry is described by the list's own description.
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

const yesNo = (meaning: string) => `true or false (${meaning})`;

export const siteConfigSchema = z
  .object({
    siteName: field(z.string().trim().min(1).max(80).default('Passerelle Santé'), {
      description: 'a text of 1 to 80 characters',
      title: 'Nom du lieu',
      example: 'Médiathèque Jean Macé',
    }),
    siteType: field(z.enum(siteTypes).default('library'), {
      description: `one of ${siteTypes.join(', ')}`,
      title: 'Type de lieu',
    }),
    // Where the place is, for the activity report (La Coop's "Adresse", "Commune", "Code postal", "Code Insee").
    siteAddress: field(z.string().trim().min(1).max(160).optional(), {
      description: 'the street address of the place, a text of 1 to 160 characters, such as "12 rue des Écoles"',
      title: 'Adresse du lieu',
      example: '12 rue des Écoles',
    }),
    siteCity: field(z.string().trim().min(1).max(80).optional(), {
      description: 'the name of the town (commune), a text of 1 to 80 characters',
      title: 'Commune',
      example: 'Lyon',
    }),
    sitePostcode: field(
      z
        .string()
        .regex(/^\d{5}$/)
        .optional(),
      { description: 'a French postcode of 5 digits, such as "69001"', title: 'Code postal', example: '69001' },
    ),
    siteInsee: field(
      z
        .string()
        .regex(/^(\d{5}|2[AB]\d{3})$/)
        .optional(),
      {
        description: 'the INSEE code of the commune: 5 characters, digits (or 2A / 2B for Corsica), such as "69381"',
        title: 'Code Insee de la commune',
        example: '69381',
      },
    ),
    locales: field(
      z
        .array(z.enum(locales))
        .min(1)
        .default([...locales]),
      { description: `a non-empty list taken from ${locales.join(', ')}`, title: 'Langues proposées' },
    ),
    defaultLocale: field(z.enum(locales).default('fr'), {
      description: 'one of the languages listed in "locales"',
      title: 'Langue au démarrage',
    }),
    idleTimeoutSeconds: field(z.number().int().min(30).max(3600).default(120), {
      description: 'a whole number of seconds from 30 to 3600',
      title: 'Fin de visite sans action après',
    }),
    kiosk: field(z.boolean().default(true), { description: 'true or false', title: 'Plein écran (mode borne)' }),
    host: field(z.enum(hostChoices).default('auto'), {
      description: `one of ${hostChoices.join(', ')}`,
      title: 'Mode de fonctionnement',
    }),
    port: field(
      z
        .number()
        .int()
        .refine((p) => p === 0 || (p >= 1024 && p <= 65535))
        .default(8741),
      { description: 'a whole number from 1024 to 65535 (or 0 for any free port)', title: 'Port du serveur local' },
    ),
    dataDir: field(z.string().min(1).optional(), {
      description: 'the path of a folder the kiosk may write to',
      title: 'Dossier des données',
      example: '/var/lib/passerelle-sante',
    }),
    contentPublicKey: field(z.string().min(1).optional(), {
      description: 'the path of the PEM file of the Ed25519 public key that signs content packs',
      title: 'Clé publique des contenus',
      example: '/etc/passerelle-sante/content-signing.pub',
    }),
    contentUpdate: field(contentUpdate.optional(), {
      description: 'an object {"source": folder or https address, "intervalMinutes": number}, and "contentPublicKey" set too',
      title: 'Mises à jour automatiques des contenus',
      example: { source: 'https://contenus.example.org/passerelle-sante/', intervalMinutes: 360 },
    }),
    assistedMode: field(z.boolean().default(true), {
      description: yesNo('mediators can unlock assisted mode on this kiosk'),
      title: 'Mode accompagné (médiateurs)',
    }),
    printing: field(z.boolean().default(true), {
      description: yesNo('a printer is connected and the app may offer to print'),
      title: 'Impression',
    }),
    headsetJack: field(z.boolean().default(false), {
      description: yesNo('the kiosk has a headphone socket a visitor can plug into, for private listening in audio mode'),
      title: 'Prise casque (écoute privée du mode audio)',
      example: true,
    }),
    allowedOrigins: field(z.array(httpsOrigin).max(20).default([]), {
      description: 'a list of https origins such as "https://www.monespacesante.fr", without a path',
      title: 'Sites officiels autorisés',
      example: ['https://www.monespacesante.fr', 'https://www.ameli.fr', 'https://franceconnect.gouv.fr'],
    }),
    retentionDays: field(z.number().int().min(1).max(3650).default(90), {
      description: 'a whole number of days from 1 to 3650 after which journal details become day totals',
      title: 'Détail du journal gardé',
    }),
    ticketDays: field(z.number().int().min(1).max(90).default(30), {
      description: 'a whole number of days from 1 to 90 that a resume ticket stays valid',
      title: 'Validité des tickets de reprise',
    }),
    helpPlaces: field(z.array(helpPlace).max(10).default([]), {
      description: 'a list of places, each {"name": text, "phone"?: text, "address"?: text, "hours"?: text}',
      title: "Lieux d'aide du site",
      example: [
        {
          name: 'Accueil de la médiathèque',
          phone: '01 23 45 67 89',
          address: '12 rue des Écoles, 69000 Lyon',
          hours: 'Du mardi au samedi, de 10 h à 18 h',
        },
      ],
    }),
    officialDomains: field(z.array(z.string().regex(domainPattern)).max(20).default([]), {
      description:
        'a list of up to 20 domains such as "chu-exemple.fr", without https:// or a path, whose addresses the kiosk may show as official sites besides its built-in list',
      title: 'Domaines officiels ajoutés',
      example: ['chu-exemple.fr'],
    }),
    journalSigning: field(z.boolean().default(false), {
      description: yesNo(
        'sign the journal heads the kiosk writes down and its retention cuts with a key file created beside the configuration file',
      ),
      title: 'Têtes du journal signées (clé du site)',
      example: true,
    }),
    allowUnsignedPacks: field(z.boolean().default(false), {
      description: yesNo(
        'development only: accept content packs without a signature in the data folder; the kiosk says so in its log and /api/health',
      ),
      title: 'Contenus sans signature acceptés (développement)',
    }),
  })
  .strict()
  .refine((c) => c.locales.includes(c.defaultLocale), { path: ['defaultLocale'] })
  // Packs fetched without a key to check them against would let anyone on the way change the health content.
  .refine((c) => !c.contentUpdate || c.contentPublicKey, { path: ['contentUpdate'] });

/** The configuration as parsed: every default applied, optional fields possibly absent. */
export type SiteConfigValues = z.output<typeof siteConfigSchema>;
export type ConfigFieldName = keyof SiteConfigValues;

/** The configuration the kiosk runs with, for the admin: every field (absent ones as null), paths yes, nothing secret. */
export type EffectiveConfig = {
  readonly [K in Exclude<ConfigFieldName, 'dataDir'>]-?: undefined extends SiteConfigValues[K]
    ? Exclude<SiteConfigValues[K], undefined> | null
    : SiteConfigValues[K];
} & {
  readonly dataDir: string;
  /** The file it was read from, or null when only defaults and flags apply. */
  readonly configFile: string | null;
  /** First 16 hex digits of the SHA-256 of the public key, to compare with the one the publisher announces. */
  readonly contentKeyFingerprint: string | null;
};

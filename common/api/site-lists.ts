// The closed lists of a site: its languages and its kind of place (the configuration and the API share them).
export const locales = ['fr', 'en', 'ar'] as const;
export type Locale = (typeof locales)[number];

export const siteTypes = ['library', 'community-centre', 'pharmacy', 'france-services'] as const;
export type SiteType = (typeof siteTypes)[number];

// Texts of the admin's configuration view, in French like the rest of the admin area (field titles are in the schema).
import type { Locale, SiteType } from '../../common/api/types';
import type { EffectiveConfig } from '../../common/config/site-config';

export const configTexts = {
  title: 'Configuration en service',
  intro:
    'Les réglages avec lesquels la borne fonctionne, après les valeurs par défaut et les options de démarrage. Pour les changer, modifiez le fichier de configuration puis redémarrez la borne (voir docs/configuration.md).',
  columns: { setting: 'Réglage', value: 'Valeur', field: 'Champ du fichier' },
  file: 'Fichier de configuration',
  noFile: 'Aucun fichier : valeurs par défaut',
  notGiven: 'Non renseigné',
  siteTypes: {
    library: 'Médiathèque ou bibliothèque',
    'community-centre': 'Centre social',
    pharmacy: 'Pharmacie',
    'france-services': 'France Services',
  } satisfies Record<SiteType, string>,
  locales: { fr: 'français', en: 'anglais', ar: 'arabe' } satisfies Record<Locale, string>,
  hosts: {
    auto: 'Automatique (application si installée, sinon navigateur)',
    electron: 'Application',
    web: 'Navigateur en mode kiosque',
  } satisfies Record<EffectiveConfig['host'], string>,
  yes: 'Oui',
  no: 'Non',
  none: 'Aucun',
  anyPort: 'Un port libre au hasard',
  noKey: 'Aucune : seuls les contenus livrés avec la borne sont servis',
  fingerprint: (value: string) => `empreinte ${value}`,
  noUpdate: 'Non : mise à jour à la main',
  every: (source: string, minutes: number) => `${source}, toutes les ${minutes} minutes`,
  seconds: (n: number) => `${n} secondes`,
  days: (n: number) => `${n} jours`,
  unavailable: "La configuration n'a pas pu être lue. Réessayez.",
} as const;

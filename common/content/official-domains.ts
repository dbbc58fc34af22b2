// Which web addresses the kiosk may call official: checked by the content build, the content service and the screens.

/**
 * Registrable domains of official health and public services. An address is official when its host is one of them or
 * a name under one of them (www.ameli.fr, assure.ameli.fr). "gouv.fr" stands for every name under it: that zone is
 * reserved to the French State, a name there needs the Government Information Service's approval.
 * A site adds its own (a regional agency, a local partner) with `officialDomains` in its configuration.
 */
export const officialDomains: readonly string[] = [
  'gouv.fr',
  'ameli.fr',
  'monespacesante.fr',
  'service-public.fr',
  'applicartevitale.fr',
  'sante.fr',
  'santepubliquefrance.fr',
  'has-sante.fr',
  '3114.fr',
  'centres-antipoison.net',
  'vaccination-info-service.fr',
  'tabac-info-service.fr',
  'joueurs-info-service.fr',
  'drogues-info-service.fr',
  'alcool-info-service.fr',
  'caf.fr',
  'msa.fr',
  'urssaf.fr',
  'lassuranceretraite.fr',
  'info-retraite.fr',
];

/** A domain as a site may write it in its configuration: lowercase labels joined by dots, at least two labels. */
export const domainPattern = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * True when `address` is an https address, without a user name, password or port of its own, on one of the official
 * domains (the built-in list plus `extra`). Look-alikes such as "ameli-fr.example" or "ameli.fr.example" are not.
 */
export function isOfficialUrl(address: string, extra: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return [...officialDomains, ...extra].some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** Text a phone would open as a web address: one word with a scheme ("https:", "javascript:") or like "www.x" or "x.fr/y". */
export function looksLikeAddress(text: string): boolean {
  const word = text.trim();
  return !/\s/.test(word) && (/^[a-z][a-z0-9+.-]*:/i.test(word) || /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(word));
}

// Which addresses the kiosk calls official: the built-in domains and names under them, never a look-alike.
import { describe, expect, it } from 'vitest';
import { isOfficialUrl, looksLikeAddress } from '../../common/content/official-domains';

describe('official addresses', () => {
  it('accepts the official domains and names under them', () => {
    for (const url of [
      'https://www.ameli.fr/assure/compte',
      'https://assure.ameli.fr/',
      'https://www.monespacesante.fr/',
      'https://www.service-public.fr/particuliers',
      'https://franceconnect.gouv.fr/',
      'https://www.impots.gouv.fr/',
      'https://WWW.AMELI.FR/',
      'https://www.ameli.fr./',
    ])
      expect(isOfficialUrl(url), url).toBe(true);
  });

  it('refuses look-alikes, other schemes, credentials and ports', () => {
    for (const url of [
      'https://ameli-fr.example/connexion',
      'https://www.ameli.fr.example/',
      'https://notameli.fr/',
      'https://ameli.fr-securite.com/',
      'https://evil-gouv.fr/',
      'https://gouv.fr.example/',
      'https://аmeli.fr/', // a Cyrillic "а"
      'http://www.ameli.fr/',
      'https://user@www.ameli.fr/',
      'https://www.ameli.fr@evil.example/',
      'https://www.ameli.fr:8443/',
      'javascript:alert(1)',
      'www.ameli.fr',
    ])
      expect(isOfficialUrl(url), url).toBe(false);
  });

  it('accepts a domain the site adds, and names under it', () => {
    expect(isOfficialUrl('https://www.chu-exemple.fr/rdv', ['chu-exemple.fr'])).toBe(true);
    expect(isOfficialUrl('https://chu-exemple.fr.example/', ['chu-exemple.fr'])).toBe(false);
  });

  it('tells text a phone would open as an address from a slip of text, for the QR codes', () => {
    for (const text of [
      'https://ameli-fr.example/',
      'javascript:alert(1)',
      'www.ameli-fr.example',
      'ameli-fr.example/connexion',
      'sms:3646',
    ])
      expect(looksLikeAddress(text), text).toBe(true);
    for (const text of ['Créer mon compte ameli\nIl vous reste : Étape 2', 'Note: appeler le 3646', 'Code ABCD-1234'])
      expect(looksLikeAddress(text), text).toBe(false);
  });
});

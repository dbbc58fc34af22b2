// The content shipped in content/: complete in every language, and findable with the words visitors use.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../build/content/load';
import { buildContentPack } from '../../build/scripts/content-build';
import { packFileName, type PackManifest } from '../../common/content/pack-format';
import { createSearch, maxCandidates, type Search } from '../../main/content/search';
import { useTempDir } from './temp-dir';
import { bracketed } from './helpers/snippet-text';
import type { JourneyBody } from '../../common/api/types';
import { visitorPath } from '../../renderer/journey/readiness-state';

const tempDir = useTempDir();
let manifest: PackManifest;
let db: Database.Database;
let search: Search;

beforeAll(() => {
  const dir = join(tempDir(), 'pack');
  manifest = buildContentPack(join(import.meta.dirname, '..', '..', 'content'), dir);
  db = new Database(join(dir, packFileName), { readonly: true });
  search = createSearch(db);
});
afterAll(() => db.close());

const top = (query: string, n = 3) =>
  search
    .search(query, 'fr')
    .hits.slice(0, n)
    .map((h) => h.id);

describe('shipped content', () => {
  it('covers what people come to a desk for, in every language: 12 journeys and 35 topics at least', () => {
    for (const locale of ['fr', 'en', 'ar']) {
      expect(manifest.counts[locale]?.journeys, locale).toBeGreaterThanOrEqual(12);
      expect(manifest.counts[locale]?.topics, locale).toBeGreaterThanOrEqual(35);
    }
    const ids = new Set((db.prepare("SELECT id FROM item WHERE locale = 'fr'").pluck().all() as string[]).values());
    // The procedures of the coverage list, one page each (journeys where there is something to do).
    for (const id of [
      'creer-ou-retrouver-adresse-e-mail',
      'codes-recus-par-sms-ou-e-mail',
      'numero-de-securite-sociale-et-numero-de-serie',
      'quelle-piece-d-identite',
      'telecharger-attestation-de-droits',
      'voir-mes-remboursements',
      'changer-adresse-ou-compte-bancaire',
      'carte-vitale-perdue-ou-volee',
      'declarer-medecin-traitant',
      'arret-de-travail',
      'maternite-paternite',
      'avoir-16-ans',
      'puma-protection-universelle-maladie',
      'aide-medicale-de-l-etat',
      'complementaire-sante-solidaire-plafonds',
      'mon-espace-sante-profil-enfant',
      'mon-espace-sante-fermer',
      'mon-espace-sante-ce-qu-il-propose',
      'preparer-une-teleconsultation',
    ])
      expect(ids.has(id), id).toBe(true);
  });

  it('has at least 14 topics and 4 journeys, the same set in French, English and Arabic', () => {
    for (const locale of ['fr', 'en', 'ar']) {
      expect(manifest.counts[locale]?.topics).toBeGreaterThanOrEqual(14);
      expect(manifest.counts[locale]?.journeys).toBeGreaterThanOrEqual(4);
    }
    expect(manifest.counts.en).toEqual(manifest.counts.fr);
    expect(manifest.counts.ar).toEqual(manifest.counts.fr);
  });

  it('covers the journeys the kiosk is for', () => {
    const journeys = db.prepare("SELECT id FROM item WHERE locale = 'fr' AND kind = 'journey'").pluck().all();
    expect(journeys).toEqual(expect.arrayContaining(['activer-mon-espace-sante', 'creer-compte-ameli', 'activer-appli-carte-vitale']));
  });

  it('marks sexual health, addiction, violence and mental health pages as sensitive, in every language', () => {
    // Mental health joined the list with the psychologist page (mon-soutien-psy): opening it tells that someone at the
    // desk feels unwell, speaks of suicide, alcohol and cannabis, and is as private as the addiction page it sends to.
    for (const locale of ['fr', 'en', 'ar']) {
      const sensitive = db.prepare('SELECT id FROM item WHERE locale = ? AND sensitive = 1 ORDER BY id').pluck().all(locale);
      expect(sensitive, locale).toEqual([
        'addictions-trouver-de-l-aide',
        'mon-soutien-psy',
        'sante-sexuelle-et-depistage',
        'violences-trouver-de-l-aide',
      ]);
    }
  });

  it('gives every journey a secret step where the visitor types a code, and a way without internet', () => {
    const rows = db.prepare<[], { id: string; data: string }>("SELECT id, data FROM item WHERE locale = 'fr' AND kind = 'journey'").all();
    for (const row of rows) {
      const data = JSON.parse(row.data) as { steps: { secret: boolean }[]; offline: { text: readonly unknown[] } };
      expect(
        data.steps.some((s) => s.secret),
        row.id,
      ).toBe(true);
      expect(data.offline.text.length, row.id).toBeGreaterThan(0);
    }
  });
});

describe('search on the shipped content', () => {
  it('ranks every match: no language has more items than the search ranks at most (a larger pack ranks the first ones only)', () => {
    const counts = db.prepare<[], { locale: string; n: number }>('SELECT locale, count(*) AS n FROM item GROUP BY locale').all();
    expect(counts.length).toBeGreaterThan(0);
    for (const { locale, n } of counts) expect(n, locale).toBeLessThanOrEqual(maxCandidates);
  });

  it('finds pages about the Sécurité sociale without accents: by their title, with their summary, and in their text, marked', () => {
    const { hits } = search.search('securite sociale', 'fr');
    expect(hits[0]?.title.toLowerCase()).toContain('sécurité sociale');
    expect(hits[0]?.snippet).toEqual([{ text: hits[0]?.summary, mark: false }]);
    expect(hits.map((hit) => bracketed(hit.snippet).toLowerCase()).join('\n')).toContain('[sécurité] [sociale]');
  });

  it('understands the words people actually use', () => {
    expect(top('sécu')).toContain('compte-ameli-c-est-quoi');
    expect(top('mutuelle')[0]).toBe('complementaire-sante-solidaire');
    expect(top('CMU')[0]).toBe('complementaire-sante-solidaire');
    expect(top('carte vitale')).toEqual(
      expect.arrayContaining(['appli-carte-vitale-c-est-quoi', 'carte-vitale-mettre-a-jour-ou-remplacer']),
    );
    expect(top('médecin de famille')[0]).toBe('medecin-traitant');
  });

  it('forgives a typo in a long word', () => {
    expect(top('telecosultation')[0]).toBe('teleconsultation');
    expect(top('medecin traitent')[0]).toBe('medecin-traitant');
  });
});

describe('shipped journeys', () => {
  const journeys = Object.values(loadContent(join(import.meta.dirname, '..', '..', 'content')).locales).flatMap((l) => l.journeys);

  it('never let a "no" skip the steps before it: each visitor path holds every step of its path but unneeded helpers', () => {
    const skipping = journeys.flatMap((journey) => {
      const readiness = journey.readiness.map((q) => ({ ...q, ifNo: q.if_no }));
      const body = { readiness, steps: journey.steps, offline: journey.offline } as unknown as JourneyBody;
      return journey.readiness.flatMap((question) => {
        const path = visitorPath(body, [question.id]);
        const helpers = new Set(journey.readiness.flatMap((q) => ('insert' in q.if_no && q.id !== question.id ? q.if_no.insert : [])));
        const first = path[0] ?? 0;
        const last = path[path.length - 1] ?? 0;
        // Every step between the path's first and last is on it, but the helpers of other questions.
        const left = journey.steps.slice(first, last + 1).filter((s, i) => !path.includes(first + i) && !helpers.has(s.id));
        return left.map((s) => `${journey.file}: no to ${question.id} skips ${s.id}`);
      });
    });
    expect(skipping).toEqual([]);
  });

  it('ask no question whose answer the visitor cannot know: no code age, no "recent enough" phone', () => {
    const french = journeys.filter((j) => j.file.startsWith('fr/'));
    const questions = french.flatMap((j) => j.readiness.map((q) => q.question));
    expect(questions.filter((q) => /semaines|assez récent/i.test(q))).toEqual([]);
  });
});

describe('what goes wrong, as the visitor reads it', () => {
  it('speaks to the visitor ("vous"), not about "la personne", in every "Si ça ne marche pas"', () => {
    const content = loadContent(join(import.meta.dirname, '..', '..', 'content'));
    const labels = content.locales.fr.journeys.flatMap((j) => j.steps.flatMap((s) => s.problems.flatMap((p) => [p.problem, p.fix])));
    expect(labels.filter((text) => /\bla personne\b/i.test(text))).toEqual([]);
    const english = content.locales.en.journeys.flatMap((j) => j.steps.flatMap((s) => s.problems.map((p) => p.problem)));
    expect(english.filter((text) => /\bthe person\b/i.test(text))).toEqual([]);
  });
});

import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentPack } from '../../build/scripts/content-build';
import { ContentError, formatProblem } from '../../build/content/load';
import { useTempDir } from './temp-dir';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'content-mini');
const tempDir = useTempDir();

function copyFixture(): string {
  const dir = join(tempDir(), 'content');
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

function problemsOf(contentDir: string): string[] {
  try {
    buildContentPack(contentDir, join(tempDir(), 'pack'));
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the build to fail');
}

describe('content build', () => {
  it('compiles valid content into a pack with a manifest that counts every locale', () => {
    const manifest = buildContentPack(fixture, join(tempDir(), 'pack'));
    expect(manifest.counts).toEqual({
      fr: { topics: 2, journeys: 1, glossary: 2 },
      en: { topics: 2, journeys: 1, glossary: 2 },
      ar: { topics: 2, journeys: 1, glossary: 2 },
    });
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.places).toBe(1);
  });

  it('names the file, the line and the field of a schema error', () => {
    const dir = copyFixture();
    const file = join(dir, 'fr', 'parcours', 'activer-le-compte.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('verified_at: 2026-11-23', 'verified_at: hier'));
    expect(problemsOf(dir)).toEqual(['fr/parcours/activer-le-compte.yaml:7 [verified_at]: expected a date written YYYY-MM-DD']);
  });

  it('counts the front matter lines when placing an error in a topic', () => {
    const dir = copyFixture();
    const file = join(dir, 'fr', 'fiches', 'medecin-traitant.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('sources: [https://www.ameli.fr/]', 'sources: [http://www.ameli.fr/]'));
    expect(problemsOf(dir)).toEqual(['fr/fiches/medecin-traitant.md:8 [sources.0]: expected an https address']);
  });

  it('fails when a locale misses an item that French has', () => {
    const dir = copyFixture();
    rmSync(join(dir, 'ar', 'fiches', 'medecin-traitant.md'));
    expect(problemsOf(dir)).toContain('ar/: the topic "medecin-traitant" exists in French but not in ar');
  });

  it('fails when a text uses a glossary word that its locale does not define', () => {
    const dir = copyFixture();
    rmSync(join(dir, 'en', 'mots', 'code-provisoire.yaml'));
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([
        'en/parcours/activer-le-compte.yaml: the glossary word "code-provisoire" is used but en/mots/code-provisoire.yaml does not exist',
      ]),
    );
  });

  it('fails when a journey goes to a step that does not exist, or steps differ between languages', () => {
    const dir = copyFixture();
    const file = join(dir, 'en', 'parcours', 'activer-le-compte.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('insert: [code]', 'insert: [nowhere]'));
    expect(problemsOf(dir)[0]).toMatch(
      /^en\/parcours\/activer-le-compte\.yaml:\d+ \[readiness\.0\.if_no\.insert\.0\]: expected the id of a step of this journey/,
    );
  });

  it('refuses a readiness answer that would skip steps: the old "goto", or a "path" that is not the start of a second path', () => {
    const dir = copyFixture();
    const file = join(dir, 'fr', 'parcours', 'activer-le-compte.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('insert: [code]', 'goto: code'));
    expect(problemsOf(dir)[0]).toMatch(/^fr\/parcours\/activer-le-compte\.yaml:\d+ \[readiness\.0\.if_no\]/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('goto: code', 'path: code'));
    expect(problemsOf(dir)[0]).toMatch(
      /^fr\/parcours\/activer-le-compte\.yaml:\d+ \[readiness\.0\.if_no\.path\]: expected the first step of this journey's second path/,
    );
  });

  it('refuses mediator notes outside French: they are written once and shown in French beside any language', () => {
    const dir = copyFixture();
    const file = join(dir, 'ar', 'parcours', 'activer-le-compte.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(\n {2}- id: site\n)/, '$1    mediator_notes: ملاحظة\n'));
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ar\/parcours\/activer-le-compte\.yaml.*steps\.0\.mediator_notes.*written once, in French/),
      ]),
    );
  });

  it('refuses opening hours that are not in the OpenStreetMap syntax', () => {
    const dir = copyFixture();
    const file = join(dir, 'lieux.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Tu-Sa 10:00-18:00', 'du mardi au samedi, 10h-18h'));
    expect(problemsOf(dir)).toEqual([
      'lieux.yaml [accueil.opening_hours]: expected OpenStreetMap opening_hours, like "Mo-Fr 09:00-12:00,14:00-17:00", got "du mardi au samedi, 10h-18h"',
    ]);
  });

  it('refuses an id that does not match its file name, and a pictogram without a file', () => {
    const dir = copyFixture();
    const file = join(dir, 'fr', 'fiches', 'securite-sociale.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('id: securite-sociale', 'id: secu').replace('pictogram: doc', 'pictogram: absent'),
    );
    const problems = problemsOf(dir);
    expect(problems).toContain('fr/fiches/securite-sociale.md [id]: expected the id to match the file name "securite-sociale", got "secu"');
  });

  it('refuses look-alike addresses: a step, a source or a place that is not on an official domain fails the build', () => {
    const dir = copyFixture();
    const journey = join(dir, 'fr', 'parcours', 'activer-le-compte.yaml');
    writeFileSync(
      journey,
      readFileSync(journey, 'utf8')
        .replace('    text: "Ouvrez le site."', '    text: "Ouvrez le site."\n    url: https://ameli-fr.example/connexion')
        .replace('sources: [https://www.ameli.fr/]', 'sources: [https://www.ameli.fr.example/]'),
    );
    const places = join(dir, 'lieux.yaml');
    writeFileSync(places, `${readFileSync(places, 'utf8').trimEnd()}\n  url: https://user@www.ameli.fr/\n`);
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^fr\/parcours\/activer-le-compte\.yaml:\d+ \[steps\.0\.url\]: expected an address on an official domain/),
        expect.stringMatching(/^fr\/parcours\/activer-le-compte\.yaml:\d+ \[sources\.0\]: expected an address on an official domain/),
        expect.stringMatching(/^lieux\.yaml:\d+ \[0\.url\]: expected an address on an official domain/),
      ]),
    );
  });

  it('builds the real content: every address in content/ is on an official domain', () => {
    expect(buildContentPack(join(import.meta.dirname, '..', '..', 'content'), join(tempDir(), 'pack')).counts.fr?.topics).toBeGreaterThan(
      0,
    );
  });
});

describe('content build: markup', () => {
  it('refuses a page whose markup cannot be read, and accepts a glossary word inside bold', () => {
    const dir = copyFixture();
    const file = join(dir, 'fr', 'fiches', 'medecin-traitant.md');
    const page = readFileSync(file, 'utf8');
    writeFileSync(file, page.replace('Il vous connaît bien.', 'Il vous connaît bien.\n**Il a la [[carte-vitale|carte]].**'));
    expect(() => buildContentPack(dir, join(tempDir(), 'pack'))).not.toThrow();
    writeFileSync(file, page.replace('Il vous connaît bien.', 'Il vous connaît bien.\n**Il a la [[carte-vitale|carte.**'));
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/^fr\/fiches\/medecin-traitant\.md: markup that cannot be read: "\[\[" at character \d+ has no "\]\]"/),
    ]);
  });

  it('refuses markup in a title or a summary, which the pack keeps as plain text and would show as typed', () => {
    const dir = copyFixture();
    const file = join(dir, 'fr', 'fiches', 'medecin-traitant.md');
    const page = readFileSync(file, 'utf8');
    writeFileSync(file, page.replace('title: "Le médecin traitant"', 'title: "Le **médecin** traitant"'));
    expect(problemsOf(dir)).toEqual([
      'fr/fiches/medecin-traitant.md: a title, summary or glossary word is plain text, without ** or [[ ]]: "Le **médecin** traitant"',
    ]);
  });
});

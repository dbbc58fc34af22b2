import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintContent } from '../../build/content/falc/lint';
import { ContentError, loadContent } from '../../build/content/load';
import { buildContentPack } from '../../build/scripts/content-build';
import { miniContent } from './signed-pack';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();

function copyMini(): string {
  const dir = join(tempDir(), 'content');
  cpSync(miniContent, dir, { recursive: true });
  return dir;
}

describe('FALC linter on content files', () => {
  it('passes the shipped content with no error and no silenced rule', () => {
    const { findings, silenced } = lintContent(loadContent(join(import.meta.dirname, '..', '..', 'content')));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(silenced).toEqual([]);
  });

  it('makes the content build fail with the file, the line and the rule', () => {
    const dir = copyMini();
    const file = join(dir, 'fr', 'fiches', 'medecin-traitant.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Il vous connaît bien.', 'Il vous connaît bien. Il est payé par la caisse.'));
    try {
      buildContentPack(dir, join(tempDir(), 'pack'));
      throw new Error('expected the build to fail');
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      const problems = (error as ContentError).problems;
      expect(problems).toContainEqual({
        file: 'fr/fiches/medecin-traitant.md',
        line: 14,
        field: 'one-sentence-per-line',
        message: 'put each sentence on its own line',
      });
      expect(problems.map((p) => p.field)).toContain('passive-voice');
    }
  });

  it('lets a page silence a rule only with a written reason, and lists it', () => {
    const dir = copyMini();
    const file = join(dir, 'fr', 'fiches', 'medecin-traitant.md');
    const text = readFileSync(file, 'utf8')
      .replace('Il vous connaît bien.', 'Allez à la CAF.')
      .replace(
        'verified_at: 2026-11-23',
        'verified_at: 2026-11-23\nlint_exceptions:\n  - rule: acronym\n    reason: CAF is the name people know.',
      );
    writeFileSync(file, text);
    const { findings, silenced } = lintContent(loadContent(dir));
    expect(findings.filter((f) => f.rule === 'acronym')).toEqual([]);
    expect(silenced).toEqual([{ file: 'fr/fiches/medecin-traitant.md', rule: 'acronym', reason: 'CAF is the name people know.' }]);
  });
});

describe('review dates', () => {
  const reviewRules = (dir: string, today: string) =>
    lintContent(loadContent(dir), new Date(`${today}T12:00:00Z`))
      .findings.filter((f) => f.rule.startsWith('review') || f.rule === 'verified-in-future')
      .filter((f) => f.file === 'fr/fiches/medecin-traitant.md')
      .map((f) => `${f.severity} ${f.rule} line ${f.line}`);

  it('warns in the 30 days before a page review date and fails the build after it', () => {
    const dir = copyMini();
    expect(reviewRules(dir, '2030-02-15')).toEqual([]);
    expect(reviewRules(dir, '2030-03-15')).toEqual(['warning review-due line 10']);
    expect(reviewRules(dir, '2030-04-02')).toEqual(['error review-overdue line 10']);
    expect(() => buildContentPack(dir, join(tempDir(), 'pack'), { today: new Date('2030-04-02T12:00:00Z') })).toThrow(
      /review date 2030-04-01 has passed/,
    );
  });

  it('refuses a check date that has not come yet', () => {
    const dir = copyMini();
    const file = join(dir, 'fr', 'fiches', 'medecin-traitant.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('verified_at: 2026-11-23', 'verified_at: 2029-01-01'));
    expect(reviewRules(dir, '2028-06-01')).toEqual(['error verified-in-future line 9']);
  });

  it('ships no page claiming a check that nobody made, and every page has a review date', () => {
    const content = loadContent(join(import.meta.dirname, '..', '..', 'content'));
    const items = Object.values(content.locales).flatMap((l) => [...l.topics, ...l.journeys]);
    expect(items.filter((item) => item.verified_at !== undefined).map((item) => item.file)).toEqual([]);
    expect(items.every((item) => /^\d{4}-\d{2}-\d{2}$/.test(item.review_by))).toBe(true);
  });
});

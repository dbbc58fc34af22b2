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
        line: 13,
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

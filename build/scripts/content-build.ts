// `npm run content:build`: validates content/, checks it across languages, and compiles the content pack.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFileName, packFileName } from '../../main/db/content-pack-format';
import { checkContent } from '../content/check';
import { lintContent } from '../content/falc/lint';
import { ContentError, formatProblem, loadContent } from '../content/load';
import { writePack } from '../content/pack-writer';

export const defaultPackDir = join(import.meta.dirname, '..', '..', 'dist', 'content');

export function buildContentPack(contentDir: string, outDir: string, today: Date = new Date()) {
  const source = loadContent(contentDir);
  const lint = lintContent(source, today);
  const problems = [
    ...checkContent(source),
    ...lint.findings.filter((f) => f.severity === 'error').map((f) => ({ file: f.file, line: f.line, field: f.rule, message: f.message })),
  ];
  if (problems.length > 0) throw new ContentError(problems);
  mkdirSync(outDir, { recursive: true });
  const manifest = writePack(source, join(outDir, packFileName));
  writeFileSync(join(outDir, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const started = performance.now();
  try {
    const manifest = buildContentPack(join(import.meta.dirname, '..', '..', 'content'), defaultPackDir);
    const counts = Object.entries(manifest.counts).map(([l, c]) => `${l}: ${c.topics} topics, ${c.journeys} journeys, ${c.glossary} words`);
    process.stdout.write(`Content pack ${manifest.version} in ${Math.round(performance.now() - started)} ms\n${counts.join('\n')}\n`);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    process.stderr.write(`The content has ${error.problems.length} problem(s):\n${error.problems.map(formatProblem).join('\n')}\n`);
    process.exit(1);
  }
}

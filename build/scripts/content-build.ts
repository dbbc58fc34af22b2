// `npm run content:build`: validates content/, checks it across languages, and compiles the content pack.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { manifestFileName, packFileName } from '../../common/content/pack-format';
import { checkContent } from '../content/check';
import { lintContent } from '../content/falc/lint';
import { ContentError, formatProblem, loadContent } from '../content/load';
import { writePack } from '../content/pack-writer';

export const defaultPackDir = join(import.meta.dirname, '..', '..', 'dist', 'content');

/**
 * `sequence`: the pack's place in the publisher's series (default: the build time in milliseconds); `today`: the day
 * review dates are checked against.
 */
export function buildContentPack(contentDir: string, outDir: string, options: { sequence?: number; today?: Date } = {}) {
  const today = options.today ?? new Date();
  const sequence = options.sequence;
  const source = loadContent(contentDir);
  const lint = lintContent(source, today);
  const problems = [
    ...checkContent(source),
    ...lint.findings.filter((f) => f.severity === 'error').map((f) => ({ file: f.file, line: f.line, field: f.rule, message: f.message })),
  ];
  if (problems.length > 0) throw new ContentError(problems);
  mkdirSync(outDir, { recursive: true });
  const now = new Date();
  const manifest = writePack(source, join(outDir, packFileName), now, sequence ?? now.getTime());
  writeFileSync(join(outDir, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const started = performance.now();
  // `--sequence=N` numbers the pack by hand; it must be higher than every pack the kiosks already have.
  const { values } = parseArgs({ options: { sequence: { type: 'string' } } });
  const sequence = values.sequence === undefined ? undefined : Number(values.sequence);
  if (sequence !== undefined && (!Number.isSafeInteger(sequence) || sequence < 1)) {
    process.stderr.write('--sequence expects a whole number from 1\n');
    process.exit(2);
  }
  try {
    const manifest = buildContentPack(
      join(import.meta.dirname, '..', '..', 'content'),
      defaultPackDir,
      sequence === undefined ? {} : { sequence },
    );
    const counts = Object.entries(manifest.counts).map(([l, c]) => `${l}: ${c.topics} topics, ${c.journeys} journeys, ${c.glossary} words`);
    process.stdout.write(
      `Content pack ${manifest.version} (sequence ${manifest.sequence}) in ${Math.round(performance.now() - started)} ms\n${counts.join('\n')}\n`,
    );
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    process.stderr.write(`The content has ${error.problems.length} problem(s):\n${error.problems.map(formatProblem).join('\n')}\n`);
    process.exit(1);
  }
}

// `npm run content:lint`: the easy-to-read (FALC) checks on every visitor-facing text; fails on any error.
import { join } from 'node:path';
import { lintContent } from '../content/falc/lint';
import { ContentError, formatProblem, loadContent } from '../content/load';

try {
  const { findings, silenced } = lintContent(loadContent(join(import.meta.dirname, '..', '..', 'content')));
  for (const f of findings) process.stdout.write(`${f.file}:${f.line} [${f.rule}] ${f.severity}: ${f.message}\n`);
  for (const s of silenced) process.stdout.write(`silenced: ${s.file} [${s.rule}] because ${s.reason}\n`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  process.stdout.write(`${errors} error(s), ${findings.length - errors} warning(s), ${silenced.length} silenced rule(s)\n`);
  process.exit(errors > 0 ? 1 : 0);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  process.stderr.write(`${error.problems.map(formatProblem).join('\n')}\n`);
  process.exit(1);
}

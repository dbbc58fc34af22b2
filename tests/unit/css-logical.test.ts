// The renderer's styles use logical properties only, so the Arabic (right-to-left) layout mirrors by itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const stylesDir = join(import.meta.dirname, '..', '..', 'renderer', 'styles');

/** Physical directions that would not flip in right to left: margin-left, padding-right, left:, text-align: right… */
const physical =
  /(?:^|[\s;{])(?:(?:margin|padding|border|inset)-(?:left|right)[\w-]*|left|right|float|clear)\s*:|text-align\s*:\s*(?:left|right)|\b(?:border-(?:top|bottom)-(?:left|right)-radius)\b/;

function physicalDeclarations(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return withoutComments
    .split('\n')
    .filter((line) => physical.test(line))
    .map((line) => line.trim());
}

describe('logical CSS', () => {
  it('finds physical properties in a bad example and none in a good one', () => {
    expect(physicalDeclarations('.a { margin-left: 1rem; }\n.b { text-align: right; }\n.c {\n  left: 0;\n}')).toHaveLength(3);
    expect(
      physicalDeclarations('.a { margin-inline-start: 1rem; text-align: start; inset-inline-start: 0; }\n/* margin-left in a comment */'),
    ).toEqual([]);
  });

  it.each(readdirSync(stylesDir).filter((f) => f.endsWith('.css')))('%s uses logical properties only', (file) => {
    expect(physicalDeclarations(readFileSync(join(stylesDir, file), 'utf8'))).toEqual([]);
  });
});

// The pictograms are written into the page as markup: every file passes the check, and the check refuses what
// could run, load or style something.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pictogramProblems } from '../../build/content/pictogram-check';

const dir = join(import.meta.dirname, '..', '..', 'content', 'pictograms');
const drawing = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><path d="M1 1h10"/></svg>';

describe('pictograms drawn inline', () => {
  it('passes every pictogram of the content', () => {
    const files = readdirSync(dir).filter((name) => name.endsWith('.svg'));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) expect([name, pictogramProblems(readFileSync(join(dir, name), 'utf8'))]).toEqual([name, []]);
  });

  it('refuses scripts, event attributes, links, styles, foreign content, entities and stray text', () => {
    expect(pictogramProblems(drawing)).toEqual([]);
    const bad = [
      drawing.replace('<path', '<script>alert(1)</script><path'),
      drawing.replace('<path', '<path onload="alert(1)"'),
      drawing.replace('<path d="M1 1h10"/>', '<a href="https://example.org"><path d="M1 1h10"/></a>'),
      drawing.replace('<path', '<path style="fill:red"'),
      drawing.replace('<path', '<style>path{fill:red}</style><path'),
      drawing.replace('<path d="M1 1h10"/>', '<foreignObject><div>x</div></foreignObject>'),
      drawing.replace('<path', '<image href="x.png"/><path'),
      drawing.replace('d="M1 1h10"', 'fill="url(https://example.org/x)" d="M1"'),
      `<!DOCTYPE svg [<!ENTITY x "y">]>${drawing}`,
      drawing.replace('</svg>', 'hello</svg>'),
      drawing.replace('<path', '<path onclick=alert(1)'),
      `<div>${drawing}</div>`,
    ];
    for (const svg of bad) expect([svg, pictogramProblems(svg).length]).not.toEqual([svg, 0]);
  });
});

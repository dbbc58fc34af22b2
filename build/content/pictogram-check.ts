// The pictograms are drawn inline (their markup is written into the page, no image to fetch and decode), so each
// file is held to a short list of drawing elements and attributes: nothing that runs, links, styles or loads.
const elements = new Set(['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);
const attributes = new Set([
  'xmlns',
  'viewBox',
  'width',
  'height',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'transform',
  'd',
  'x',
  'y',
  'rx',
  'ry',
  'cx',
  'cy',
  'r',
  'x1',
  'y1',
  'x2',
  'y2',
  'points',
]);

/** The problems of one pictogram's markup; none means it may be written into the page as it is. */
export function pictogramProblems(svg: string): string[] {
  const problems: string[] = [];
  const text = svg.trim();
  if (!/^<svg[\s>]/.test(text) || !text.endsWith('</svg>')) problems.push('the file is not one <svg> element');
  if (/<!|<\?|&/.test(text)) problems.push('comments, declarations and entities are not allowed');
  for (const tag of text.matchAll(/<\/?([A-Za-z][\w:-]*)([^>]*)>/g)) {
    const [, name = '', rest = ''] = tag;
    if (!elements.has(name)) problems.push(`element <${name}> is not allowed`);
    for (const attribute of rest.matchAll(/([^\s=/]+)\s*=\s*("[^"]*"|'[^']*')/g)) {
      const attributeName = attribute[1] ?? '';
      if (!attributes.has(attributeName)) problems.push(`attribute ${attributeName} on <${name}> is not allowed`);
      if (/url\s*\(|javascript:/i.test(attribute[2] ?? '')) problems.push(`attribute ${attributeName} refers to something else`);
    }
    const leftover = rest.replace(/([^\s=/]+)\s*=\s*("[^"]*"|'[^']*')/g, '').replace(/[\s/]/g, '');
    if (leftover) problems.push(`<${name}> has something that is not a quoted attribute: ${leftover}`);
  }
  if (/<[^>]*$/.test(text) || text.replace(/<[^>]*>/g, '').trim() !== '') problems.push('text outside the drawing elements');
  return [...new Set(problems)];
}

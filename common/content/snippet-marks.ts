// Marks around matched words in search snippets: control characters no text contains, rendered as <mark>. Their
// own file, so the renderer takes them without the pack format's schemas (and zod) in its bundle.
export const snippetStart = '\u0002';
export const snippetEnd = '\u0003';

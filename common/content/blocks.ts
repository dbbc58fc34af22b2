// The shape of compiled text, shared by the content build (which writes it) and the renderer (which shows it).
// Inline text keeps two marks: [[glossary-id]] or [[glossary-id|shown text]], and **bold**.

export type Block =
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'paragraph'; readonly lines: readonly string[] }
  | { readonly type: 'list'; readonly items: readonly string[] };

export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'strong'; readonly text: string }
  | { readonly type: 'term'; readonly id: string; readonly text: string | null };

const inlinePattern = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\]]+))?\]\]|\*\*([^*]+)\*\*/g;

/** Splits one line of text into plain text, bold text and glossary terms. */
export function parseInline(line: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of line.matchAll(inlinePattern)) {
    if (match.index > last) parts.push({ type: 'text', text: line.slice(last, match.index) });
    if (match[1]) parts.push({ type: 'term', id: match[1], text: match[2] ?? null });
    else parts.push({ type: 'strong', text: match[3] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < line.length) parts.push({ type: 'text', text: line.slice(last) });
  return parts;
}

/** The line as a person reads it: marks removed, a term shown by its text (or its id until resolved). */
export function plainText(line: string, termWord: (id: string) => string = (id) => id): string {
  return parseInline(line)
    .map((part) => (part.type === 'term' ? (part.text ?? termWord(part.id)) : part.text))
    .join('');
}

/** The glossary ids a text refers to. */
export function termIds(text: string): string[] {
  return parseInline(text).flatMap((part) => (part.type === 'term' ? [part.id] : []));
}

/** Parses the Markdown subset of topics: ## headings, paragraphs of one sentence per line, "- " lists. */
export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', lines: paragraph });
    if (list.length) blocks.push({ type: 'list', items: list });
    paragraph = [];
    list = [];
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (line === '') flush();
    else if (line.startsWith('## ')) {
      flush();
      blocks.push({ type: 'heading', text: line.slice(3).trim() });
    } else if (line.startsWith('- ')) {
      if (paragraph.length) flush();
      list.push(line.slice(2).trim());
    } else {
      if (list.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Lines of a multi-line field (a step's text): one sentence per line. */
export const textLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

// The shape of compiled text, shared by the content build (which writes it) and the renderer (which shows it).
// Inline text keeps two marks: [[glossary-id]] or [[glossary-id|shown text]], and **bold**.

export type Block =
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'paragraph'; readonly lines: readonly string[] }
  | { readonly type: 'list'; readonly items: readonly string[] };

/** A glossary word in a line: its id, and the text shown instead of the word (null: the word itself). */
export interface InlineTerm {
  readonly type: 'term';
  readonly id: string;
  readonly text: string | null;
}

export type InlineLeaf = { readonly type: 'text'; readonly text: string } | InlineTerm;

/** Bold holds plain text and glossary words ("**Ask in your [[compte-ameli]].**"); bold does not nest. */
export type Inline = InlineLeaf | { readonly type: 'strong'; readonly children: readonly InlineLeaf[] };

export type InlineParse = { readonly ok: true; readonly parts: Inline[] } | { readonly ok: false; readonly error: string };

const glossaryId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Parses the two marks of a line: **bold** and [[glossary-id]] or [[glossary-id|shown text]].
 * A mark it cannot read (an unclosed "**" or "[[", a stray "]]", a bad id) is an error, so the build can refuse it.
 */
export function parseInlineStrict(line: string): InlineParse {
  const top: Inline[] = [];
  let bold: InlineLeaf[] | null = null;
  let text = '';
  const flushText = () => {
    if (text !== '') (bold ?? top).push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < line.length) {
    if (line.startsWith('**', i)) {
      flushText();
      if (bold) {
        if (bold.length === 0) return { ok: false, error: `empty bold "****" at character ${i - 1}` };
        top.push({ type: 'strong', children: bold });
        bold = null;
      } else bold = [];
      i += 2;
    } else if (line.startsWith('[[', i)) {
      const close = line.indexOf(']]', i + 2);
      if (close < 0) return { ok: false, error: `"[[" at character ${i + 1} has no "]]"` };
      const inner = line.slice(i + 2, close);
      const bar = inner.indexOf('|');
      const id = bar < 0 ? inner : inner.slice(0, bar);
      const shown = bar < 0 ? null : inner.slice(bar + 1);
      if (!glossaryId.test(id)) return { ok: false, error: `"[[${inner}]]": a glossary id is lowercase letters, digits and dashes` };
      if (shown !== null && (shown.trim() === '' || /[[\]*|]/.test(shown))) return { ok: false, error: `"[[${inner}]]": the shown text after "|" is plain words` };
      flushText();
      (bold ?? top).push({ type: 'term', id, text: shown });
      i = close + 2;
    } else if (line.startsWith(']]', i)) {
      return { ok: false, error: `"]]" at character ${i + 1} closes no "[["` };
    } else {
      text += line[i];
      i += 1;
    }
  }
  flushText();
  if (bold) return { ok: false, error: 'a "**" opens bold that no "**" closes' };
  return { ok: true, parts: top };
}

/** Splits one line into plain text, bold and glossary words; a line the build would refuse is shown as plain text. */
export function parseInline(line: string): Inline[] {
  const parsed = parseInlineStrict(line);
  return parsed.ok ? parsed.parts : [{ type: 'text', text: line }];
}

const leaves = (parts: readonly Inline[]): InlineLeaf[] => parts.flatMap((part) => (part.type === 'strong' ? part.children : [part]));

/** The line as a person reads it: marks removed, a term shown by its text (or its id until resolved). */
export function plainText(line: string, termWord: (id: string) => string = (id) => id): string {
  return leaves(parseInline(line))
    .map((part) => (part.type === 'term' ? (part.text ?? termWord(part.id)) : part.text))
    .join('');
}

/** The glossary ids a text refers to. */
export function termIds(text: string): string[] {
  return leaves(parseInline(text)).flatMap((part) => (part.type === 'term' ? [part.id] : []));
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

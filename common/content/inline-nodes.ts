// Content text as the pack stores it: each line already cut into nodes by the build, so the kiosk renders it as is.
// The renderer imports only the types of this file (zod stays out of its bundle).
import { z } from 'zod';

const nodeText = z.string().min(1).max(4000);

/** Plain words; `lang: 'fr'` marks a French name inside English or Arabic text ("carte Vitale"), said in French. */
export const wordsNode = z.object({ type: z.literal('text'), text: nodeText, lang: z.literal('fr').optional() }).strict();
/** A number or (in a right-to-left line) a Latin name, shown isolated left to right so its parts keep their order. */
export const ltrNode = z.object({ type: z.literal('ltr'), children: z.array(wordsNode).min(1).max(20) }).strict();
/** A phone number: shown left to right, spoken in groups of digits. */
export const phoneNode = z
  .object({ type: z.literal('phone'), number: z.string().regex(/^[\d +.]{2,30}$/) })
  .strict();
/** A glossary word the visitor can tap: its id and the text shown (the word itself, or the author's wording). */
export const termNode = z
  .object({ type: z.literal('term'), id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), text: nodeText })
  .strict();
const leafNode = z.discriminatedUnion('type', [wordsNode, ltrNode, phoneNode, termNode]);
/** Bold holds leaves only: bold does not nest. */
export const strongNode = z.object({ type: z.literal('strong'), children: z.array(leafNode).min(1).max(200) }).strict();
export const inlineNode = z.discriminatedUnion('type', [wordsNode, ltrNode, phoneNode, termNode, strongNode]);

/** One line of content text (one sentence, as the content is written). */
export const inlineLine = z.array(inlineNode).max(500);
/** A text of several lines: one paragraph a line. */
export const richText = z.array(inlineLine).max(200);

export type WordsNode = z.output<typeof wordsNode>;
export type InlineLeaf = z.output<typeof leafNode>;
export type InlineNode = z.output<typeof inlineNode>;
export type InlineLine = z.output<typeof inlineLine>;
export type RichText = z.output<typeof richText>;

const leafText = (leaf: InlineLeaf): string => {
  if (leaf.type === 'ltr') return leaf.children.map((child) => child.text).join('');
  if (leaf.type === 'phone') return leaf.number;
  return leaf.text;
};

/** The line as a person reads it: the text of its nodes, in order. */
export const lineText = (line: InlineLine): string =>
  line.map((node) => (node.type === 'strong' ? node.children.map(leafText).join('') : leafText(node))).join('');

// Turns a line of content source (**bold**, [[glossary]] words, numbers, Latin and French names) into the nodes the
// pack stores: everything the screens would otherwise have to find in the text is found once, here, at build time.
import { bidiRuns } from '../../common/content/bidi-runs';
import { parseInlineStrict, textLines, type InlineLeaf as SourceLeaf } from '../../common/content/blocks';
import { frenchRuns } from '../../common/content/french-names';
import type { InlineLeaf, InlineLine, InlineNode, RichText, WordsNode } from '../../common/content/inline-nodes';
import type { ContentLocale } from '../../common/content/schema';

/** A French number of ten digits in pairs ("09 74 75 13 13") or a four-digit service number ("3646", "39 89"). */
const phonePattern = /^(?:0\d(?:[ .\u00A0]?\d\d){4}|3\d[ \u00A0]?\d\d)$/u;
/** An amount is not a phone number, even when it has the same digits ("3500 €"). */
const amountAfter = /^[\s\u00A0\u202F]*(?:€|euros?\b|%)/iu;

export class InlineMarkupError extends Error {
  override readonly name = 'InlineMarkupError';
}

export interface InlineContext {
  readonly locale: ContentLocale;
  /** The glossary word of an id in this locale, or undefined when it has none (the build reports that itself). */
  readonly word: (id: string) => string | undefined;
}

/** Plain words, with the French names of an English or Arabic line marked. */
function words(text: string, locale: ContentLocale): WordsNode[] {
  if (locale === 'fr') return [{ type: 'text', text }];
  return frenchRuns(text).map((run) => (run.fr ? { type: 'text', text: run.text, lang: 'fr' } : { type: 'text', text: run.text }));
}

/** Plain text cut into words, left-to-right runs and phone numbers; the line's direction is its locale's. */
function textNodes(text: string, context: InlineContext): InlineLeaf[] {
  const runs = bidiRuns(text, context.locale === 'ar');
  let at = 0;
  return runs.flatMap((run): InlineLeaf[] => {
    const start = at;
    at += run.text.length;
    if (!run.ltr) return words(run.text, context.locale);
    const after = text.slice(start + run.text.length);
    if (phonePattern.test(run.text) && !amountAfter.test(after)) return [{ type: 'phone', number: run.text.replace(/\u00A0/gu, ' ') }];
    return [{ type: 'ltr', children: words(run.text, context.locale) }];
  });
}

function leafNodes(leaf: SourceLeaf, context: InlineContext): InlineLeaf[] {
  if (leaf.type === 'text') return textNodes(leaf.text, context);
  const shown = leaf.text ?? context.word(leaf.id) ?? leaf.id;
  return [{ type: 'term', id: leaf.id, text: shown }];
}

/** One line as nodes; markup the build cannot read throws (the checks report it with its file first). */
export function compileLine(line: string, context: InlineContext): InlineLine {
  const parsed = parseInlineStrict(line);
  if (!parsed.ok) throw new InlineMarkupError(`markup that cannot be read: ${parsed.error}, in "${line}"`);
  return parsed.parts.flatMap((part): InlineNode[] =>
    part.type === 'strong' ? [{ type: 'strong', children: part.children.flatMap((child) => leafNodes(child, context)) }] : leafNodes(part, context),
  );
}

/** A text of several lines (one sentence a line) as nodes, line by line. */
export const compileText = (text: string, context: InlineContext): RichText => textLines(text).map((line) => compileLine(line, context));

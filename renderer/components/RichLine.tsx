// One line of content text: plain words, bold words, and glossary words the visitor can tap for their meaning.
import { parseInline, textLines, type InlineLeaf } from '../../common/content/blocks';
import { hasRightToLeft } from '../../common/content/bidi-runs';
import type { GlossaryWord } from '../../common/api/types';
import { BidiText } from './BidiText';
import { GlossaryTerm } from './GlossaryTerm';

type Glossary = Readonly<Record<string, GlossaryWord>>;

/** Numbers (and Latin names in an Arabic line) are isolated so they read left to right in any script. */
export function RichLine({ text, glossary }: { text: string; glossary: Glossary }) {
  const rtl = hasRightToLeft(text);
  return (
    <>
      {parseInline(text).map((part, index) =>
        part.type === 'strong' ? (
          <strong key={index}>
            {part.children.map((child, i) => (
              <Leaf key={i} part={child} glossary={glossary} rtl={rtl} />
            ))}
          </strong>
        ) : (
          <Leaf key={index} part={part} glossary={glossary} rtl={rtl} />
        ),
      )}
    </>
  );
}

function Leaf({ part, glossary, rtl }: { part: InlineLeaf; glossary: Glossary; rtl: boolean }) {
  if (part.type === 'text') return <BidiText text={part.text} rtl={rtl} />;
  const word = glossary[part.id];
  const shown = part.text ?? word?.word ?? part.id;
  return word ? <GlossaryTerm shown={shown} word={word} /> : <BidiText text={shown} rtl={rtl} />;
}

/** A text of several lines, one paragraph a line (one sentence a line, as the content is written). */
export function RichParagraphs({ text, glossary }: { text: string; glossary: Glossary }) {
  return (
    <>
      {textLines(text).map((line) => (
        <p key={line}>
          <RichLine text={line} glossary={glossary} />
        </p>
      ))}
    </>
  );
}

/** A list whose items may hold several lines each (what to bring, for instance). */
export function RichList({ items, glossary }: { items: readonly string[]; glossary: Glossary }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>
          {textLines(item).map((line) => (
            <span key={line} className="block-line">
              <RichLine text={line} glossary={glossary} />
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

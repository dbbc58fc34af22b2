// One line of content text: plain words, bold words, and glossary words the visitor can tap for their meaning.
import { parseInline, textLines } from '../../common/content/blocks';
import type { GlossaryWord } from '../../common/api/types';
import { GlossaryTerm } from './GlossaryTerm';

export function RichLine({ text, glossary }: { text: string; glossary: Readonly<Record<string, GlossaryWord>> }) {
  return (
    <>
      {parseInline(text).map((part, index) => {
        if (part.type === 'text') return part.text;
        if (part.type === 'strong') return <strong key={index}>{part.text}</strong>;
        const word = glossary[part.id];
        const shown = part.text ?? word?.word ?? part.id;
        return word ? <GlossaryTerm key={index} shown={shown} word={word} /> : shown;
      })}
    </>
  );
}

/** A text of several lines, one paragraph a line (one sentence a line, as the content is written). */
export function RichParagraphs({ text, glossary }: { text: string; glossary: Readonly<Record<string, GlossaryWord>> }) {
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
export function RichList({ items, glossary }: { items: readonly string[]; glossary: Readonly<Record<string, GlossaryWord>> }) {
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

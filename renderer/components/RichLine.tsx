// One line of content text: plain words, bold words, and glossary words the visitor can tap for their meaning.
import { parseInline } from '../../main/content/blocks';
import type { GlossaryWord } from '../../main/api/types';
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

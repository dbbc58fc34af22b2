// Content text as the pack gives it, cut into nodes by the build: plain words, bold, glossary words the visitor can tap,
// phone numbers and left-to-right runs. Nothing here reads markup: a node is shown as what it is.
import { Fragment } from 'react';
import type { InlineLeaf, InlineLine, RichText } from '../../common/content/inline-nodes';
import type { GlossaryWord } from '../../common/api/types';
import { GlossaryTerm } from './GlossaryTerm';
import { PlainLeaf } from './InlineNodes';

type Glossary = Readonly<Record<string, GlossaryWord>>;

function Leaf({ node, glossary }: { node: InlineLeaf; glossary: Glossary }) {
  const word = node.type === 'term' ? glossary[node.id] : undefined;
  return node.type === 'term' && word ? <GlossaryTerm shown={node.text} word={word} /> : <PlainLeaf node={node} />;
}

/** One line; a glossary word missing from `glossary` is shown as plain words. */
export function RichLine({ text, glossary }: { text: InlineLine; glossary: Glossary }) {
  return (
    <>
      {text.map((node, index) =>
        node.type === 'strong' ? (
          <strong key={index}>
            {node.children.map((child, i) => (
              <Leaf key={i} node={child} glossary={glossary} />
            ))}
          </strong>
        ) : (
          <Fragment key={index}>
            <Leaf node={node} glossary={glossary} />
          </Fragment>
        ),
      )}
    </>
  );
}

/** A text of several lines, one paragraph a line (one sentence a line, as the content is written). */
export function RichParagraphs({ text, glossary }: { text: RichText; glossary: Glossary }) {
  return (
    <>
      {text.map((line, index) => (
        <p key={index}>
          <RichLine text={line} glossary={glossary} />
        </p>
      ))}
    </>
  );
}

/** A list whose items may hold several lines each (what to bring, for instance). */
export function RichList({ items, glossary }: { items: readonly RichText[]; glossary: Glossary }) {
  return (
    <ul>
      {items.map((item, index) => (
        <li key={index}>
          {item.map((line, i) => (
            <span key={i} className="block-line">
              <RichLine text={line} glossary={glossary} />
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

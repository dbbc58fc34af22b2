// The leaves of content text as nodes (words, left-to-right runs, phone numbers), and a line whose glossary words are
// plain words: for a glossary definition, which holds no tappable word of its own.
import { Fragment } from 'react';
import type { InlineLeaf, InlineLine, WordsNode } from '../../common/content/inline-nodes';
import { PhoneNumber } from './PhoneNumber';

/** Words; a French name in an English or Arabic line is marked lang="fr" (a voice says it in French). */
function Words({ node }: { node: WordsNode }) {
  return node.lang ? <span lang={node.lang}>{node.text}</span> : <>{node.text}</>;
}

/** A leaf shown as it is; a glossary word as its words. */
export function PlainLeaf({ node }: { node: InlineLeaf }) {
  if (node.type === 'text') return <Words node={node} />;
  if (node.type === 'phone') return <PhoneNumber number={node.number} />;
  if (node.type === 'term') return <>{node.text}</>;
  return (
    <bdi dir="ltr">
      {node.children.map((child, index) => (
        <Words key={index} node={child} />
      ))}
    </bdi>
  );
}

/** A line with bold kept and glossary words as plain words. */
export function PlainLine({ line }: { line: InlineLine }) {
  return (
    <>
      {line.map((node, index) =>
        node.type === 'strong' ? (
          <strong key={index}>
            {node.children.map((child, i) => (
              <PlainLeaf key={i} node={child} />
            ))}
          </strong>
        ) : (
          <Fragment key={index}>
            <PlainLeaf node={node} />
          </Fragment>
        ),
      )}
    </>
  );
}

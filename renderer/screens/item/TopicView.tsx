// The text of a topic: short parts with headings, one sentence per line, glossary words tappable.
import type { GlossaryWord, TopicBody } from '../../../common/api/types';
import { RichLine } from '../../components/RichLine';

export function TopicView({ body, glossary }: { body: TopicBody; glossary: Readonly<Record<string, GlossaryWord>> }) {
  return (
    <div className="easy-read">
      {body.blocks.map((block, index) => {
        if (block.type === 'heading')
          return (
            <h2 key={index}>
              <RichLine text={block.text} glossary={glossary} />
            </h2>
          );
        if (block.type === 'list') {
          return (
            <ul key={index}>
              {block.items.map((item, i) => (
                <li key={i}>
                  <RichLine text={item} glossary={glossary} />
                </li>
              ))}
            </ul>
          );
        }
        return block.lines.map((line, i) => (
          <p key={`${index}-${i}`}>
            <RichLine text={line} glossary={glossary} />
          </p>
        ));
      })}
    </div>
  );
}

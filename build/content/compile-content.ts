// Compiles a page's blocks and a journey's texts into the shapes the pack stores (common/content/pack-format.ts).
import type { Block } from '../../common/content/blocks';
import type { HelpPlace, JourneyBody, TopicBody } from '../../common/api/types';
import type { JourneySource, PlaceSource } from '../../common/content/schema';
import { compileLine, compileText, type InlineContext } from './inline-compile';

export type { InlineContext } from './inline-compile';

export function compilePageBlocks(blocks: readonly Block[], context: InlineContext): TopicBody['blocks'] {
  return blocks.map((block) => {
    if (block.type === 'heading') return { type: 'heading', text: compileLine(block.text, context) };
    if (block.type === 'list') return { type: 'list', items: block.items.map((item) => compileLine(item, context)) };
    return { type: 'paragraph', lines: block.lines.map((line) => compileLine(line, context)) };
  });
}

/** The journey's texts as nodes; ids, flags and addresses as written. */
export function compileJourney(journey: JourneySource, context: InlineContext): JourneyBody {
  const line = (text: string) => compileLine(text, context);
  const lines = (text: string) => compileText(text, context);
  return {
    readiness: journey.readiness.map((question) => ({
      id: question.id,
      question: line(question.question),
      ifNo: 'bring' in question.if_no ? { bring: lines(question.if_no.bring), blocks: question.if_no.blocks } : question.if_no,
    })),
    steps: journey.steps.map((step) => ({
      id: step.id,
      title: step.title,
      text: lines(step.text),
      atHand: step.at_hand.map(line),
      secret: step.secret,
      ...(step.url !== undefined ? { url: step.url } : {}),
      ...(step.mediator_notes !== undefined ? { mediatorNotes: lines(step.mediator_notes) } : {}),
      problems: step.problems.map((p) => ({ problem: line(p.problem), fix: lines(p.fix) })),
      end: step.end,
    })),
    offline: { title: journey.offline.title, text: lines(journey.offline.text) },
  };
}

/** A help place with the wire's names (the source file keeps the names its authors write). */
export function compilePlace(place: PlaceSource): HelpPlace & { readonly url?: string } {
  const { opening_hours: openingHours, helps_with: helpsWith, ...rest } = place;
  return { ...rest, openingHours, helpsWith };
}

// Checks that hold across files: every item in every language, glossary words used exist, pictograms exist.
import OpeningHours from 'opening_hours';
import { parseInlineStrict, termIds, textLines } from '../../common/content/blocks';
import type { ContentProblem, ContentSource, LocaleContent } from './load';
import { contentLocales, type JourneySource } from '../../common/content/schema';

/** Every text of a journey that a visitor reads (mediator notes are for the mediator). */
export function journeyVisitorTexts(j: JourneySource): string[] {
  return [
    j.title,
    j.summary,
    j.offline.title,
    j.offline.text,
    ...j.readiness.flatMap((q) => [q.question, 'bring' in q.if_no ? q.if_no.bring : '']),
    ...j.steps.flatMap((s) => [s.title, s.text, ...s.at_hand, ...s.problems.flatMap((p) => [p.problem, p.fix])]),
  ];
}

/** Every piece of visitor text of a locale, with the file it comes from. */
export function visitorTexts(content: LocaleContent): { file: string; text: string }[] {
  return [
    ...content.topics.flatMap((t) => [t.title, t.summary, t.body].map((text) => ({ file: t.file, text }))),
    ...content.journeys.flatMap((j) => journeyVisitorTexts(j).map((text) => ({ file: j.file, text }))),
    ...content.glossary.flatMap((g) => [g.short, g.long ?? ''].map((text) => ({ file: g.file, text }))),
  ];
}

/** Texts the pack keeps as plain strings (titles, summaries, glossary words): they hold no markup. */
function plainTexts(content: LocaleContent): { file: string; text: string }[] {
  return [
    ...content.topics.flatMap((t) => [t.title, t.summary].map((text) => ({ file: t.file, text }))),
    ...content.journeys.flatMap((j) => [j.title, j.summary, j.offline.title, ...j.steps.map((s) => s.title)].map((text) => ({ file: j.file, text }))),
    ...content.glossary.map((g) => ({ file: g.file, text: g.word })),
  ];
}

/** Markup in a plain text would be shown as typed: only plain words there. */
const hasMarkup = (text: string): boolean => {
  const parsed = parseInlineStrict(text);
  return !parsed.ok || parsed.parts.some((part) => part.type !== 'text');
};

export function checkContent(source: ContentSource): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const reference = source.locales.fr;
  const idsOf = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id));

  for (const locale of contentLocales) {
    const content = source.locales[locale];
    if (locale !== 'fr') {
      for (const [kind, ref, here] of [
        ['topic', reference.topics, content.topics],
        ['journey', reference.journeys, content.journeys],
        ['glossary word', reference.glossary, content.glossary],
      ] as const) {
        const hereIds = idsOf(here);
        const refIds = idsOf(ref);
        for (const id of refIds) if (!hereIds.has(id)) problems.push({ file: `${locale}/`, message: `the ${kind} "${id}" exists in French but not in ${locale}` });
        for (const id of hereIds) if (!refIds.has(id)) problems.push({ file: `${locale}/`, message: `the ${kind} "${id}" exists in ${locale} but not in French` });
      }
      for (const journey of content.journeys) {
        const french = reference.journeys.find((j) => j.id === journey.id);
        if (!french) continue;
        const same = (a: readonly { id: string }[], b: readonly { id: string }[]) => a.map((x) => x.id).join() === b.map((x) => x.id).join();
        if (!same(french.steps, journey.steps)) problems.push({ file: journey.file, field: 'steps', message: 'expected the same step ids, in the same order, as in French' });
        if (!same(french.readiness, journey.readiness)) problems.push({ file: journey.file, field: 'readiness', message: 'expected the same readiness questions as in French' });
        // The mediator's side stays in French whatever the visitor reads: notes are written once, in the French file.
        journey.steps.forEach((step, index) => {
          if (step.mediator_notes !== undefined)
            problems.push({ file: journey.file, field: `steps.${index}.mediator_notes`, message: 'no mediator notes here: they are written once, in French, and shown in French beside the step whatever the visitor reads' });
        });
      }
    }

    const words = idsOf(content.glossary);
    const mediatorTexts = content.journeys.flatMap((j) => j.steps.map((s) => ({ file: j.file, text: s.mediator_notes ?? '' })));
    for (const { file, text } of [...visitorTexts(content), ...mediatorTexts]) {
      for (const line of textLines(text)) {
        const parsed = parseInlineStrict(line);
        if (!parsed.ok) problems.push({ file, message: `markup that cannot be read: ${parsed.error}, in "${line}"` });
      }
      for (const id of termIds(text)) if (!words.has(id)) problems.push({ file, message: `the glossary word "${id}" is used but ${locale}/mots/${id}.yaml does not exist` });
    }

    for (const { file, text } of plainTexts(content))
      if (hasMarkup(text)) problems.push({ file, message: `a title, summary or glossary word is plain text, without ** or [[ ]]: "${text}"` });

    const items = [...content.topics, ...content.journeys];
    const missingTexts = new Set<string>();
    for (const item of items) {
      if (!source.pictograms[item.pictogram]) problems.push({ file: item.file, field: 'pictogram', message: `expected a file content/pictograms/${item.pictogram}.svg` });
      else if (!content.pictogramTexts[item.pictogram]) missingTexts.add(item.pictogram);
    }
    for (const id of missingTexts) problems.push({ file: `${locale}/pictogrammes.yaml`, field: id, message: 'expected a text alternative for this pictogram' });
    const all = items.map((i) => i.id);
    all.forEach((id, index) => {
      if (all.indexOf(id) !== index) problems.push({ file: `${locale}/`, message: `the id "${id}" is used by two items` });
    });
  }

  for (const place of source.places) {
    if (place.opening_hours === '') continue;
    try {
      new OpeningHours(place.opening_hours);
    } catch {
      problems.push({ file: 'lieux.yaml', field: `${place.id}.opening_hours`, message: `expected OpenStreetMap opening_hours, like "Mo-Fr 09:00-12:00,14:00-17:00", got "${place.opening_hours}"` });
    }
  }
  const placeIds = source.places.map((p) => p.id);
  placeIds.forEach((id, index) => {
    if (placeIds.indexOf(id) !== index) problems.push({ file: 'lieux.yaml', message: `the place id "${id}" is used twice` });
  });
  return problems;
}

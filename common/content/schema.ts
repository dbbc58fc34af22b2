// Schemas of the content source files (topics, journeys, glossary, pictogram texts, help places).
import { z } from 'zod';
import { isOfficialUrl } from './official-domains';

export const contentLocales = ['fr', 'en', 'ar'] as const;
export type ContentLocale = (typeof contentLocales)[number];

export const needs = ['mon-espace-sante', 'compte-ameli', 'carte-vitale', 'trouver-medecin', 'payer-moins', 'arnaques', 'urgences', 'aide'] as const;
export const placeKinds = ['france-services', 'cpam', 'pass', 'aidants-connect', 'pharmacie', 'mairie', 'association', 'telephone', 'other'] as const;

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes, like "mon-espace-sante"');
const text = z.string().trim().min(1, 'a text that is not empty');
// Shown as "the official site's address" with a QR code: only the domains of common/content/official-domains.ts.
const officialUrl = z
  .url({ protocol: /^https$/, error: 'an https address', abort: true })
  .refine((url) => isOfficialUrl(url), 'an address on an official domain (common/content/official-domains.ts lists them)');
const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso))) {
    ctx.addIssue({ code: 'custom', message: 'a date written YYYY-MM-DD' });
    return z.NEVER;
  }
  return iso;
});

const common = {
  id,
  title: text,
  summary: text,
  pictogram: id,
  need: z.enum(needs),
  /** Official pages the facts come from: shown to the visitor, so official domains only. */
  sources: z.array(officialUrl).default([]),
  /**
   * Other pages read for the facts (a town site mirroring service-public.fr, a press article): kept in the content
   * for the people who review it (content/REVIEW.md), never shown to a visitor nor put in the pack.
   */
  secondary_sources: z.array(z.url({ protocol: /^https$/, error: 'an https address' })).default([]),
  /** The day a person read the named sources and found the facts right; absent until someone has. */
  verified_at: isoDate.optional(),
  /** The day the facts must be read again (amounts that change every 1 April, otherwise a year out). */
  review_by: isoDate,
  tags: z.array(text).default([]),
  synonyms: z.array(text).default([]),
  sensitive: z.boolean().default(false),
};

/** Every fact comes from a page somebody read: an official one, or a secondary one listed for the reviewers. */
function needsASource(item: { sources: readonly string[]; secondary_sources: readonly string[] }, ctx: z.RefinementCtx): void {
  if (item.sources.length + item.secondary_sources.length === 0)
    ctx.addIssue({ code: 'custom', path: ['sources'], message: 'at least one source that was read' });
}

export const topicFrontMatter = z
  .object({
    ...common,
    /** Rules of the FALC linter this page silences, each with the reason why. */
    lint_exceptions: z.array(z.object({ rule: id, reason: text }).strict()).default([]),
  })
  .strict()
  .superRefine(needsASource);

const problem = z.object({ problem: text, fix: text }).strict();

export const journeyStep = z
  .object({
    id,
    title: text,
    text,
    at_hand: z.array(text).default([]),
    secret: z.boolean().default(false),
    url: officialUrl.optional(),
    mediator_notes: text.optional(),
    problems: z.array(problem).default([]),
    /** The journey ends after this step (when a journey holds two paths one after the other). */
    end: z.boolean().default(false),
  })
  .strict();

export const readinessQuestion = z
  .object({
    id,
    question: text,
    /**
     * What a "no" does, never skipping a step before it: `bring` adds something to come back with (`blocks: false`
     * when the journey can go on without it: "continue anyway"); `insert` adds this journey's helper steps that solve
     * it (shown only after this "no", then the journey goes on where it was); `path` takes the other path of a
     * two-path journey, from its first step.
     */
    if_no: z.union([
      z.object({ bring: text, blocks: z.boolean().default(true) }).strict(),
      z.object({ insert: z.array(id).min(1, 'at least one helper step') }).strict(),
      z.object({ path: id }).strict(),
    ]),
  })
  .strict();

export const journeySource = z
  .object({
    ...common,
    readiness: z.array(readinessQuestion).default([]),
    steps: z.array(journeyStep).min(1, 'at least one step'),
    offline: z.object({ title: text, text }).strict(),
  })
  .strict()
  .superRefine(needsASource)
  .superRefine((journey, ctx) => {
    const stepIds = journey.steps.map((s) => s.id);
    stepIds.forEach((stepId, index) => {
      if (stepIds.indexOf(stepId) !== index) ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: `a step id used once (${stepId} is repeated)` });
    });
    const helperOf = new Map<string, string>();
    journey.readiness.forEach((question, index) => {
      const where = ['readiness', index, 'if_no'];
      if ('insert' in question.if_no)
        question.if_no.insert.forEach((stepId, n) => {
          if (!stepIds.includes(stepId))
            ctx.addIssue({ code: 'custom', path: [...where, 'insert', n], message: `the id of a step of this journey (no step "${stepId}")` });
          else if (helperOf.has(stepId))
            ctx.addIssue({ code: 'custom', path: [...where, 'insert', n], message: `a helper step of one question only ("${stepId}" is already ${helperOf.get(stepId)}'s)` });
          helperOf.set(stepId, question.id);
        });
      if ('path' in question.if_no) {
        const target = stepIds.indexOf(question.if_no.path);
        // The first step of a path that is not the first one: the step after one marked `end`.
        if (target <= 0 || journey.steps[target - 1]?.end !== true)
          ctx.addIssue({ code: 'custom', path: [...where, 'path'], message: `the first step of this journey's second path, after a step marked end (not "${question.if_no.path}")` });
      }
    });
  });

export const glossarySource = z
  .object({ id, word: text, short: text, long: text.optional(), synonyms: z.array(text).default([]) })
  .strict();

export const pictogramTexts = z.record(id, text);

export const placeSource = z
  .object({
    id,
    name: text,
    kind: z.enum(placeKinds),
    address: z.string().default(''),
    phone: z.string().default(''),
    opening_hours: z.string().default(''),
    helps_with: z.array(z.enum(needs)).default([]),
    url: officialUrl.optional(),
  })
  .strict();
export const placesSource = z.array(placeSource);

export type TopicFrontMatter = z.output<typeof topicFrontMatter>;
export type JourneySource = z.output<typeof journeySource>;
export type GlossarySource = z.output<typeof glossarySource>;
export type PlaceSource = z.output<typeof placeSource>;

// A search snippet as the API returns it: runs of text, the words that matched the query marked. The renderer shows a
// marked run as <mark> and never looks inside the text for marks.
import { z } from 'zod';

export const snippetRun = z.object({ text: z.string().min(1).max(2000), mark: z.boolean() }).strict();
export const snippetRuns = z.array(snippetRun).max(100);

export type SnippetRun = z.output<typeof snippetRun>;

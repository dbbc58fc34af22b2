// A snippet's runs written out for assertions: each marked run between brackets, "Votre [Sécurité] [sociale]".
import type { SnippetRun } from '../../../common/content/snippet-runs';

export const bracketed = (runs: readonly SnippetRun[] | undefined): string =>
  (runs ?? []).map((run) => (run.mark ? `[${run.text}]` : run.text)).join('');

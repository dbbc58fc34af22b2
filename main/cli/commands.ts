// The operations commands shipped with the kiosk: run by its own entry point on an installed kiosk
// (`passerelle-sante journal-verify`, or `node start.cjs journal-verify` in the browser-kiosk tarball), and by
// `npm run …` on a developer's machine.
import { runContentInstall } from './content-install';
import { runFiguresMerge } from './figures-merge';
import { runJournalVerify } from './journal-verify';

export const operationsCommands: Readonly<Record<string, (args: string[]) => number | Promise<number>>> = {
  'journal-verify': runJournalVerify,
  'content-install': runContentInstall,
  'figures-merge': runFiguresMerge,
};

/** The command named first on the command line, if it is one of these: the kiosk runs it and exits. */
export function operationsCommand(argv: readonly string[]): ((args: string[]) => number | Promise<number>) | null {
  const name = argv[0];
  return name !== undefined && Object.hasOwn(operationsCommands, name) ? (operationsCommands[name] ?? null) : null;
}

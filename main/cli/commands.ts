// The operations commands shipped with the kiosk: run by its own entry point on an installed kiosk
// (`passerelle-sante journal-verify`, or `node start.cjs journal-verify` in the browser-kiosk tarball), and by
// `npm run …` on a developer's machine.
// Each command is loaded when it is run: the kiosk's own start carries none of their code's start-up.
export const operationsCommands: Readonly<Record<string, (args: string[]) => Promise<number>>> = {
  'journal-verify': async (args) => (await import('./journal-verify')).runJournalVerify(args),
  'content-install': async (args) => (await import('./content-install')).runContentInstall(args),
  'figures-merge': async (args) => (await import('./figures-merge')).runFiguresMerge(args),
};

/** The command named first on the command line, if it is one of these: the kiosk runs it and exits. */
export function operationsCommand(argv: readonly string[]): ((args: string[]) => Promise<number>) | null {
  const name = argv[0];
  return name !== undefined && Object.hasOwn(operationsCommands, name) ? (operationsCommands[name] ?? null) : null;
}

// Command-line switches and environment variables that would open the kiosk to a debugger or a remote controller, or
// let official sites be faked: the packaged Electron app refuses to start with any of them (the fuses in
// electron-builder.yml cover Node's own). Not --no-sandbox (some Linux systems need it to run an AppImage at all) nor
// --proxy-server (a site's network may need one).

const refusedSwitches = new Set([
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'inspect-wait',
  'debug',
  'debug-brk',
  'debug-port',
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-debugging-socket-name',
  'remote-allow-origins',
  'auto-open-devtools-for-tabs',
  'js-flags',
  'enable-logging',
  'v',
  'vmodule',
  'load-extension',
  'disable-web-security',
  'host-rules',
  'host-resolver-rules',
  'ignore-certificate-errors',
]);

const refusedVariables = ['NODE_OPTIONS', 'ELECTRON_RUN_AS_NODE', 'ELECTRON_ENABLE_LOGGING', 'NODE_INSPECT_RESUME_ON_START'];

/** The switch name of one argument (`--inspect=9229` → `inspect`), or null for a value that is not a switch. */
function switchName(arg: string, platform: string): string | null {
  const match = (platform === 'win32' ? /^(?:--?|\/)([^=\s]+)/ : /^--?([^=\s]+)/).exec(arg);
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** What on this command line and in this environment must stop the app, by name only (never the values). */
export function refusedDebugSwitches(argv: readonly string[], env: NodeJS.ProcessEnv, platform = process.platform): string[] {
  const found = argv
    .map((arg) => switchName(arg, platform))
    .filter((name): name is string => name !== null && refusedSwitches.has(name))
    .map((name) => `--${name}`);
  for (const variable of refusedVariables) if (env[variable]) found.push(variable);
  return [...new Set(found)];
}

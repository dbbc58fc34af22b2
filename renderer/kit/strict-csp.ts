// Imported first by the renderer's entry: zod never probes for `new Function` in the page. Its compiled parsers need
// eval, which the Content-Security-Policy refuses; the refused probe is still reported as a policy violation.
// Set without importing zod (about 20 kB), which only the screens loaded later use: zod keeps its configuration on
// `globalThis.__zod_globalConfig` and adopts an object already there (tests/unit/strict-csp.test.ts checks it).

interface ZodGlobal {
  __zod_globalConfig?: { jitless?: boolean };
}

const holder = globalThis as ZodGlobal;
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

export {};

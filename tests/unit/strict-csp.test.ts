// The renderer turns zod's compiled parsers off without importing zod (renderer/kit/strict-csp.ts): the zod the
// project installs must adopt that setting, or its `new Function` probe comes back and the CSP reports it.
import { expect, it } from 'vitest';

it('zod, loaded after the renderer set its switch, runs without compiled parsers and never probes for eval', async () => {
  await import('../../renderer/kit/strict-csp');
  const probes: string[] = [];
  const RealFunction = globalThis.Function;
  // Any `new Function(...)` zod would try (its eval probe, a compiled parser) is seen here.
  globalThis.Function = new Proxy(RealFunction, {
    construct(target, args) {
      probes.push(String(args.at(-1)).slice(0, 40));
      return Reflect.construct(target, args);
    },
  });
  try {
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);
    const visitor = z.object({ name: z.string(), age: z.number().int() });
    expect(visitor.parse({ name: 'Awa', age: 70 })).toEqual({ name: 'Awa', age: 70 });
    expect(visitor.safeParse({ name: 'Awa', age: 'soixante-dix' }).success).toBe(false);
  } finally {
    globalThis.Function = RealFunction;
  }
  expect(probes).toEqual([]);
});

// The layer rule of the lint gate: an upward import, a cross-area import or a forbidden package fails `npm run lint`.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** The layer messages ESLint gives for `code` as if it were the file `path` of the project. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/one-way').map((m) => m.message);
}

describe('lint: imports point down the layers', () => {
  it('refuses a kit module importing the visit shell above it', async () => {
    const errors = await layerErrors('renderer/kit/wrong.ts', "import { Visit } from '../visit/Visit';\nexport const x = Visit;\n");
    expect(errors).toEqual([expect.stringContaining('renderer/kit is below renderer/visit')]);
  });

  it('refuses a domain folder importing the composition root or a host', async () => {
    expect(
      await layerErrors('main/content/wrong.ts', "import { openKiosk } from '../app/open-kiosk';\nexport const x = openKiosk;\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors('main/state/wrong.ts', "import { startWebHost } from '../hosts/web/server';\nexport const x = startWebHost;\n"),
    ).toHaveLength(1);
  });

  it('refuses a folder that has no place in the layers, from either side of an import', async () => {
    expect(
      await layerErrors('main/newfolder/wrong.ts', "import { systemClock } from '../core/clock';\nexport const x = systemClock;\n"),
    ).toEqual([expect.stringContaining('in no layer')]);
    expect(await layerErrors('main/app/wrong.ts', "import { thing } from '../newfolder/thing';\nexport const x = thing;\n")).toEqual([
      expect.stringContaining('in no layer'),
    ]);
  });

  it('refuses peers importing each other', async () => {
    const errors = await layerErrors('main/staff/wrong.ts', "import { search } from '../content/search';\nexport const x = search;\n");
    expect(errors).toEqual([expect.stringContaining('peers')]);
  });

  it('keeps common/ pure: no main, no renderer, no node:*, no React', async () => {
    expect(await layerErrors('common/api/wrong.ts', "import { log } from '../../main/core/log';\nexport const x = log;\n")).toHaveLength(1);
    expect(
      await layerErrors('common/api/wrong.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"),
    ).toHaveLength(1);
    expect(await layerErrors('common/api/wrong.ts', "import { useState } from 'react';\nexport const x = useState;\n")).toHaveLength(1);
  });

  it('keeps the renderer away from main/ and Node', async () => {
    expect(
      await layerErrors('renderer/screens/wrong.ts', "import { search } from '../../main/content/search';\nexport const x = search;\n"),
    ).toHaveLength(1);
    expect(await layerErrors('renderer/kit/wrong.ts', "import { join } from 'node:path';\nexport const x = join;\n")).toHaveLength(1);
  });

  it('accepts imports that point down, and common/ from anywhere', async () => {
    expect(await layerErrors('renderer/visit/ok.ts', "import { printPage } from '../kit/print';\nexport const x = printPage;\n")).toEqual(
      [],
    );
    expect(await layerErrors('main/assisted/ok.ts', "import { ok } from '../../common/api/result';\nexport const x = ok;\n")).toEqual([]);
    expect(
      await layerErrors('main/hosts/web/ok.ts', "import { createDispatch } from '../../app/dispatch';\nexport const x = createDispatch;\n"),
    ).toEqual([]);
  });
});

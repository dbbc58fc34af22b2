// What the first screen loads is the home and nothing else: the renderer is built (in memory, as `npm run build`
// builds it) and the modules of every file index.html loads, and of every file those import, are checked.
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { beforeAll, expect, it } from 'vitest';
import { needIds } from '../../renderer/kit/screens';
import { firstScreenFiles } from '../bench/weight.bench';

const root = join(import.meta.dirname, '..', '..');

interface FirstScreen {
  /** The files index.html names. */
  readonly listed: string[];
  /** Those files and every file they import statically. */
  readonly loaded: string[];
  /** Project-relative module ids of the loaded files (node_modules/<package>/… for packages). */
  readonly modules: string[];
}

let firstScreen: FirstScreen;
const firstScreenModules = (prefix: string) => firstScreen.modules.filter((module) => module.startsWith(prefix));

beforeAll(async () => {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({
      root: join(root, 'renderer'),
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { write: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const output = (Array.isArray(result) ? result : [result]).flatMap((r) => (r as Rollup.RollupOutput).output);
  const html = output.find((file) => file.fileName === 'index.html');
  if (html?.type !== 'asset') throw new Error('no index.html built');
  const chunks = new Map(output.flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])));
  const listed = firstScreenFiles(String(html.source));
  const loaded = new Set<string>();
  const visit = (fileName: string) => {
    if (loaded.has(fileName)) return;
    loaded.add(fileName);
    chunks.get(fileName)?.imports.forEach(visit);
  };
  listed.forEach(visit);
  const modules = [...loaded].flatMap((fileName) =>
    Object.entries(chunks.get(fileName)?.modules ?? {})
      .filter(([, module]) => module.renderedLength > 0)
      .map(([id]) =>
        id
          .replace(/^.*[\\/]node_modules[\\/]/, 'node_modules/')
          .replace(`${root}/`, '')
          .split('\\')
          .join('/'),
      ),
  );
  firstScreen = { listed, loaded: [...loaded], modules };
}, 120_000);

it('lists in index.html every file the first screen loads, so the weight in the bench is all of it', () => {
  expect(firstScreen.loaded.filter((file) => file.endsWith('.js')).sort()).toEqual(
    firstScreen.listed.filter((file) => file.endsWith('.js')).sort(),
  );
});

it('carries the home screen, its bar and its dialogs’ buttons', () => {
  for (const module of ['renderer/screens/home/HomeScreen.tsx', 'renderer/visit/TopBar.tsx', 'renderer/components/ComfortPanel.tsx'])
    expect(firstScreen.modules).toContain(module);
});

it('carries the pictogram of each need on the home screen, and no other', () => {
  const pictograms = firstScreenModules('content/pictograms/').map((id) => /([\w-]+)\.svg/.exec(id)?.[1]);
  expect(pictograms.sort()).toEqual([...needIds].sort());
});

it('carries no zod, no other screen, no journey, no assisted mode, no admin, no QR code and no other language', () => {
  const later = [
    /^node_modules\/zod\//,
    /^node_modules\/(qrcode|axe-core|i18next-[\w-]+)\//,
    /^renderer\/screens\/(need|item|search|help|emergency)\//,
    /^renderer\/journey\//,
    /^renderer\/admin\//,
    /^renderer\/assisted\/(?!MediatorUnlock\.tsx|AssistedContext\.tsx|staff-language\.ts|mediator-session\.ts)/,
    /^renderer\/visit\/(AudioMode|IdleWarning)\.tsx$/,
    /^renderer\/components\/(KioskModal|OnScreenKeyboard|QrCode|PinField)\.tsx$/,
    /^renderer\/i18n\/(fr|en|ar)\.json$/,
  ];
  expect(firstScreen.modules.filter((module) => later.some((pattern) => pattern.test(module)))).toEqual([]);
});

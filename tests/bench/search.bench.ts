// Search latency, in the service and through the HTTP host, on the real pack and on a 10,000-topic pack.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent } from '../../build/content/check';
import { loadContent } from '../../build/content/load';
import { writePack } from '../../build/content/pack-writer';
import { parseSiteConfig } from '../../main/core/config';
import { manifestFileName, packFileName } from '../../common/content/pack-format';
import { createMemoryLogger } from '../../main/core/log';
import { createSearch } from '../../main/content/search';
import { runWebHost } from '../../main/hosts/web/run-web-host';
import { generatedSource, repeatedSource } from './generated-content';
import { percentile, type Measure } from './measure';

/** Whole words and phrases, as a visitor looks for them. */
const wordQueries = [
  'securite sociale',
  'sécu',
  'mutuelle',
  'CMU',
  'carte vitale',
  'médecin de famille',
  'medecin traitent',
  'telecosultation',
  'mon espace santé',
  'arnaque sms',
  'ordonnance',
  'vaccin enfant',
  'medecin',
];
/** A word as it is being typed, one letter more each time: measured apart, as the issue asks. */
const prefixQueries = ['m', 'me', 'med', 'mede', 'medec', 'medeci'];

function buildPack(dir: string, source: ReturnType<typeof loadContent>): void {
  mkdirSync(dir, { recursive: true });
  const manifest = writePack(source, join(dir, packFileName));
  writeFileSync(join(dir, manifestFileName), JSON.stringify(manifest));
}

function serviceLatencies(packFile: string, rounds: number, queries: readonly string[]): number[] {
  const db = new Database(packFile, { readonly: true });
  const search = createSearch(db);
  for (const q of queries) search.search(q, 'fr');
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const started = performance.now();
      search.search(q, 'fr');
      times.push(performance.now() - started);
    }
  }
  db.close();
  return times;
}

async function httpLatencies(packDir: string, work: string, rounds: number, queries: readonly string[]): Promise<number[]> {
  const config = parseSiteConfig({ port: 0 }, 'bench', join(work, `data-${Math.random()}`));
  mkdirSync(join(work, 'renderer'), { recursive: true });
  const web = await runWebHost(config, { renderer: join(work, 'renderer'), bundledPack: packDir }, createMemoryLogger());
  const origin = web.host.url.replace(/\/$/, '');
  const call = async (query: string) => {
    const response = await fetch(`${origin}/api/call/content.search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ locale: 'fr', query }),
    });
    await response.json();
  };
  for (const q of queries) await call(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const started = performance.now();
      await call(q);
      times.push(performance.now() - started);
    }
  }
  await web.close();
  return times;
}

/** `rounds` passes over the queries, for each pack and each way in. */
export async function benchSearch(rounds: number): Promise<Measure[]> {
  const work = mkdtempSync(join(tmpdir(), 'passerelle-bench-'));
  try {
    const source = loadContent(join(import.meta.dirname, '..', '..', 'content'));
    if (checkContent(source).length > 0) throw new Error('content has problems: run npm run content:build');
    const realDir = join(work, 'real');
    buildPack(realDir, source);
    const bigDir = join(work, 'big');
    const started = performance.now();
    buildPack(bigDir, generatedSource(source, 10_000));
    const bigBuildMs = performance.now() - started;

    const repeatedDir = join(work, 'repeated');
    buildPack(repeatedDir, repeatedSource(source, 10_000));

    const measures: Measure[] = [];
    for (const [name, dir, big] of [
      ['real pack', realDir, false],
      ['10,000-topic pack', bigDir, true],
      ['10,000 topics of repeated real content', repeatedDir, true],
    ] as const) {
      for (const [kind, queries] of [
        ['', wordQueries],
        [', prefixes', prefixQueries],
      ] as const) {
        const service = serviceLatencies(join(dir, packFileName), rounds, queries);
        const http = await httpLatencies(dir, work, rounds, queries);
        const n = service.length;
        const budgets = big && kind === '' ? { service: 2, http: 8 } : { service: undefined, http: undefined };
        measures.push(
          { section: 'Search', name: `search p50, service, ${name}${kind}`, value: percentile(service, 50), unit: 'ms', samples: n },
          {
            section: 'Search',
            name: `search p95, service, ${name}${kind}`,
            value: percentile(service, 95),
            unit: 'ms',
            ...(budgets.service === undefined ? {} : { budget: budgets.service }),
            samples: n,
          },
          { section: 'Search', name: `search p50, HTTP, ${name}${kind}`, value: percentile(http, 50), unit: 'ms', samples: n },
          {
            section: 'Search',
            name: `search p95, HTTP, ${name}${kind}`,
            value: percentile(http, 95),
            unit: 'ms',
            ...(budgets.http === undefined ? {} : { budget: budgets.http }),
            samples: n,
          },
        );
      }
    }
    measures.push({ section: 'Search', name: 'build of the 10,000-topic pack', value: Math.round(bigBuildMs), unit: 'ms' });
    return measures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

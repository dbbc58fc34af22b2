// The journal's anchors as staff and visitors meet them: the admin area says whether the journal held at the last
// start and shows the live head to write down; the CRA file saved on the kiosk ends with that head; a visitor's
// slip carries the head of the last check (not the live one). Then the last rows are deleted from state.db with the
// sqlite3 command while the kiosk is stopped: at the next start the admin area and /api/health say so, and
// `journal-verify --anchor` run by the kiosk's own entry point refuses the journal against the exported head.
import type { Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KioskStatus } from '../../common/api/types';
import { axeViolations } from './axe';
import { expect, setupCodeOf, startHost, stopHost, test, type RunningHost } from './fixtures';
import { answerReadiness, openMesWithMediator, seedMediators, unlockMediator } from './mediator-seed';
import { adminLogin } from './admin-login';

const passphrase = 'la borne du centre social';
test.describe.configure({ mode: 'serial' });

let dataDir = '';
let host: RunningHost | undefined;
const running = (): RunningHost => {
  if (!host) throw new Error('the host of this spec has not started');
  return host;
};
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'passerelle-journal-'));
  host = await startHost(dataDir);
});
test.afterAll(async () => {
  if (host) await stopHost(host);
  rmSync(dataDir, { recursive: true, force: true });
});
async function restart() {
  await stopHost(running());
  host = await startHost(dataDir);
}

const health = async (): Promise<KioskStatus> => (await fetch(new URL('/api/health', running().url))).json() as Promise<KioskStatus>;

/** An accompaniment that ends at the slip of what to bring (no carte Vitale today). */
async function toSlip(page: Page) {
  await page.goto(running().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await unlockMediator(page, 'Sophie', '24681357');
  await openMesWithMediator(page);
  await answerReadiness(page, (question) => question.includes('carte Vitale avec vous'));
  return page.getByRole('region', { name: 'Résumé de votre démarche' });
}

async function openActivity(page: Page) {
  await page.goto(running().url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await adminLogin(page, passphrase);
  return page.getByRole('region', { name: 'Activité des accompagnements' });
}

let exportedAnchor = '';

test("a visitor's slip carries the head of the kiosk's last check, not the live head", async ({ page }) => {
  await page.goto(running().url);
  await seedMediators(page, passphrase, setupCodeOf(running()), [{ displayName: 'Sophie', role: 'volunteer', pin: '24681357' }]);
  const first = await toSlip(page);
  await first.getByRole('button', { name: "Terminer l'accompagnement" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();

  await restart();
  const checked = (await health()).journal;
  expect(checked?.check).toEqual({ verdict: 'intact', upTo: expect.any(Number) });
  const checkpoint = checked?.checkpoint;
  expect(checkpoint?.rows).toBeGreaterThan(3);
  const slip = await toSlip(page);
  await expect(slip).toContainText(`Repère du journal de la borne : ligne ${checkpoint?.rows} · ${checkpoint?.hash}`);
  expect(await axeViolations(page)).toEqual([]);
  await slip.getByRole('button', { name: "Terminer l'accompagnement" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
});

test('the admin area shows the verdict and the live head, and the saved CRA file ends with it', async ({ page }) => {
  const activity = await openActivity(page);
  const integrity = activity.getByRole('region', { name: 'Intégrité du journal' });
  await expect(integrity).toContainText('Journal intact : vérifié par la borne jusqu’à la ligne');
  const shown = (await integrity.locator('.journal-head').textContent()) ?? '';
  const [, rows, hash] = /^ligne (\d+) · ([0-9a-f]{4}(?: [0-9a-f]{4}){3})$/.exec(shown) ?? [];
  // The live head is past the checkpoint the slip carried: the second accompaniment was written since.
  expect(Number(rows)).toBeGreaterThan((await health()).journal?.checkpoint?.rows ?? Infinity);

  await activity.getByRole('button', { name: 'Enregistrer le fichier sur la borne' }).click();
  await expect(activity.getByRole('status').filter({ hasText: 'enregistré dans' })).toBeVisible();
  const [file] = readdirSync(join(dataDir, 'exports'));
  const last =
    readFileSync(join(dataDir, 'exports', file ?? ''), 'utf8')
      .trim()
      .split(/\r?\n/)
      .at(-1) ?? '';
  expect(last).toBe(`Tête du journal;ligne ${rows};${hash};non signée;${rows}:${hash?.replace(/ /g, '')}`);
  exportedAnchor = last.split(';').at(-1) ?? '';
  expect(await axeViolations(page)).toEqual([]);
});

test('rows deleted from the end while the kiosk was stopped: the next start says so, and journal-verify refuses the exported head', async ({
  page,
}) => {
  await stopHost(running());
  const file = join(dataDir, 'state.db');
  execFileSync('sqlite3', [file, 'DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE id > (SELECT max(id) - 3 FROM journal);']);
  host = await startHost(dataDir);
  const check = (await health()).journal?.check;
  expect(check).toMatchObject({ verdict: 'broken', reason: 'truncated' });
  const since = check?.verdict === 'broken' ? check.since : 0;

  const activity = await openActivity(page);
  await expect(activity.getByRole('region', { name: 'Intégrité du journal' }).getByRole('alert')).toHaveText(
    `Journal abîmé depuis la ligne ${since} : les dernières lignes ont été supprimées.`,
  );
  expect(await axeViolations(page)).toEqual([]);

  const verify = spawnSync(
    process.execPath,
    ['dist/main/start.cjs', 'journal-verify', `--data-dir=${dataDir}`, `--anchor=${exportedAnchor}`],
    {
      encoding: 'utf8',
    },
  );
  expect(verify.status).toBe(1);
  // Since the kiosk's start, its own rows (the staff's session) were appended after the gap: the command names the first
  // row missing under the exported head.
  expect(verify.stdout).toMatch(
    new RegExp(`Anchor ${exportedAnchor}: broken since row \\d+: it and the rows after it were removed from the end`),
  );
});

// The site configuration seen from outside: a wrong file stops the start naming the field, and the admin area shows
// the configuration the kiosk runs with (the file, the values after defaults), reachable and readable by everyone.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations } from './axe';
import { expect, setupCodeOf, startHost, stopHost, test, type RunningHost } from './fixtures';
import { measureLayout, smallTargets } from './layout-checks';

let root: string;
let site: RunningHost;
let configFile: string;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'passerelle-config-'));
  const keyFile = join(root, 'content-signing.pub');
  writeFileSync(keyFile, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
  mkdirSync(join(root, 'stick'));
  configFile = join(root, 'config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      siteName: 'Pharmacie des Tilleuls',
      siteType: 'pharmacy',
      locales: ['fr', 'en'],
      idleTimeoutSeconds: 300,
      printing: false,
      contentPublicKey: keyFile,
      contentUpdate: { source: join(root, 'stick'), intervalMinutes: 120 },
      allowedOrigins: ['https://www.ameli.fr'],
      retentionDays: 45,
      helpPlaces: [{ name: 'Comptoir de la pharmacie', phone: '04 11 22 33 44' }],
    }),
  );
  site = await startHost(join(root, 'data'), [`--config=${configFile}`]);
});
test.afterAll(async () => {
  await stopHost(site);
  rmSync(root, { recursive: true, force: true });
});

test('a wrong configuration file stops the start, naming the field, the value and what is expected', () => {
  const bad = join(root, 'bad.json');
  writeFileSync(bad, JSON.stringify({ siteType: 'pharmacie', contentUpdate: { source: 'http://contenus.example.org/' } }));
  const run = spawnSync(
    process.execPath,
    ['dist/main/start.cjs', '--host=web', '--port=0', '--no-browser', `--config=${bad}`, `--data-dir=${join(root, 'bad-data')}`],
    { encoding: 'utf8', timeout: 15_000 },
  );
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('Passerelle Santé cannot start.');
  expect(run.stderr).toContain('field "siteType": expected one of library, community-centre, pharmacy, france-services, got "pharmacie"');
  expect(run.stderr).toContain('field "contentUpdate.source": expected the full path of a folder');
});

test('the health check reports the content update source the kiosk polls', async ({ request }) => {
  const health = await (await request.get(new URL('/api/health', site.url).href)).json();
  expect(health.contentUpdate).toMatchObject({ source: join(root, 'stick'), intervalMinutes: 120 });
});

test('the admin sees the configuration in use, with its file, and the view passes axe with 44 px targets', async ({ page }) => {
  await page.goto(site.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await expect(async () => {
    await page.keyboard.press('Control+Alt+Shift+KeyA');
    await expect(page.getByRole('heading', { level: 1, name: 'Choisir la phrase secrète' })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await page.getByLabel('Code à usage unique').fill(setupCodeOf(site));
  await page.getByLabel('Phrase secrète', { exact: true }).fill('la pharmacie des tilleuls');
  await page.getByLabel('La même phrase, encore une fois').fill('la pharmacie des tilleuls');
  await page.getByRole('button', { name: 'Enregistrer la phrase secrète' }).click();

  const view = page.getByRole('region', { name: 'Configuration en service' });
  await expect(view.getByRole('table')).toBeVisible();
  await expect(page.getByText(configFile)).toBeVisible();
  const valueOf = (setting: string) =>
    view
      .getByRole('row', { name: new RegExp(`^${setting}`) })
      .getByRole('cell')
      .first();
  await expect(valueOf('Nom du lieu')).toHaveText('Pharmacie des Tilleuls');
  await expect(valueOf('Type de lieu')).toHaveText('Pharmacie');
  await expect(valueOf('Langues proposées')).toHaveText('français, anglais');
  await expect(valueOf('Fin de visite sans action après')).toHaveText('300 secondes');
  await expect(valueOf('Impression')).toHaveText('Non');
  await expect(valueOf('Mode accompagné')).toHaveText('Oui');
  await expect(valueOf('Mises à jour automatiques des contenus')).toHaveText(`${join(root, 'stick')}, toutes les 120 minutes`);
  await expect(valueOf('Clé publique des contenus')).toContainText(/empreinte [0-9a-f]{16}/);
  await expect(valueOf('Sites officiels autorisés')).toHaveText('https://www.ameli.fr');
  await expect(valueOf('Domaines officiels ajoutés')).toHaveText('Aucun');
  await expect(valueOf('Contenus sans signature acceptés')).toHaveText('Non');
  await expect(valueOf('Têtes du journal signées')).toHaveText('Non');
  await expect(valueOf('Détail du journal gardé')).toHaveText('45 jours');
  await expect(valueOf('Validité des tickets de reprise')).toHaveText('30 jours');
  await expect(valueOf("Lieux d'aide du site")).toHaveText('Comptoir de la pharmacie · 04 11 22 33 44');
  await expect(valueOf('Dossier des données')).toHaveText(join(root, 'data'));

  expect(await axeViolations(page)).toEqual([]);
  expect(smallTargets((await measureLayout(page)).targets)).toEqual([]);
});

// The kept first page is used only by a start made from exactly the same inputs: the command line, the configuration's
// text (or its absence), the build's files (date and size). A damaged or partial file means a normal start.
import { mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configTexts, firstPageFile, fittingFirstPage, keepFirstPage, type FirstPage } from '../../main/hosts/common/first-page';
import { fileStamp } from '../../main/hosts/common/renderer-files';

let dir: string;
const argv = ['--no-browser', '--config=/etc/passerelle-sante/config.json'];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'passerelle-first-page-'));
  writeFileSync(join(dir, 'config.json'), '{"siteName":"Médiathèque"}');
  writeFileSync(join(dir, 'host.cjs'), 'bundle');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function keep(): string {
  const file = firstPageFile(dir);
  const kept: FirstPage = {
    format: 1,
    argv,
    texts: [...configTexts(join(dir, 'config.json'), '/nowhere'), ...configTexts(null, join(dir, 'absent.json'))],
    stamps: [
      { file: join(dir, 'host.cjs'), stamp: fileStamp(join(dir, 'host.cjs')) },
      { file: join(dir, 'home.fr.html'), stamp: fileStamp(join(dir, 'home.fr.html')) },
    ],
    port: 0,
    page: '<!doctype html><title>Passerelle</title>',
    pageHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
    headers: { 'X-Frame-Options': 'DENY' },
  };
  expect(keepFirstPage(file, kept)).toBe(true);
  return file;
}

describe('the kept first page', () => {
  it('is used by a start with the same inputs', () => {
    expect(fittingFirstPage(keep(), argv)?.page).toBe('<!doctype html><title>Passerelle</title>');
  });

  it('is not used by another command line', () => {
    const file = keep();
    expect(fittingFirstPage(file, [...argv, '--port=8080'])).toBeNull();
    expect(fittingFirstPage(file, argv.slice(0, 1))).toBeNull();
  });

  it('is not used once the configuration file changed, appeared or went', () => {
    const file = keep();
    writeFileSync(join(dir, 'config.json'), '{"siteName":"Pharmacie"}');
    expect(fittingFirstPage(file, argv)).toBeNull();
    const again = keep();
    writeFileSync(join(dir, 'absent.json'), '{}');
    expect(fittingFirstPage(again, argv)).toBeNull();
    unlinkSync(join(dir, 'absent.json'));
    expect(fittingFirstPage(again, argv)).not.toBeNull();
    unlinkSync(join(dir, 'config.json'));
    expect(fittingFirstPage(again, argv)).toBeNull();
  });

  it('is not used after an update of the app (another bundle date), nor when a page built since appears', () => {
    const file = keep();
    utimesSync(join(dir, 'host.cjs'), new Date(), new Date(Date.now() + 60_000));
    expect(fittingFirstPage(file, argv)).toBeNull();
    const again = keep();
    writeFileSync(join(dir, 'home.fr.html'), '<!doctype html>');
    expect(fittingFirstPage(again, argv)).toBeNull();
  });

  it('is not used when its file is damaged, cut short or of another shape', () => {
    const file = keep();
    const whole = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
    writeFileSync(file, whole.slice(0, whole.length / 2));
    expect(fittingFirstPage(file, argv)).toBeNull();
    writeFileSync(file, JSON.stringify({ ...JSON.parse(whole), headers: { 'X-Frame-Options': 1 } }));
    expect(fittingFirstPage(file, argv)).toBeNull();
    writeFileSync(file, JSON.stringify({ ...JSON.parse(whole), format: 2 }));
    expect(fittingFirstPage(file, argv)).toBeNull();
    expect(fittingFirstPage(join(dir, 'none.json'), argv)).toBeNull();
  });
});

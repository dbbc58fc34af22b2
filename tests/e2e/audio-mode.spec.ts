// Audio mode, as a visitor who cannot see the screen meets it: keys only, and every assertion on what the kiosk said
// (the speech output's log of this visit), never on what the screen shows.
import type { Page } from '@playwright/test';
import fr from '../../renderer/i18n/fr.json' with { type: 'json' };
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { seedMediators } from './mediator-seed';
import { finishBlock, installSpeechStandIn, spokenTexts, utterances } from './speech';
import { fillTemplate, journeySource } from './visitor-app';

interface Entry {
  readonly text: string;
  readonly lang: string;
  readonly privacy: 'public' | 'private';
  readonly source?: string;
}
/** The page's speech output (its log of this visit) and audio mode's state, as the app exposes them to tests. */
interface Probe {
  readonly passerelleSpeech: { readonly log: readonly Entry[]; readonly volume: number; readonly rate: number };
  readonly passerelleAudio: { on(): boolean; screenScript(): string[] };
}

/** A kiosk with a headphone socket, for the private listening rule. */
const jackHost = useOwnHost('passerelle-audio-jack-', (dataDir) => {
  const config = join(dataDir, 'site.json');
  writeFileSync(config, JSON.stringify({ headsetJack: true }));
  return [`--config=${config}`];
});

const log = (page: Page) =>
  page.evaluate(() => (window as unknown as Probe).passerelleSpeech.log.map(({ text, lang, privacy }) => ({ text, lang, privacy })));
const said = async (page: Page, from = 0) => (await log(page)).slice(from).map((entry) => entry.text);
const control = (role: keyof typeof fr.audio.role, name: string) => fillTemplate(fr.audio.control, { role: fr.audio.role[role], name });

/** Presses a key and waits until the kiosk has said something more; returns what it said. */
async function press(page: Page, key: string): Promise<string[]> {
  const before = (await log(page)).length;
  await page.keyboard.press(key);
  await expect.poll(async () => (await log(page)).length, `something is said after ${key}`).toBeGreaterThan(before);
  // The rest of a burst follows within a moment.
  await page.waitForTimeout(50);
  return said(page, before);
}

/** Presses an arrow until the kiosk says `line`, or a line that starts with it (a control it reaches, or text). */
async function arrowTo(page: Page, line: string | RegExp, key: 'ArrowDown' | 'ArrowUp' = 'ArrowDown'): Promise<void> {
  const heard: string[] = [];
  for (let presses = 0; presses < 150; presses++) {
    const lines = await press(page, key);
    heard.push(...lines);
    if (lines.some((heard) => (typeof line === 'string' ? heard === line || heard.startsWith(`${line} `) : line.test(heard)))) return;
  }
  throw new Error(`never heard "${line}" pressing ${key}; heard:\n${heard.join('\n')}`);
}

/** Presses Enter on "Oui, terminer" and waits for the next visit's home screen (the page reloads). */
async function confirmEnd(page: Page): Promise<void> {
  const reloaded = page.waitForEvent('framenavigated');
  await page.keyboard.press('Enter');
  await reloaded;
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

async function openKiosk(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

test('a whole visit with the keyboard alone, the screen ignored: home, a need, a topic, a journey step, Terminer', async ({
  page,
  host,
}) => {
  // The kiosk's own voice speaks (eSpeak NG through the host): real audio, each line played in turn.
  test.setTimeout(240_000);
  const journey = journeySource('fr');
  await openKiosk(page, host.url);

  // A first key press says, once, how to hear the kiosk; a touch would not.
  expect(await press(page, 'Tab')).toEqual([fr.audio.hint]);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(100);
  expect(await said(page), 'the hint is said once').toEqual([fr.audio.hint]);

  // The number pad's 5 starts audio mode: the keys, the top bar with roles, the screen's heading and purpose.
  const started = await press(page, 'Numpad5');
  await expect.poll(() => said(page), { timeout: 90_000 }).toContain(fr.home.intro);
  const home = await said(page);
  expect(home.slice(1, 3)).toEqual([fr.audio.started, fr.audio.keys]);
  const topBar = home.find((line) => line.startsWith(fr.audio.topBar.split('{{')[0] ?? '-'));
  for (const name of [fr.nav.emergency, fr.nav.search, fr.nav.help, fr.nav.end]) expect(topBar).toContain(control('button', name));
  expect(topBar).toContain(`${control('radio', 'Français')}, ${fr.audio.state.selected}`);
  expect(home).toContain(fr.home.title);
  expect(started.length).toBeGreaterThan(0);

  // A need: arrows down to its tile, Enter; the new screen's heading is said on arrival.
  await arrowTo(page, control('button', fr.needs['payer-moins'].label));
  await press(page, 'Enter');
  await expect.poll(() => said(page), { timeout: 30_000 }).toContain(fr.needs['payer-moins'].label);

  // A topic of that need.
  const topicTitle = 'La Complémentaire santé solidaire';
  await arrowTo(page, control('button', `${fr.item.topic} ${topicTitle}`));
  let mark = (await log(page)).length;
  await page.keyboard.press('Enter');
  await expect.poll(() => said(page, mark), { timeout: 30_000 }).toContain(topicTitle);
  await expect.poll(() => said(page, mark), { timeout: 30_000 }).toContain("Une aide pour payer vos soins si vous avez peu d'argent.");

  // Back home by the top bar's Accueil, reached with the up arrow.
  await arrowTo(page, control('button', fr.nav.home), 'ArrowUp');
  await press(page, 'Enter');
  await expect.poll(() => said(page), { timeout: 30_000 }).toContain(fr.home.title);

  // A journey: its readiness questions answered "yes", then the first step, said with its position.
  await arrowTo(page, control('button', fr.needs['compte-ameli'].label));
  await press(page, 'Enter');
  await arrowTo(page, control('button', `${fr.item.journey} ${journey.title}`));
  await press(page, 'Enter');
  await expect.poll(() => said(page), { timeout: 30_000 }).toContain(journey.title);
  for (let question = 0; question < journey.readiness.length; question++) {
    await arrowTo(page, control('button', fr.journey.yes));
    mark = (await log(page)).length;
    await page.keyboard.press('Enter');
    if (question < journey.readiness.length - 1)
      await expect.poll(() => said(page, mark), { timeout: 30_000 }).toContain(fr.journey.before);
  }
  await expect.poll(() => said(page, mark), { timeout: 30_000 }).toContain(control('button', fr.journey.start));
  mark = (await log(page)).length;
  await page.keyboard.press('Enter');
  const position = fillTemplate(fr.journey.step, { n: 1, total: journey.steps.length });
  await expect
    .poll(() => said(page, mark), { timeout: 30_000 })
    .toEqual(expect.arrayContaining([position, journey.steps[0]?.title ?? '-']));
  expect((await said(page, mark)).indexOf(position), 'the step position comes before its title').toBe(0);

  // Terminer: its confirmation is said with how to answer it; "Oui, terminer" ends the visit.
  await arrowTo(page, control('button', fr.nav.end), 'ArrowUp');
  mark = (await log(page)).length;
  await page.keyboard.press('Enter');
  await expect
    .poll(() => said(page, mark), { timeout: 60_000 })
    .toEqual(expect.arrayContaining([fr.end.title, fr.end.erase, fr.audio.dialogHint, control('button', fr.end.cancel)]));
  await arrowTo(page, control('button', fr.end.confirm));
  const sources = await page.evaluate(() => (window as unknown as Probe).passerelleSpeech.log.map((e) => e.source));
  expect(new Set(sources), 'every line was played by the kiosk voice').toEqual(new Set(['kiosk']));
  await confirmEnd(page);
  // A new visit: nothing of the last one was kept, audio mode is off until the 5 is pressed again.
  expect(await log(page)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as Probe).passerelleAudio.on())).toBe(false);
});

/** Opens the kiosk with a voice and starts audio mode with the number pad's 5; returns once the home screen is said. */
async function startAudio(page: Page, url: string): Promise<void> {
  await installSpeechStandIn(page, { instant: true });
  await openKiosk(page, url);
  await page.keyboard.press('Numpad5');
  await expect.poll(() => said(page)).toContain(fr.home.intro);
}

test('a PIN is spoken as stars and a count, never its digits, through the speech log and the voice', async ({ page }) => {
  const host = jackHost();
  await openKiosk(page, host.url);
  await seedMediators(page, 'la borne qui parle tout haut', setupCodeOf(host), [
    { displayName: 'Karim', role: 'volunteer', pin: '97531864' },
  ]);
  await startAudio(page, host.url);
  await arrowTo(page, control('button', fr.assisted.entry));
  await press(page, 'Enter');
  const field = control('secretField', fr.assisted.pin);
  await arrowTo(page, `${field}, ${fillTemplate(fr.audio.typed, { count: 0 })}`);
  for (const digit of '2580') expect(await press(page, `Digit${digit}`)).toEqual([fr.audio.star]);
  expect(await press(page, 'Backspace')).toEqual([fr.audio.erased]);
  await press(page, 'Tab');
  expect(await press(page, 'Shift+Tab')).toEqual([`${field}, ${fillTemplate(fr.audio.typed, { count: 3 })}`]);
  // Neither the log nor the voice ever had the digits typed, together or one by one.
  for (const text of [...(await said(page)), ...(await utterances(page)).map((u) => u.text)]) expect(text).not.toMatch(/25|58|^\s*\d\s*$/);
});

test('speech stops at once when the visitor presses a key or touches the screen', async ({ page, host }) => {
  await installSpeechStandIn(page);
  await openKiosk(page, host.url);
  await page.keyboard.press('Numpad5');
  // The voice is saying the first line; the keys, the top bar and the screen wait their turn.
  await expect.poll(() => spokenTexts(page)).toEqual([fr.audio.started]);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => spokenTexts(page)).toHaveLength(2);
  const [, next] = await spokenTexts(page);
  expect(next, 'the line queued before the key is never said').not.toBe(fr.audio.keys);
  // A touch: the current line is cut and nothing queued follows it.
  await page.keyboard.press('NumpadDecimal');
  await expect.poll(() => spokenTexts(page)).toHaveLength(3);
  await page.mouse.click(5, 600);
  await finishBlock(page);
  await page.waitForTimeout(200);
  expect(await spokenTexts(page)).toHaveLength(3);
});

test('a sensitive page is not spoken through the speaker until the visitor confirms headphones; phone numbers in pairs', async ({
  page,
}) => {
  await startAudio(page, jackHost().url);
  await arrowTo(page, control('button', fr.nav.help), 'ArrowUp');
  await press(page, 'Enter');
  await expect.poll(() => said(page)).toContain(fr.help.title);
  // The help screen's numbers are said in pairs ("36 46"), not as one large number.
  const mark0 = (await log(page)).length;
  await page.keyboard.press('NumpadDecimal');
  await expect.poll(async () => (await said(page, mark0)).join(' | ')).toContain('36 46');
  expect((await said(page, mark0)).join(' | ')).not.toMatch(/3646/);

  const title = "Violences : trouver de l'aide";
  await arrowTo(page, control('button', title));
  const mark = (await log(page)).length;
  await page.keyboard.press('Enter');
  await expect.poll(() => said(page, mark), { timeout: 30_000 }).toContain(fr.audio.private);
  expect(await said(page, mark), 'nothing of the page is said aloud').not.toContain(title);
  expect((await utterances(page)).map((u) => u.text)).not.toContain(title);

  const heard = await press(page, 'Numpad1');
  expect(heard[0]).toBe(fr.audio.headset);
  expect(heard).toContain(title);
  expect((await log(page)).find((entry) => entry.text === title)?.privacy).toBe('private');
});

test('without a headphone socket, a sensitive page is spoken on the speaker only when the visitor chooses it', async ({ page, host }) => {
  await startAudio(page, host.url);
  await arrowTo(page, control('button', fr.nav.help), 'ArrowUp');
  await press(page, 'Enter');
  const title = "Violences : trouver de l'aide";
  await arrowTo(page, control('button', title));
  const mark = (await log(page)).length;
  await page.keyboard.press('Enter');
  await expect.poll(() => said(page, mark), { timeout: 30_000 }).toContain(fr.audio.privateNoJack);
  expect(await said(page, mark)).not.toContain(title);
  // 1 means nothing without a socket; 3 is the speaker.
  await page.keyboard.press('Numpad1');
  await page.waitForTimeout(100);
  expect(await said(page, mark)).not.toContain(title);
  const heard = await press(page, 'Numpad3');
  expect(heard).toEqual(expect.arrayContaining([fr.audio.speaker, title]));
});

test('the visitor makes speech louder, then softer and slower; the next visit starts at the site defaults', async ({ page, host }) => {
  await startAudio(page, host.url);
  const defaults = await page.evaluate(() => {
    const speech = (window as unknown as Probe).passerelleSpeech;
    return { volume: speech.volume, rate: speech.rate };
  });
  // The site's default leaves room above it: a visitor who hears badly can make it louder.
  expect(await press(page, 'NumpadAdd')).toEqual([fr.audio.louder]);
  expect(await press(page, 'NumpadSubtract')).toEqual([fr.audio.softer]);
  expect(await press(page, 'NumpadSubtract')).toEqual([fr.audio.softer]);
  expect(await press(page, 'NumpadSubtract')).toEqual([fr.audio.softer]);
  expect(await press(page, 'NumpadDivide')).toEqual([fr.audio.slower]);
  const changed = (await utterances(page)).at(-1);
  expect(changed?.volume).toBeCloseTo(defaults.volume - 0.4, 5);
  expect(changed?.rate).toBeCloseTo(defaults.rate - 0.15, 5);

  await arrowTo(page, control('button', fr.nav.end), 'ArrowUp');
  await press(page, 'Enter');
  await arrowTo(page, control('button', fr.end.confirm));
  await confirmEnd(page);
  await page.keyboard.press('Numpad5');
  await expect.poll(() => said(page)).toContain(fr.home.intro);
  for (const utterance of await utterances(page)) expect({ volume: utterance.volume, rate: utterance.rate }).toEqual(defaults);
});

test('the visitor hears the last line again, and pauses and resumes speech (5.1.3.4)', async ({ page, host }) => {
  await startAudio(page, host.url);
  const line = await press(page, 'ArrowDown');
  expect(line.length).toBeGreaterThan(0);
  expect(await press(page, 'Numpad5'), 'the key with the dot repeats what was just said').toEqual(line);
  const paused = () => page.evaluate(() => (window as unknown as { passerelleSpeech: { paused: boolean } }).passerelleSpeech.paused);
  await page.keyboard.press('Numpad0');
  await expect.poll(paused).toBe(true);
  await page.keyboard.press('Numpad0');
  await expect.poll(paused).toBe(false);
});

test('the idle warning is spoken with how to keep the visit, then its countdown; Enter keeps the visit', async ({ page, host }) => {
  await page.clock.install();
  await startAudio(page, host.url);
  const mark = (await log(page)).length;
  await page.clock.runFor(121_000);
  await expect
    .poll(() => said(page, mark))
    .toEqual(expect.arrayContaining([fr.idle.title, fr.idle.ends, fr.idle.erase, fr.audio.idleKeep, control('button', fr.idle.stay)]));
  const countdown = fillTemplate(fr.idle.countdown, { count: 20 });
  await page.clock.runFor(11_000);
  await expect.poll(() => said(page, mark), { timeout: 30_000 }).toContain(countdown);
  const before = (await log(page)).length;
  await page.keyboard.press('Enter');
  // The warning closes and the visit goes on: the focus comes back and is spoken, nothing ends.
  await expect.poll(() => said(page, before)).not.toEqual([]);
  await page.clock.runFor(30_000);
  expect(await page.evaluate(() => (window as unknown as Probe).passerelleAudio.on()), 'still the same visit').toBe(true);
});

test('what a printed card says is spoken before it prints', async ({ page, host }) => {
  await page.addInitScript(() => {
    // Headless Chromium prints nothing: note how much had been said when the page asked to print.
    window.print = () => {
      const speech = (window as unknown as Probe).passerelleSpeech;
      (window as unknown as { saidAtPrint: number }).saidAtPrint = speech.log.length;
    };
  });
  const journey = journeySource('fr');
  await startAudio(page, host.url);
  await arrowTo(page, control('button', fr.needs['compte-ameli'].label));
  await press(page, 'Enter');
  await arrowTo(page, control('button', `${fr.item.journey} ${journey.title}`));
  await press(page, 'Enter');
  await arrowTo(page, control('button', fr.journey.offline));
  // The button gives way to the card: what took its place is said, up to the card's own button.
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await said(page)).at(-1)).toBe(control('button', fr.journey.print));
  const mark = (await log(page)).length;
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => (window as unknown as { saidAtPrint?: number }).saidAtPrint)).toBeGreaterThan(mark + 1);
  const atPrint = (await page.evaluate(() => (window as unknown as { saidAtPrint: number }).saidAtPrint)) ?? 0;
  const receipt = (await said(page, mark)).slice(0, atPrint - mark);
  expect(receipt[0]).toBe(fr.audio.print);
  expect(receipt.length).toBeGreaterThan(2);
  expect(receipt, 'the button is not part of the sheet').not.toContain(control('button', fr.journey.print));
});

test('an explained word is read within its sentence; Enter on it says its definition, Escape comes back to it', async ({ page, host }) => {
  await startAudio(page, host.url);
  await arrowTo(page, control('button', fr.needs['payer-moins'].label));
  await press(page, 'Enter');
  await arrowTo(page, control('button', `${fr.item.topic} La Complémentaire santé solidaire`));
  await press(page, 'Enter');
  const mark = (await log(page)).length;
  await page.keyboard.press('NumpadDecimal');
  await expect.poll(async () => (await said(page, mark)).some((line) => /est une aide pour payer vos soins/.test(line))).toBe(true);
  const page1 = await said(page, mark);
  expect(page1.find((line) => /est une aide pour payer vos soins/.test(line))).toMatch(/^La Complémentaire santé solidaire est une aide/);
  expect(page1.join(' | '), 'never "Explication du mot …"').not.toContain(fr.glossary.explain.split('{{')[0]?.trim() ?? '-');

  const word = new RegExp(
    `^${fr.audio.glossaryWord.replace('{{name}}', '.+').replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '.' || c === '+' ? c : `\\${c}`))}$`,
  );
  await arrowTo(page, word);
  const definition = await press(page, 'Enter');
  await expect
    .poll(() => said(page, mark + page1.length))
    .toEqual(expect.arrayContaining([fr.audio.dialogHint, control('button', fr.glossary.close)]));
  expect(definition.length).toBeGreaterThan(0);
  const back = await press(page, 'Escape');
  expect(back.at(-1)).toMatch(word);
});

test('a phone number in page text is said in pairs, as on the help screen ("36 46"), never as one large number', async ({ page, host }) => {
  await startAudio(page, host.url);
  await arrowTo(page, control('button', fr.needs['compte-ameli'].label));
  await press(page, 'Enter');
  await arrowTo(page, control('button', `${fr.item.topic} Le compte ameli, c'est quoi ?`));
  await press(page, 'Enter');
  const mark = (await log(page)).length;
  await page.keyboard.press('NumpadDecimal');
  const call = (line: string) => line.startsWith('Vous pouvez aussi appeler le');
  await expect.poll(async () => (await said(page, mark)).some(call)).toBe(true);
  expect((await said(page, mark)).find(call)).toMatch(/^Vous pouvez aussi appeler le 36 46 ?\.$/);
});

test('with the kiosk voice (eSpeak NG run by the host), audio mode is really spoken, line after line', async ({ page, host }) => {
  test.setTimeout(90_000);
  await openKiosk(page, host.url);
  await page.keyboard.press('Numpad5');
  // Each entry is logged when its audio starts playing: a WAV made by the host, decoded and played by the page.
  await expect.poll(() => log(page), { timeout: 30_000 }).toEqual([expect.objectContaining({ text: fr.audio.started })]);
  const entries = await page.evaluate(() => (window as unknown as Probe).passerelleSpeech.log.map((e) => e.source));
  expect(entries).toEqual(['kiosk']);
  // A key cuts the long introduction; the line for where the visitor moves is spoken with the same voice.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.evaluate(() => (window as unknown as Probe).passerelleSpeech.log.length), { timeout: 30_000 }).toBe(2);
  const second = await page.evaluate(() => (window as unknown as Probe).passerelleSpeech.log[1]);
  expect(second).toMatchObject({ source: 'kiosk', lang: 'fr' });
  expect(second?.text).not.toBe(fr.audio.keys);
});

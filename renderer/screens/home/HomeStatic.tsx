// The home screen as plain HTML, rendered at build time (react-dom/server): painted and tappable before any script.
// Tiles and screen buttons are links to `#…` intents, Confort and Terminer open native dialogs (`commandfor`), the
// languages are native radios; the app reads what was tapped when it takes over (renderer/kit/early-taps.ts).
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { staticSlot, type StaticSlot } from '../../../common/api/static-home';
import { locales, type Locale } from '../../../common/api/types';
import { textSizes } from '../../kit/comfort';
import { earlyIntents } from '../../kit/early-intents';
import { needIds } from '../../kit/screens';
import arTexts from '../../i18n/ar.json';
import enTexts from '../../i18n/en.json';
import frTexts from '../../i18n/fr.json';
import { languages } from '../../i18n/languages';
import { SpeakerIcon } from '../../components/SpeakerIcon';
import { PictogramMarkup } from '../../components/PictogramMarkup';

type Texts = typeof frTexts;

/** Attributes React has no name for (Invoker Commands), passed through as written. */
const opens = (dialog: string): Record<string, string> => ({ commandfor: dialog, command: 'show-modal' });
const closes = (dialog: string): Record<string, string> => ({ commandfor: dialog, command: 'close' });

/** A part the host keeps or removes from the page, by the site's settings (common/api/static-home.ts). */
function Slot({ name, children }: { name: StaticSlot; children: ReactNode }) {
  return (
    <>
      {createElement('x-slot-open', { 'data-name': name })}
      {children}
      {createElement('x-slot-close', { 'data-name': name })}
    </>
  );
}

function Radio({ name, value, checked, children }: { name: string; value: string; checked: boolean; children: ReactNode }) {
  return (
    <label className="language-option static-choice">
      <input type="radio" name={name} value={value} defaultChecked={checked} />
      {children}
    </label>
  );
}

function OnOff({ texts, name, labelledBy }: { texts: Texts; name: string; labelledBy: string }) {
  return (
    <div className="choice-group" role="radiogroup" aria-labelledby={labelledBy}>
      <Radio name={name} value="off" checked>
        {texts.comfort.off}
      </Radio>
      <Radio name={name} value="on" checked={false}>
        {texts.comfort.on}
      </Radio>
    </div>
  );
}

interface HomeStaticProps {
  readonly locale: Locale;
  readonly texts: Texts;
  /** The mediator's button is in French whatever the visitor's language (renderer/assisted/staff-language.ts). */
  readonly staffTexts: Texts;
  /** A pictogram's checked markup, drawn inline (nothing to fetch before the page is complete). */
  readonly pictogramSvg: (id: string) => string | undefined;
}

const HomePictogram = ({ svg }: { svg: string | undefined }) => (svg ? <PictogramMarkup svg={svg} className="tile-pictogram" /> : null);

export function HomeStatic({ locale, texts, staffTexts, pictogramSvg }: HomeStaticProps) {
  return (
    <div className="visit" data-screen="home" data-static-home="">
      <a className="skip-link" href="#content">
        {texts.app.skipToContent}
      </a>
      <header className="top-bar">
        <div className="brand">
          <span className="brand-name">{texts.app.name}</span>
          <span className="brand-tagline">
            <Slot name="tagline">{texts.app.tagline}</Slot>
            <Slot name="site-name">{staticSlot.siteNameToken}</Slot>
          </span>
        </div>
        <Slot name="languages">
          <div className="language-switch" role="radiogroup" aria-label={texts.language.label}>
            {locales.map((code) => (
              <Slot key={code} name={`language-${code}`}>
                <Radio name={earlyIntents.languageField} value={code} checked={code === locale}>
                  <span lang={code} dir={languages[code].dir}>
                    {languages[code].autonym}
                  </span>
                </Radio>
              </Slot>
            ))}
          </div>
        </Slot>
        <nav className="actions" aria-label={texts.app.mainNav}>
          <a className="action action-emergency" href="#emergency">
            <svg className="action-icon" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
              <path d="M32 10v44M10 32h44" stroke="currentColor" strokeWidth="8" strokeLinecap="round" />
            </svg>
            {texts.nav.emergency}
          </a>
          <a className="action" href="#search">
            {texts.nav.search}
          </a>
          <button type="button" className="action" {...opens(earlyIntents.comfortDialog)}>
            {texts.comfort.open}
          </button>
          <a className="action" href="#help">
            {texts.nav.help}
          </a>
          <button type="button" className="action action-end" {...opens(earlyIntents.endDialog)}>
            {texts.nav.end}
          </button>
        </nav>
      </header>
      <main id="content" className="content" tabIndex={-1}>
        <div className="page-tools">
          <div className="read-aloud">
            <a className="action" href={`#${earlyIntents.readAloud}`}>
              <SpeakerIcon />
              {texts.readAloud.playPage}
            </a>
          </div>
        </div>
        <h1 tabIndex={-1} className="screen-heading" data-autofocus="">
          {texts.home.title}
        </h1>
        <p className="lead">{texts.home.intro}</p>
        <ul className="tiles" aria-label={texts.home.needsLabel}>
          {needIds.map((need) => (
            <li key={need}>
              <a className="tile" href={`#need-${need}`}>
                <HomePictogram svg={pictogramSvg(need)} />
                <span className="tile-label">{texts.needs[need].label}</span>
              </a>
            </li>
          ))}
        </ul>
        <p className="audio-offer">{texts.audio.homeOffer}</p>
        <div className="home-footer">
          <Slot name="mediator">
            <a className="action mediator-entry" href={`#${earlyIntents.mediator}`}>
              {staffTexts.assisted.entry}
            </a>
          </Slot>
        </div>
      </main>
      <dialog id={earlyIntents.comfortDialog} className="modal dialog static-dialog" aria-labelledby="static-comfort-title">
        <h2 id="static-comfort-title" className="dialog-title">
          {texts.comfort.title}
        </h2>
        <h3 id="static-comfort-size">{texts.comfort.textSize}</h3>
        <div className="choice-group" role="radiogroup" aria-labelledby="static-comfort-size">
          {textSizes.map((size) => (
            <Radio key={size} name={earlyIntents.textSizeField} value={String(size)} checked={size === 100}>
              {`${size} %`}
            </Radio>
          ))}
        </div>
        <h3 id="static-comfort-contrast">{texts.comfort.contrast}</h3>
        <OnOff texts={texts} name={earlyIntents.contrastField} labelledBy="static-comfort-contrast" />
        <h3 id="static-comfort-motion">{texts.comfort.motion}</h3>
        <OnOff texts={texts} name={earlyIntents.motionField} labelledBy="static-comfort-motion" />
        <div className="dialog-actions">
          <button type="button" className="action action-primary" data-autofocus="" {...closes(earlyIntents.comfortDialog)}>
            {texts.glossary.close}
          </button>
        </div>
      </dialog>
      <dialog id={earlyIntents.endDialog} role="alertdialog" className="modal dialog static-dialog" aria-labelledby="static-end-title">
        <h2 id="static-end-title" className="dialog-title">
          {texts.end.title}
        </h2>
        <p>{texts.end.erase}</p>
        <ul>
          <li>{texts.end.typed}</li>
          <li>{texts.end.pages}</li>
          <li>{texts.end.choices}</li>
        </ul>
        <p>{texts.end.back}</p>
        <div className="dialog-actions">
          <button type="button" className="action" data-autofocus="" {...closes(earlyIntents.endDialog)}>
            {texts.end.cancel}
          </button>
          {/* Nothing of a visit exists before the app runs: ending it is closing the question. */}
          <button type="button" className="action action-primary" {...closes(earlyIntents.endDialog)}>
            {texts.end.confirm}
          </button>
        </div>
      </dialog>
    </div>
  );
}

/**
 * The page: the built index.html with the static home in its root, in one language. Slots are marked with comments
 * the host resolves; `autofocus` is written here because react-dom/server leaves it to the client.
 */
export function renderHomeStatic(indexHtml: string, props: HomeStaticProps): string {
  const markup = renderToStaticMarkup(<HomeStatic {...props} />)
    .replace(/<x-slot-(open|close) data-name="([\w-]+)"><\/x-slot-\1>/g, (_all, end: string, name: string) =>
      end === 'open' ? staticSlot.open(name) : staticSlot.close(name),
    )
    .replace(/ data-autofocus=""/g, ' autofocus=""');
  const root = '<div id="root"></div>';
  if (!indexHtml.includes(root)) throw new Error('index.html has no empty root to fill');
  return startAppWhenIdle(indexHtml)
    .replace(/<html lang="[^"]*" dir="[^"]*"/, `<html lang="${props.locale}" dir="${languages[props.locale].dir}"`)
    .replace(root, `<div id="root">${markup}</div>`);
}

/**
 * The app's entry and the chunks it preloads are started by the app loader (renderer/public/app-loader.js, which the
 * build writes into the page: build/scripts/static-home-build.ts) once the page has loaded and been left still, or at
 * once by a tap only the app answers, instead of by the page's head: the home is painted and tappable first, and its
 * first taps are not held up by the app's start. A change of the radios named in `data-start-on-change` (the
 * language) is such a tap.
 */
function startAppWhenIdle(indexHtml: string): string {
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(indexHtml);
  if (!entry?.[1]) return indexHtml;
  const preloads = [...indexHtml.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g)];
  let page = indexHtml.replace(entry[0], '');
  for (const preload of preloads) page = page.replace(preload[0], '');
  const hrefs = preloads.map((preload) => preload[1]).join(' ');
  return page.replace(
    '</head>',
    `  <script src="/app-loader.js" data-app="${entry[1]}" data-preload="${hrefs}" data-start-on-change="${earlyIntents.languageField}" defer></script>\n  </head>`,
  );
}

/** Every language's page, keyed by language; `pictogramSvg` gives a pictogram's checked markup. */
export function renderHomePages(indexHtml: string, pictogramSvg: (id: string) => string | undefined): Record<Locale, string> {
  const all: Record<Locale, Texts> = { fr: frTexts, en: enTexts, ar: arTexts };
  return Object.fromEntries(
    locales.map((locale) => [locale, renderHomeStatic(indexHtml, { locale, texts: all[locale], staffTexts: frTexts, pictogramSvg })]),
  ) as Record<Locale, string>;
}

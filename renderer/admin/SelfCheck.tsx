// The accessibility self-check: opens every screen of the shared registry of visitor states (each need, each page of
// the content pack) in each language and display (normal, strong contrast, 200 % text) on a stage, and runs axe-core.
// A site that adds its own content runs it to see that the kiosk is still usable by everyone.
import { useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { TextsProvider, useTranslation } from '../i18n/texts';
import type { ApiClient } from '../../common/api/contract';
import type { Locale, PublicSettings } from '../../common/api/types';
import { applyComfort, defaultComfort, type Comfort } from '../kit/comfort';
import { screenName, type Screen } from '../kit/screens';
import { stagedScreens } from '../kit/visitor-states';
import { Visit } from '../visit/Visit';
import { languages } from '../i18n/languages';
import { adminTexts as text } from './texts';
import { VoiceCheck } from './VoiceCheck';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Theme = keyof typeof text.themes;
const themes: Readonly<Record<Theme, Comfort>> = {
  default: defaultComfort,
  contrast: { ...defaultComfort, highContrast: true },
  large: { ...defaultComfort, textSize: 200 },
};

interface Stage {
  readonly locale: Locale;
  readonly screen: Screen;
  readonly key: number;
}

export interface Finding {
  readonly screen: string;
  readonly locale: Locale;
  readonly theme: Theme;
  readonly rule: string;
  readonly help: string;
  readonly targets: readonly string[];
}

type Progress =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly done: number; readonly total: number }
  | { readonly state: 'done'; readonly checked: number; readonly findings: readonly Finding[] };

/** Resolves once the stage shows a screen heading and nothing has changed for a moment (its content has loaded). */
function settled(stage: HTMLElement, quietMs = 80, maxMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout>;
    const observer = new MutationObserver(() => restart());
    const finish = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
      resolve();
    };
    const restart = () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => (stage.querySelector('h1') ? finish() : restart()), quietMs);
    };
    const limit = setTimeout(finish, maxMs);
    observer.observe(stage, { childList: true, subtree: true, characterData: true, attributes: true });
    restart();
  });
}

export function SelfCheck({ api, settings, token }: { api: ApiClient; settings: PublicSettings; token: string }) {
  const { i18n } = useTranslation();
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });
  const [stage, setStage] = useState<Stage | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const result = useRef<HTMLHeadingElement>(null);
  // One copy of the texts per stage language, not one per render: each progress step renders this again.
  const stageLocale = stage?.locale;
  const stageTexts = useMemo(() => (stageLocale ? i18n.cloneInstance({ lng: stageLocale, initAsync: false }) : null), [i18n, stageLocale]);

  // The states of the shared registry that are screens, with every page of the installed content.
  const screensOf = async (locale: Locale): Promise<Screen[]> => {
    const needs = await api['content.needs']({ locale });
    const items = needs.ok ? needs.value.flatMap((n) => n.items) : [];
    const ids = (kind: 'topic' | 'journey') => [...new Set(items.filter((item) => item.kind === kind).map((item) => item.id))];
    return stagedScreens({ topics: ids('topic'), journeys: ids('journey') });
  };

  const stopRequested = useRef(false);

  const stageFor = async (index: number): Promise<HTMLElement> => {
    for (;;) {
      const element = stageRef.current;
      if (element?.dataset.step === String(index)) return element;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  };

  const run = async () => {
    stopRequested.current = false;
    const { default: axe } = await import('axe-core');
    // The stages show every language: their texts are fetched before the first stage, not while it is checked.
    await i18n.loadLanguages([...settings.locales]);
    // Each screen is opened once per language, then checked in each display.
    const plan: { locale: Locale; screen: Screen }[] = [];
    for (const locale of settings.locales) for (const screen of await screensOf(locale)) plan.push({ locale, screen });
    const displays = Object.keys(themes) as Theme[];
    const total = plan.length * displays.length;
    const findings: Finding[] = [];
    let checked = 0;
    setProgress({ state: 'running', done: 0, total });
    try {
      for (const [index, step] of plan.entries()) {
        if (stopRequested.current) break;
        applyComfort(defaultComfort);
        setStage({ locale: step.locale, screen: step.screen, key: index });
        // Wait for React to mount this very stage (not the previous one), then for its content.
        const element = await stageFor(index);
        await settled(element);
        for (const theme of displays) {
          applyComfort(themes[theme]);
          const answer = await axe.run(element, { runOnly: { type: 'tag', values: wcagTags }, resultTypes: ['violations'] });
          for (const violation of answer.violations) {
            findings.push({
              screen: screenName(step.screen),
              locale: step.locale,
              theme,
              rule: violation.id,
              help: violation.help,
              targets: violation.nodes.map((node) => node.target.join(' ')),
            });
          }
          checked += 1;
        }
        setProgress({ state: 'running', done: checked, total });
      }
    } finally {
      applyComfort(defaultComfort);
      setStage(null);
    }
    setProgress({ state: 'done', checked, findings });
    requestAnimationFrame(() => result.current?.focus());
  };

  return (
    <section aria-labelledby="selfcheck-heading" className="admin-section">
      <h2 id="selfcheck-heading">{text.checkTitle}</h2>
      <VoiceCheck api={api} token={token} settings={settings} />
      <p>{text.checkIntro}</p>
      {progress.state === 'running' ? (
        <Button className="action" onPress={() => (stopRequested.current = true)}>
          {text.checkStop}
        </Button>
      ) : (
        <Button className="action action-primary" onPress={() => void run()}>
          {text.checkRun}
        </Button>
      )}
      <div role="status" className="selfcheck-status">
        {progress.state === 'running' && (
          <>
            <p>{text.checkRunning(progress.done, progress.total)}</p>
            <progress value={progress.done} max={progress.total} aria-label={text.checkTitle} />
          </>
        )}
      </div>
      {progress.state === 'done' && (
        <div className="selfcheck-result">
          <h3 ref={result} tabIndex={-1}>
            {text.checkSummary(progress.checked, progress.findings.length)}
          </h3>
          {progress.findings.length === 0 ? (
            <p>{text.checkNone}</p>
          ) : (
            <ul className="selfcheck-findings" aria-label={text.checkProblems}>
              {progress.findings.map((f, i) => (
                <li key={i}>
                  <strong>{f.rule}</strong> : {f.help} ({f.screen}, {languages[f.locale].autonym}, {text.themes[f.theme]}){' '}
                  <code>{f.targets.join(', ')}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {stage && stageTexts && (
        // The stage: the real visitor screens, in their language and direction, for the check to look at.
        <div className="selfcheck-stage" ref={stageRef} data-step={stage.key} lang={stage.locale} dir={languages[stage.locale].dir}>
          <TextsProvider i18n={stageTexts}>
            <Visit
              key={stage.key}
              api={api}
              settings={{ ...settings, defaultLocale: stage.locale }}
              initialScreen={stage.screen}
              onEnd={() => undefined}
              onScreen={() => undefined}
            />
          </TextsProvider>
        </div>
      )}
    </section>
  );
}

// Search: results update when the visitor pauses typing (not one request per keystroke, whose rhythm would tell
// the query); the query lives only in this screen's memory.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from '../../i18n/texts';
import type { SnippetRun } from '../../../common/content/snippet-runs';
import { useKiosk } from '../../kit/KioskContext';
import type { Navigate } from '../../kit/screens';
import { useApiResult } from '../../kit/useApiResult';
import { cachedItem } from '../../kit/content-cache';
import { OnScreenKeyboard } from '../../components/OnScreenKeyboard';
import { Pictogram } from '../../components/Pictogram';
import { ScreenHeading } from '../../components/ScreenHeading';
import { searchDebounceMs } from './search-debounce';
import { BidiText } from '../../components/BidiText';
import { hasRightToLeft } from '../../../common/content/bidi-runs';

export function SearchScreen({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation();
  const { api, locale } = useKiosk();
  const [query, setQuery] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const searched = useSettled(query, searchDebounceMs);
  const loaded = useApiResult(useCallback(() => api['content.search']({ locale, query: searched.slice(0, 100) }), [api, locale, searched]));
  const answer = loaded.state === 'ok' && searched.trim() !== '' ? loaded.value : null;
  // Results for the current query are on screen: `npm run bench` times typing with this event. Only the length of
  // the query goes with it, never its text. It fires when a result arrives, not when the query settles before it.
  const announce = useEffectEvent(() =>
    window.dispatchEvent(new CustomEvent('passerelle:search-shown', { detail: { length: searched.length } })),
  );
  useEffect(() => {
    if (loaded.state !== 'loading') announce();
  }, [loaded]);

  return (
    <>
      <ScreenHeading>{t('search.title')}</ScreenHeading>
      <SearchField className="search-field" value={query} onChange={setQuery} autoFocus={false}>
        <Label className="field-label">{t('search.label')}</Label>
        {/* A tap in the field brings the on-screen keyboard; a physical keyboard types as usual. */}
        <div className="search-row">
          <Input className="text-input" autoComplete="off" spellCheck={false} maxLength={100} ref={field} />
          {/* A full-size button (the browser's own little cross is hidden): empties the field. */}
          <Button className="action search-clear" aria-label={t('search.clear')}>
            {t('search.clear')}
          </Button>
        </div>
      </SearchField>
      <div role="status" className="search-status">
        {answer && (answer.hits.length === 0 ? t('search.none') : t('search.count', { count: answer.hits.length }))}
        {answer?.fallback && <p className="note">{t('search.fallback')}</p>}
      </div>
      <OnScreenKeyboard field={field} value={query} onChange={setQuery} locale={locale} open={keyboard} onOpenChange={setKeyboard} />
      {answer && answer.hits.length > 0 && (
        <ul className="result-list" aria-label={t('search.results')} lang={answer.fallback ? 'fr' : undefined}>
          {answer.hits.map((hit) => (
            <li key={hit.id}>
              {/* The page is asked for as soon as the finger touches the result: it is often here when the finger lifts. */}
              <Button
                className="result"
                onPressStart={() => void cachedItem(api, locale, hit.id)}
                onPress={() => navigate({ name: 'item', id: hit.id })}
              >
                <Pictogram id={hit.pictogram} className="result-pictogram" />
                <span className="result-text">
                  <span className="result-title">
                    <BidiText text={hit.title} />
                  </span>
                  <span className="result-snippet">
                    <Snippet runs={hit.snippet} />
                  </span>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The value once it has stopped changing for `delayMs`. */
function useSettled(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** Shows the matched runs as <mark>, built as elements: never HTML from the pack. */
function Snippet({ runs }: { runs: readonly SnippetRun[] }) {
  // The direction of the whole snippet decides which runs keep left to right (numbers, Latin names).
  const rtl = runs.some((run) => hasRightToLeft(run.text));
  return (
    <>
      {runs.map((run, index) =>
        run.mark ? (
          <mark key={index}>
            <BidiText text={run.text} rtl={rtl} />
          </mark>
        ) : (
          <BidiText key={index} text={run.text} rtl={rtl} />
        ),
      )}
    </>
  );
}

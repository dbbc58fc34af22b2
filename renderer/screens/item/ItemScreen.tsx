// A topic or a journey from the content pack, with its sources, its check date and what it does not replace.
// A page whose review date has passed tells the visitor its facts may be old.
import { useTranslation } from '../../i18n/texts';
import { useKiosk } from '../../kit/KioskContext';
import { cachedItem, useCachedContent } from '../../kit/content-cache';
import { Pictogram } from '../../components/Pictogram';
import { ScreenHeading } from '../../components/ScreenHeading';
import { lazy, Suspense, useCallback, useState } from 'react';
import type { Navigate } from '../../kit/screens';
import { useAssisted } from '../../assisted/AssistedContext';
import { JourneyView } from '../../journey/JourneyView';
import { TopicView } from './TopicView';
import { BidiText } from '../../components/BidiText';
import { longDate } from '../../kit/dates';

// Assisted mode's screens are fetched when a mediator opens a journey, not with the visitor's first screen.
const AssistedJourney = lazy(() => import('../../assisted/AssistedJourney').then((m) => ({ default: m.AssistedJourney })));

export function ItemScreen({ id, navigate, onBack }: { id: string; navigate: Navigate; onBack: () => void }) {
  const { t } = useTranslation();
  // The mediator beside the visitor, or the one whose accompaniment just closed by itself (its hand-off stays).
  const { mediator: unlocked, closedWith } = useAssisted();
  const mediator = unlocked ?? closedWith;
  // The visitor may say no to being accompanied: the journey then goes on as for a visitor alone.
  const [refused, setRefused] = useState(false);
  const { api, locale } = useKiosk();
  // Usually fetched already by the screen that listed it: then the page renders with its heading in the tap's task.
  const loaded = useCachedContent(useCallback(() => cachedItem(api, locale, id), [api, locale, id]));

  if (loaded.state === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (loaded.state === 'error') {
    return (
      <>
        <ScreenHeading>{t(loaded.error === 'content.notFound' ? 'content.notFound' : 'content.unavailable')}</ScreenHeading>
      </>
    );
  }
  const item = loaded.value;
  return (
    // A sensitive page (violence, addictions, sexual health) is spoken only for private listening (audio mode).
    <article
      lang={item.fallback ? 'fr' : undefined}
      dir={item.fallback ? 'ltr' : undefined}
      data-speech-private={item.sensitive || undefined}
    >
      <div className="screen-title-row">
        <Pictogram id={item.pictogram} className="title-pictogram" />
        <ScreenHeading>
          <BidiText text={item.title} />
        </ScreenHeading>
      </div>
      {item.fallback && <p className="note">{t('item.inFrench')}</p>}
      <p className="lead">
        <BidiText text={item.summary} />
      </p>
      {item.kind === 'topic' ? (
        <TopicView body={item.body} glossary={item.glossary} />
      ) : mediator && !refused ? (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <AssistedJourney
            journeyId={item.id}
            need={item.need}
            title={item.title}
            body={item.body}
            glossary={item.glossary}
            mediator={mediator}
            onRefused={() => setRefused(true)}
            onFinished={() => navigate({ name: 'home' })}
            onBack={onBack}
          />
        </Suspense>
      ) : (
        <JourneyView body={item.body} glossary={item.glossary} onBack={onBack} />
      )}
      <footer className="item-footer">
        <p>{t('item.disclaimer')}</p>
        <h2 className="small-heading">{t('item.sources')}</h2>
        <ul className="sources">
          {item.sources.map((url) => (
            <li key={url}>
              <bdi dir="ltr">{url.replace(/^https:\/\//, '')}</bdi>
            </li>
          ))}
        </ul>
        {item.verifiedAt && <p>{t('item.verified', { date: longDate(locale, item.verifiedAt) })}</p>}
        {isPastReview(item.reviewBy) && <p className="note">{t('item.reviewOverdue')}</p>}
      </footer>
    </article>
  );
}

/** True once the kiosk's day is after the page's review date (both YYYY-MM-DD). */
const isPastReview = (reviewBy: string): boolean => new Date().toISOString().slice(0, 10) > reviewBy;

// One need from the home screen: what it is about in a few lines, then its pages and journeys from the content pack.
import { useCallback, useMemo } from 'react';
import { useTranslation } from '../../i18n/texts';
import { useKiosk } from '../../kit/KioskContext';
import type { Navigate, NeedId } from '../../kit/screens';
import { cachedNeeds, useCachedContent, usePrefetchItems } from '../../kit/content-cache';
import { Pictogram } from '../../components/Pictogram';
import { ScreenHeading } from '../../components/ScreenHeading';
import { BidiText } from '../../components/BidiText';
import { NavButton } from '../../components/NavButton';

export function NeedScreen({ need, navigate }: { need: NeedId; navigate: Navigate }) {
  const { t } = useTranslation();
  const { api, locale } = useKiosk();
  // The lists were asked for when the visit began: they are here with the heading, no request after the tap.
  const loaded = useCachedContent(useCallback(() => cachedNeeds(api, locale), [api, locale]));
  const lines = t(`needs.${need}.lines`, { returnObjects: true });
  const lists = loaded.state === 'ok' ? loaded.value : undefined;
  const items = useMemo(() => lists?.find((n) => n.need === need)?.items ?? [], [lists, need]);
  // The pages listed here are fetched while the visitor reads, so the one tapped opens at once.
  usePrefetchItems(
    api,
    locale,
    useMemo(() => items.map((item) => item.id), [items]),
  );
  return (
    <>
      <div className="screen-title-row">
        <Pictogram id={need} className="title-pictogram" />
        <ScreenHeading>{t(`needs.${need}.label`)}</ScreenHeading>
      </div>
      <div className="easy-read">
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {loaded.state === 'error' && <p className="note">{t('content.unavailable')}</p>}
      {items.length > 0 && (
        <>
          <h2>{t('needPage.pages')}</h2>
          <ul className="result-list">
            {items.map((item) => (
              <li key={item.id}>
                <NavButton className="result" onPress={() => navigate({ name: 'item', id: item.id })}>
                  <Pictogram id={item.pictogram} className="result-pictogram" />
                  <span className="result-text">
                    <span className="result-kind">{t(item.kind === 'journey' ? 'item.journey' : 'item.topic')}</span>
                    <span className="result-title">
                      <BidiText text={item.title} />
                    </span>
                    <span className="result-snippet">
                      <BidiText text={item.summary} />
                    </span>
                  </span>
                </NavButton>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="note">{t('need.askDesk')}</p>
    </>
  );
}

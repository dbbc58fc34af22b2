// The help places of the content pack (the site's own and national lines), with phone and opening hours.
import { useCallback } from 'react';
import { useTranslation } from '../../i18n/texts';
import { useKiosk } from '../../kit/KioskContext';
import { useApiResult } from '../../kit/useApiResult';
import { PlaceCard } from './PlaceCard';
import { readableHours } from '../../components/opening-hours';

export function HelpPlaces() {
  const { t } = useTranslation();
  const { api, locale } = useKiosk();
  const loaded = useApiResult(useCallback(() => api['content.places']({}), [api]));
  if (loaded.state !== 'ok') return null;
  // Emergency lines have their own screen, one tap away.
  const places = loaded.value.filter((p) => !p.helpsWith.every((need) => need === 'urgences'));
  if (places.length === 0) return null;
  const words = {
    always: t('places.always'),
    dayRange: (from: string, to: string) => t('places.dayRange', { from, to }),
    timeRange: (from: string, to: string) => t('places.timeRange', { from, to }),
    line: (days: string, times: string) => t('places.line', { days, times }),
  };
  return (
    <section aria-labelledby="places-heading">
      <h2 id="places-heading">{t('places.title')}</h2>
      <ul className="place-list">
        {places.map((place) => {
          const hours = readableHours(place.openingHours, locale, words);
          return (
            <PlaceCard
              key={place.id}
              name={place.name}
              phone={place.phone}
              address={place.address}
              hours={hours === null ? [{ text: place.openingHours, dir: 'ltr' }] : hours.map((text) => ({ text }))}
            />
          );
        })}
      </ul>
    </section>
  );
}

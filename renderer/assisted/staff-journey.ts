// The journey as the mediator reads it: the French one (titles, readiness, mediator notes are authored once, in
// French), whatever language the visitor's screen shows. Same steps, same ids, in every language of the pack.
import { useEffect, useState } from 'react';
import type { JourneyBody } from '../../common/api/types';
import { useKiosk } from '../kit/KioskContext';
import { staffLocale } from './staff-language';

/** The French body of the journey (the visitor's own when they read French); null while it loads. */
export function useStaffJourney(journeyId: string, body: JourneyBody): JourneyBody | null {
  const { api, locale } = useKiosk();
  const [french, setFrench] = useState<JourneyBody | null>(null);
  useEffect(() => {
    if (locale === staffLocale) return;
    let live = true;
    void api['content.item']({ locale: staffLocale, id: journeyId }).then((item) => {
      if (live && item.ok && item.value.kind === 'journey') setFrench(item.value.body as JourneyBody);
    });
    return () => {
      live = false;
    };
  }, [api, locale, journeyId]);
  return locale === staffLocale ? body : french;
}

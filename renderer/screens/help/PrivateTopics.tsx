// On the help screen: the pages about emergencies and help, violence, addiction and sexual health, one tap away
// without typing them in search. Opening one records nothing: no count, no journal, and the host logs no item id.
import { useCallback, useMemo } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from '../../i18n/texts';
import { useKiosk } from '../../kit/KioskContext';
import type { Navigate } from '../../kit/screens';
import { cachedNeeds, useCachedContent, usePrefetchItems } from '../../kit/content-cache';
import { BidiText } from '../../components/BidiText';
import { Pictogram } from '../../components/Pictogram';

/** The needs whose pages have no home tile of their own. */
const helpNeeds: readonly string[] = ['urgences', 'aide'];

export function PrivateTopics({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation();
  const { api, locale } = useKiosk();
  const loaded = useCachedContent(useCallback(() => cachedNeeds(api, locale), [api, locale]));
  const lists = loaded.state === 'ok' ? loaded.value : undefined;
  const items = useMemo(() => lists?.filter((n) => helpNeeds.includes(n.need)).flatMap((n) => n.items) ?? [], [lists]);
  // All of them are fetched ahead, so the one opened opens at once and the requests do not tell which one it was.
  usePrefetchItems(
    api,
    locale,
    useMemo(() => items.map((item) => item.id), [items]),
  );
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="private-topics-heading" className="no-print">
      <h2 id="private-topics-heading">{t('help.privateTitle')}</h2>
      <p>{t('help.privateIntro')}</p>
      <ul className="result-list">
        {items.map((item) => (
          <li key={item.id}>
            <Button className="result" onPress={() => navigate({ name: 'item', id: item.id })}>
              <Pictogram id={item.pictogram} className="result-pictogram" />
              <span className="result-text">
                <span className="result-title">
                  <BidiText text={item.title} />
                </span>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

// "Besoin d'aide ?": the human ways to get help, when nobody is beside the visitor: the site's own desk and places
// from its configuration, the Assurance Maladie's phone line, the help places of the content pack. Printable.
import { Button } from 'react-aria-components';
import { useTranslation } from '../../i18n/texts';
import type { SiteHelpPlace } from '../../../common/api/types';
import { assuranceMaladiePhone, PhoneNumber } from '../../components/PhoneNumber';
import { Pictogram } from '../../components/Pictogram';
import { ScreenHeading } from '../../components/ScreenHeading';
import { HelpPlaces } from './HelpPlaces';
import { PlaceCard } from './PlaceCard';
import { useKiosk } from '../../kit/KioskContext';
import { printPage } from '../../kit/print';
import type { Navigate } from '../../kit/screens';
import { PrivateTopics } from './PrivateTopics';

export function HelpScreen({ places, printing, navigate }: { places: readonly SiteHelpPlace[]; printing: boolean; navigate: Navigate }) {
  const { t } = useTranslation();
  const { api, capabilities } = useKiosk();
  return (
    <div className="print-card">
      <div className="screen-title-row">
        <Pictogram id="aide" className="title-pictogram" />
        <ScreenHeading>{t('help.title')}</ScreenHeading>
      </div>
      <h2>{t('help.talkTitle')}</h2>
      <div className="easy-read">
        <p>{t('help.desk')}</p>
      </div>
      {places.length > 0 && (
        <section aria-labelledby="site-places-heading">
          <h2 id="site-places-heading">{t('help.sitePlaces')}</h2>
          <ul className="place-list">
            {places.map((place) => (
              <PlaceCard
                key={place.name}
                name={place.name}
                phone={place.phone}
                address={place.address}
                hours={place.hours ? [{ text: place.hours, lang: 'fr' }] : []}
              />
            ))}
          </ul>
        </section>
      )}
      <div className="easy-read">
        <p>{t('help.phoneIntro')}</p>
      </div>
      <p className="big-number" aria-label={`${t('help.phoneLabel')} ${assuranceMaladiePhone}`}>
        <PhoneNumber number={assuranceMaladiePhone} />
      </p>
      <HelpPlaces />
      <PrivateTopics navigate={navigate} />
      <div className="no-print">
        {printing ? (
          <Button className="action" onPress={() => void printPage(api, capabilities)}>
            {t('help.print')}
          </Button>
        ) : (
          <p className="note">{t('help.noPrinter')}</p>
        )}
      </div>
    </div>
  );
}

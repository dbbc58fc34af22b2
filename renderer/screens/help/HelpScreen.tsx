// "Besoin d'aide ?": the human ways to get help, when nobody is beside the visitor.
import { useTranslation } from 'react-i18next';
import { PhoneNumber } from '../../components/PhoneNumber';
import { Pictogram } from '../../components/Pictogram';
import { ScreenHeading } from '../../components/ScreenHeading';
import { HelpPlaces } from './HelpPlaces';

/** The Assurance Maladie's phone line for insured people. */
const assuranceMaladiePhone = '3646';

export function HelpScreen() {
  const { t } = useTranslation();
  return (
    <>
      <div className="screen-title-row">
        <Pictogram id="aide" className="title-pictogram" />
        <ScreenHeading>{t('help.title')}</ScreenHeading>
      </div>
      <div className="easy-read">
        <p>{t('help.desk')}</p>
        <p>{t('help.phoneIntro')}</p>
      </div>
      <p className="big-number" aria-label={`${t('help.phoneLabel')} ${assuranceMaladiePhone}`}>
        <PhoneNumber number={assuranceMaladiePhone} />
      </p>
      <HelpPlaces />
    </>
  );
}

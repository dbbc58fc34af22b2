// The home screen: a greeting and the main needs as big tiles.
import { useTranslation } from '../../i18n/texts';
import { needIds, type Navigate } from '../../kit/screens';
import { ContentProblemNotice } from '../../components/ContentProblemNotice';
import { BidiText } from '../../components/BidiText';
import { NeedPictogram } from '../../components/NeedPictogram';
import { ScreenHeading } from '../../components/ScreenHeading';
import { MediatorUnlock } from '../../assisted/MediatorUnlock';
import { NavButton } from '../../components/NavButton';

export function HomeScreen({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{t('home.title')}</ScreenHeading>
      <ContentProblemNotice />
      <p className="lead">{t('home.intro')}</p>
      <ul className="tiles" aria-label={t('home.needsLabel')}>
        {needIds.map((need) => (
          <li key={need}>
            <NavButton className="tile" onPress={() => navigate({ name: 'need', need })}>
              <NeedPictogram need={need} className="tile-pictogram" />
              <span className="tile-label">
                <BidiText text={t(`needs.${need}.label`)} />
              </span>
            </NavButton>
          </li>
        ))}
      </ul>
      <p className="audio-offer">{t('audio.homeOffer')}</p>
      <div className="home-footer">
        <MediatorUnlock />
      </div>
    </>
  );
}

// One need from the home screen: what it is about, in a few short lines.
import { useTranslation } from 'react-i18next';
import type { NeedId } from '../../app/screens';
import { Pictogram } from '../../components/Pictogram';
import { ScreenHeading } from '../../components/ScreenHeading';

export function NeedScreen({ need }: { need: NeedId }) {
  const { t } = useTranslation();
  const lines = t(`needs.${need}.lines`, { returnObjects: true });
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
      <p className="note">{t('need.askDesk')}</p>
    </>
  );
}

// The official site of a step, for a visitor alone: opened beside the guide where this kiosk can (Electron's pane,
// or a second window of the kiosk browser with a button back to the guide), else said plainly with the QR code and
// the desk as the ways to go on.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import { isOfficialUrl } from '../../common/content/official-domains';
import { OfficialPane } from '../components/OfficialPane';
import { useKiosk } from '../kit/KioskContext';
import { officialAccess } from '../kit/official-access';

export function OfficialSite({ url }: { url: string }) {
  const { t } = useTranslation();
  const { official, officialDomains } = useKiosk();
  const [open, setOpen] = useState(false);
  if (!isOfficialUrl(url, officialDomains)) return null;
  const access = officialAccess(url, official);
  if (access === 'none') return <p className="note official-cannot">{t('journey.officialCannot')}</p>;
  if (access === 'pane') {
    if (open) return <OfficialPane url={url} onClose={() => setOpen(false)} />;
    return (
      <Button className="action" onPress={() => setOpen(true)}>
        {t('journey.officialOpen')}
      </Button>
    );
  }
  return (
    <>
      <Button
        className="action"
        onPress={() => {
          // The supervisor reads this text to label the button that brings the visitor back from the official window.
          document.documentElement.dataset.officialBack = t('journey.officialBack');
          window.open(url, 'passerelle-official');
        }}
      >
        {t('journey.officialOpen')}
      </Button>
      <p>{t('journey.officialWayBack')}</p>
    </>
  );
}

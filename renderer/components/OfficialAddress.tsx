// An official site's address: the kiosk never opens other sites, so it shows the address to type and a QR code
// to scan with the visitor's own phone. An address off the official domains is not shown at all (checked here again,
// whatever the host sent).
import { useTranslation } from '../i18n/texts';
import { isOfficialUrl } from '../../common/content/official-domains';
import { useKiosk } from '../kit/KioskContext';
import { QrCode } from './QrCode';

export function OfficialAddress({ url }: { url: string }) {
  const { t } = useTranslation();
  const { officialDomains } = useKiosk();
  if (!isOfficialUrl(url, officialDomains)) return null;
  const shown = url.replace(/^https:\/\//, '');
  return (
    <div className="official-address">
      <div>
        <p>
          {t('journey.site')}{' '}
          <bdi dir="ltr" className="url">
            {shown}
          </bdi>
        </p>
        <p>{t('journey.scan')}</p>
      </div>
      <QrCode text={url} label={t('journey.qr', { address: shown })} />
    </div>
  );
}

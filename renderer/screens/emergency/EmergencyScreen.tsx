// Emergencies: the numbers to call, reachable in one tap from every screen.
import { useTranslation } from '../../i18n/texts';
import { PhoneNumber } from '../../components/PhoneNumber';
import { ScreenHeading } from '../../components/ScreenHeading';

/** France's free emergency numbers, in the order a person in danger needs them. */
const emergencyNumbers = [
  { id: 'samu', number: '15' },
  { id: 'europe', number: '112' },
  { id: 'deaf', number: '114' },
  { id: 'police', number: '17' },
  { id: 'fire', number: '18' },
  { id: 'suicide', number: '3114' },
] as const;

export function EmergencyScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{t('emergency.title')}</ScreenHeading>
      <p className="lead">{t('emergency.intro')}</p>
      <ul className="emergency-list">
        {emergencyNumbers.map(({ id, number }) => (
          <li key={id} className="emergency-item">
            <span className="emergency-number">
              <PhoneNumber number={number} />
            </span>
            <span className="emergency-text">{t(`emergency.items.${id}`)}</span>
          </li>
        ))}
      </ul>
      <p className="note">{t('emergency.poison')}</p>
    </>
  );
}

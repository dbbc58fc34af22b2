// One place a visitor can go to or call: its name, phone number, address and opening hours (already in words).
import { useTranslation } from '../../i18n/texts';
import { PhoneNumber } from '../../components/PhoneNumber';

interface PlaceCardProps {
  readonly name: string;
  readonly phone?: string | undefined;
  readonly address?: string | undefined;
  /** Lines of opening hours, in the visitor's language or as the site wrote them. */
  readonly hours: readonly { readonly text: string; readonly lang?: string; readonly dir?: 'ltr' }[];
}

export function PlaceCard({ name, phone, address, hours }: PlaceCardProps) {
  const { t } = useTranslation();
  return (
    <li className="place">
      <h3 className="place-name" lang="fr">
        {name}
      </h3>
      {phone && (
        <p>
          {t('places.phone')} : <PhoneNumber number={phone} />
        </p>
      )}
      {address && <p lang="fr">{address}</p>}
      {hours.map((line) => (
        <p key={line.text} lang={line.lang} dir={line.dir}>
          {line.text}
        </p>
      ))}
    </li>
  );
}

// The language choice: each language by its own name, no flags (a language is not a country).
import { useTranslation } from '../i18n/texts';
import type { Locale } from '../../common/api/types';
import { languages } from '../i18n/languages';
import { RadioButtons } from './RadioButtons';

export function LanguageSwitch({
  offered,
  current,
  onChange,
}: {
  offered: readonly Locale[];
  current: Locale;
  onChange: (locale: Locale) => void;
}) {
  const { t } = useTranslation();
  if (offered.length < 2) return null;
  return (
    <RadioButtons
      className="language-switch"
      label={t('language.label')}
      value={current}
      onChange={onChange}
      options={offered.map((code) => ({
        value: code,
        label: (
          <span lang={code} dir={languages[code].dir}>
            {languages[code].autonym}
          </span>
        ),
      }))}
    />
  );
}

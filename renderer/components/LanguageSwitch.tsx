// The language choice: each language by its own name, no flags (a language is not a country).
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../common/api/types';
import { languages } from '../i18n/languages';

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
    <ToggleButtonGroup
      className="language-switch"
      aria-label={t('language.label')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[current]}
      onSelectionChange={(keys) => {
        const [next] = [...keys];
        if (typeof next === 'string' && next in languages) onChange(next as Locale);
      }}
    >
      {offered.map((code) => (
        <ToggleButton key={code} id={code} className="language-option">
          <span lang={code} dir={languages[code].dir}>
            {languages[code].autonym}
          </span>
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

import { LANGUAGE_CHOICES, type LanguageChoice as Choice } from '../../core/i18n/messages.ts';
import { t } from './i18n.ts';

const LABELS: Record<Choice, { readonly key: string; readonly lang?: string }> = {
  auto: { key: 'languageAuto' },
  // Each language by its own name, marked as such for screen readers.
  ko: { key: 'languageKorean', lang: 'ko' },
  en: { key: 'languageEnglish', lang: 'en' },
};

interface Props {
  /** Undefined until the settings are known: the choice is then shown disabled. */
  readonly value: Choice | undefined;
  readonly onChange: (choice: Choice) => void;
}

/** The UI language: the browser's, 한국어 or English. */
export function LanguageChoice({ value, onChange }: Props) {
  return (
    <fieldset class="language" data-testid="language" disabled={value === undefined}>
      <legend>{t('languageLegend')}</legend>
      {LANGUAGE_CHOICES.map((choice) => (
        <label key={choice} class="choice">
          <input type="radio" name="language" value={choice} checked={value === choice} onChange={() => onChange(choice)} />
          <span lang={LABELS[choice].lang}>{t(LABELS[choice].key)}</span>
        </label>
      ))}
    </fieldset>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { readExceptionLines } from '../../core/settings/exceptions.ts';
import type { Settings, SettingsPatch } from '../../core/settings/index.ts';
import { t } from '../components/i18n.ts';

interface Props {
  readonly settings: Settings | undefined;
  readonly save: (patch: SettingsPatch) => void;
}

/** Addresses where Detour never steps in, one pattern a line; nothing is saved while a line is not a pattern. */
export function ExceptionsSection({ settings, save }: Props) {
  const stored = (settings?.exceptions ?? []).join('\n');
  const [text, setText] = useState(stored);
  const [invalid, setInvalid] = useState<string[]>([]);
  useEffect(() => setText(stored), [stored]);
  const submit = () => {
    const read = readExceptionLines(text);
    setInvalid(read.invalid);
    if (read.invalid.length === 0) save({ exceptions: read.patterns });
  };
  return (
    <section aria-labelledby="exceptions-heading">
      <h2 id="exceptions-heading">{t('optionsExceptionsHeading')}</h2>
      <p class="muted" id="exceptions-hint">
        {t('optionsExceptionsHint')}
      </p>
      <label class="stacked">
        {t('optionsExceptionsLabel')}
        <textarea
          data-testid="exceptions"
          rows={4}
          spellcheck={false}
          autocapitalize="off"
          aria-describedby={invalid.length > 0 ? 'exceptions-hint exceptions-error' : 'exceptions-hint'}
          aria-invalid={invalid.length > 0 ? 'true' : 'false'}
          disabled={!settings}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </label>
      {invalid.length > 0 && (
        <p class="error" id="exceptions-error" role="alert" data-testid="exceptions-error">
          {t('optionsExceptionsInvalid', invalid.join(', '))}
        </p>
      )}
      <button type="button" class="button secondary" data-testid="exceptions-save" disabled={!settings || text === stored} onClick={submit}>
        {t('optionsExceptionsSave')}
      </button>
    </section>
  );
}

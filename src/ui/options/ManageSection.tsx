import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportResult } from '../../core/settings/file.ts';
import type { SettingsHome } from '../../core/settings/home.ts';
import { t } from '../components/i18n.ts';
import { importSummary, problemText, type ImportProblem } from './file-messages.ts';

/** The last thing done with the settings as a whole, to report on the page. */
export type ManageOutcome =
  | { readonly kind: 'exported'; readonly name: string }
  | { readonly kind: 'export-failed' }
  | { readonly kind: 'imported'; readonly result: Extract<ImportResult, { ok: true }> }
  | { readonly kind: 'import-failed'; readonly problem: ImportProblem }
  | { readonly kind: 'reset' }
  | { readonly kind: 'reset-failed' };

interface Props {
  readonly ready: boolean;
  readonly home: SettingsHome | undefined;
  readonly outcome: ManageOutcome | undefined;
  readonly exportFile: () => void;
  readonly importFile: (file: File) => void;
  readonly reset: () => void;
}

/** Where the settings live, export to a file, import from one, and reset to the defaults (asked first). */
export function ManageSection({ ready, home, outcome, exportFile, importFile, reset }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const opened = useRef(false);

  // The focus follows the step: into it (on the safe answer) when it opens, back to its button when it closes.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
    else if (opened.current) resetButton.current?.focus();
    opened.current = confirming;
  }, [confirming]);

  function closeConfirm(then?: () => void): void {
    setConfirming(false);
    then?.();
  }

  return (
    <section aria-labelledby="manage-heading">
      <h2 id="manage-heading">{t('optionsManageHeading')}</h2>
      <p class="muted" data-testid="settings-home" data-home={home ?? ''}>
        {home === 'sync' ? t('optionsHomeSync') : home === 'local' ? t('optionsHomeLocal') : ''}
      </p>
      <p class="actions">
        <button type="button" class="button secondary" data-testid="export" disabled={!ready} onClick={exportFile}>
          {t('optionsExport')}
        </button>
        <button type="button" class="button secondary" data-testid="import" disabled={!ready} onClick={() => fileInput.current?.click()}>
          {t('optionsImport')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          aria-label={t('optionsImport')}
          data-testid="import-file"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Cleared, so that choosing the same file again is a change too.
            input.value = '';
            if (file) importFile(file);
          }}
        />
      </p>
      <p class="muted">{t('optionsImportHint')}</p>
      {outcome?.kind === 'import-failed' && (
        <p class="warn" role="alert" data-testid="import-error">
          {problemText(outcome.problem)}
        </p>
      )}
      <div role="status" data-testid="manage-status">
        {outcome?.kind === 'exported' && <p>{t('optionsExported', outcome.name)}</p>}
        {outcome?.kind === 'export-failed' && <p class="warn">{t('optionsExportFailed')}</p>}
        {outcome?.kind === 'imported' && importSummary(outcome.result).map((line) => <p key={line}>{line}</p>)}
        {outcome?.kind === 'reset' && <p>{t('optionsResetDone')}</p>}
        {outcome?.kind === 'reset-failed' && <p class="warn">{t('optionsSaveFailed')}</p>}
      </div>
      {confirming ? (
        // biome-ignore lint/a11y/useSemanticElements: a question and two buttons, no form fields: a fieldset would add its border and legend semantics for nothing
        <div class="confirm" role="group" aria-labelledby="reset-question" data-testid="reset-confirm-step" onKeyDown={(event) => event.key === 'Escape' && closeConfirm()}>
          <p id="reset-question">{t('optionsResetQuestion')}</p>
          <p class="actions">
            <button type="button" class="button" data-testid="reset-confirm" onClick={() => closeConfirm(reset)}>
              {t('optionsResetConfirm')}
            </button>
            <button type="button" class="button secondary" data-testid="reset-cancel" ref={cancelButton} onClick={() => closeConfirm()}>
              {t('optionsResetCancel')}
            </button>
          </p>
        </div>
      ) : (
        <p>
          <button type="button" class="button secondary" data-testid="reset" ref={resetButton} disabled={!ready} onClick={() => setConfirming(true)}>
            {t('optionsReset')}
          </button>
        </p>
      )}
    </section>
  );
}

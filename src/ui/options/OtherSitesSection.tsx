import { useEffect, useState } from 'preact/hooks';
import { hasLeaningAccess, onPermissionsChange, requestLeaningAccess, revokeLeaningAccess } from '../../platform/permissions.ts';
import { t } from '../components/i18n.ts';

interface Props {
  /** Whether the optional permission is granted; undefined until known. */
  readonly granted: boolean | undefined;
  /** The user was asked and said no (or the browser refused to ask). */
  readonly refused: boolean;
  readonly onGrant: () => void;
  readonly onRevoke: () => void;
}

/** "Other sites that use Kakao": the optional permission, explained in one line, granted or taken back here. */
export function LeaningSites({ granted, refused, onGrant, onRevoke }: Props) {
  return (
    <section class="leaning" aria-labelledby="leaning-heading">
      <h2 id="leaning-heading">{t('optionsLeaningHeading')}</h2>
      <p id="leaning-hint" class="muted">{t('optionsLeaningHint')}</p>
      <p class="leaning-row">
        <span data-testid="leaning-status" data-granted={granted === undefined ? '' : String(granted)}>
          {granted === undefined ? '' : granted ? t('optionsLeaningGranted') : t('optionsLeaningNotGranted')}
        </span>{' '}
        <button type="button" class="button secondary" data-testid="leaning-grant" aria-describedby="leaning-hint" disabled={granted !== false} onClick={onGrant}>
          {t('optionsLeaningGrant')}
        </button>{' '}
        <button type="button" class="button secondary" data-testid="leaning-revoke" disabled={granted !== true} onClick={onRevoke}>
          {t('optionsLeaningRevoke')}
        </button>
      </p>
      <p role="status" class="muted" data-testid="leaning-refused">
        {refused ? t('optionsLeaningRefused') : ''}
      </p>
    </section>
  );
}

/** The section with its state: what the browser says is granted, kept current when that changes elsewhere. */
export function LeaningSitesSection() {
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  const [refused, setRefused] = useState(false);
  const refresh = () => {
    hasLeaningAccess().then(setGranted, () => setGranted(false));
  };
  useEffect(() => {
    refresh();
    // Also granted or taken back from the browser's own add-on settings.
    return onPermissionsChange(refresh);
  }, []);
  const grant = () => {
    setRefused(false);
    // In the click's own turn: both browsers accept a permission request only from a user action.
    requestLeaningAccess().then(
      (ok) => {
        setRefused(!ok);
        refresh();
      },
      () => setRefused(true),
    );
  };
  const revoke = () => {
    revokeLeaningAccess().then(refresh, refresh);
  };
  return <LeaningSites granted={granted} refused={refused} onGrant={grant} onRevoke={revoke} />;
}

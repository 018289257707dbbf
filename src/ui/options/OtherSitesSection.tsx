import { useEffect, useState } from 'preact/hooks';
import { hasOtherSitesAccess, onPermissionsChange, requestOtherSitesAccess, revokeOtherSitesAccess } from '../../platform/permissions.ts';
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
export function OtherSitesSites({ granted, refused, onGrant, onRevoke }: Props) {
  return (
    <section class="other-sites" aria-labelledby="other-sites-heading">
      <h2 id="other-sites-heading">{t('optionsOtherSitesHeading')}</h2>
      <p id="other-sites-hint" class="muted">
        {t('optionsOtherSitesHint')}
      </p>
      <p class="other-sites-row">
        <span data-testid="other-sites-status" data-granted={granted === undefined ? '' : String(granted)}>
          {granted === undefined ? '' : granted ? t('optionsOtherSitesGranted') : t('optionsOtherSitesNotGranted')}
        </span>{' '}
        <button type="button" class="button secondary" data-testid="other-sites-grant" aria-describedby="other-sites-hint" disabled={granted !== false} onClick={onGrant}>
          {t('optionsOtherSitesGrant')}
        </button>{' '}
        <button type="button" class="button secondary" data-testid="other-sites-revoke" disabled={granted !== true} onClick={onRevoke}>
          {t('optionsOtherSitesRevoke')}
        </button>
      </p>
      <p role="status" class="muted" data-testid="other-sites-refused">
        {refused ? t('optionsOtherSitesRefused') : ''}
      </p>
    </section>
  );
}

/** The section with its state: what the browser says is granted, kept current when that changes elsewhere. */
export function OtherSitesSitesSection() {
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  const [refused, setRefused] = useState(false);
  const refresh = () => {
    hasOtherSitesAccess().then(setGranted, () => setGranted(false));
  };
  useEffect(() => {
    refresh();
    // Also granted or taken back from the browser's own add-on settings.
    return onPermissionsChange(refresh);
  }, []);
  const grant = () => {
    setRefused(false);
    // In the click's own turn: both browsers accept a permission request only from a user action.
    requestOtherSitesAccess().then(
      (ok) => {
        setRefused(!ok);
        refresh();
      },
      () => setRefused(true),
    );
  };
  const revoke = () => {
    revokeOtherSitesAccess().then(refresh, refresh);
  };
  return <OtherSitesSites granted={granted} refused={refused} onGrant={grant} onRevoke={revoke} />;
}

import { useEffect, useRef } from 'preact/hooks';
import { readableUrl } from '../../core/display.ts';
import type { FallbackRequest } from '../../core/fallback.ts';
import type { Intent, Translation } from '../../core/translate/index.ts';
import { alternativeName, causeText, serviceName, t } from '../components/i18n.ts';

interface Props {
  readonly request: FallbackRequest | undefined;
  readonly translation: Translation | undefined;
}

function intentLabel(intent: Intent): string {
  return intent.kind === 'search' ? t('fallbackSearchFor', intent.query) : t('fallbackOpenHome');
}

export function FallbackPage({ request, translation }: Props) {
  const firstLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => firstLink.current?.focus(), []);

  if (!request) {
    return (
      <main class="fallback">
        <h1>{t('extName')}</h1>
        <p data-testid="invalid">{t('fallbackInvalid')}</p>
      </main>
    );
  }
  const name = serviceName(request.service);
  const offline = request.cause.kind === 'offline';
  // While the user's own connection is down no alternative would load either: offer none.
  const links = offline ? [] : (translation?.links ?? []);
  return (
    <main class="fallback">
      <h1 data-testid="title">{t('fallbackTitle', name)}</h1>
      <dl class="facts">
        <dt>{t('fallbackCause')}</dt>
        <dd data-testid="cause">{causeText(request.cause)}</dd>
        <dt>{t('fallbackAddress')}</dt>
        <dd class="url" data-testid="original">{readableUrl(request.url)}</dd>
      </dl>
      {offline && <p class="warn" data-testid="offline-hint">{t('fallbackOfflineHint')}</p>}
      {links.length > 0 && translation && (
        <section aria-labelledby="alts-heading">
          <h2 id="alts-heading">{t('fallbackAlternatives')}</h2>
          <ul class="alternatives" data-testid="alternatives">
            {links.map((link, index) => (
              <li key={link.alternative}>
                <a href={link.url} rel="noreferrer" data-alternative={link.alternative} ref={index === 0 ? firstLink : undefined}>
                  <strong>{alternativeName(link.alternative)}</strong>
                  <span class="muted">{intentLabel(translation.intent)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a class="button secondary" href={request.url} data-testid="retry">
          {t('fallbackRetry')}
        </a>
      </p>
    </main>
  );
}

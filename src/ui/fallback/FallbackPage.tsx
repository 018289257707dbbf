import { useEffect, useRef } from 'preact/hooks';
import { getAlternative } from '../../core/catalog/index.ts';
import { readableUrl } from '../../core/display.ts';
import type { FallbackRequest } from '../../core/fallback.ts';
import { intentSubject, type Translation } from '../../core/translate/index.ts';
import { alternativeName, causeText, serviceName, t } from '../components/i18n.ts';

interface Props {
  readonly request: FallbackRequest | undefined;
  readonly translation: Translation | undefined;
  /** The health engine's word that nothing answers, Naver included: the user's own network. */
  readonly networkOffline?: boolean;
}

type Link = Translation['links'][number];

/** What following this link does, in words: "‘판교역’ 검색", "‘스타벅스’까지 길찾기", or guidance. */
function linkDetail(link: Link, subject: string): string {
  const detail =
    link.carries === 'search' ? t('carrySearch', subject)
    : link.carries === 'place' ? t('carryPlace', subject)
    : link.carries === 'route' ? t('carryRoute', subject)
    : getAlternative(link.alternative)?.guidance ? t(`guide_${link.alternative}`)
    : t('carryHome');
  return link.via === 'app' ? `${detail} · ${t('viaApp')}` : detail;
}

export function FallbackPage({ request, translation, networkOffline = false }: Props) {
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
  const offline = networkOffline || request.cause.kind === 'offline';
  // While the user's own connection is down no alternative would load either: offer none.
  const links = offline ? [] : (translation?.links ?? []);
  const subject = translation ? intentSubject(translation.intent) : '';
  return (
    <main class="fallback">
      <h1 data-testid="title">{t('fallbackTitle', name)}</h1>
      <dl class="facts">
        <dt>{t('fallbackCause')}</dt>
        <dd data-testid="cause">{offline ? t('causeOffline') : causeText(request.cause)}</dd>
        <dt>{t('fallbackAddress')}</dt>
        <dd class="url" data-testid="original">{readableUrl(request.url)}</dd>
      </dl>
      {offline && <p class="warn" data-testid="offline-hint">{t('fallbackOfflineHint')}</p>}
      {links.length > 0 && (
        <section aria-labelledby="alts-heading">
          <h2 id="alts-heading">{t('fallbackAlternatives')}</h2>
          <ul class="alternatives" data-testid="alternatives">
            {links.map((link, index) => (
              <li key={link.alternative}>
                <a href={link.url} rel="noreferrer" data-alternative={link.alternative} data-carries={link.carries} ref={index === 0 ? firstLink : undefined}>
                  <strong>{alternativeName(link.alternative)}</strong>
                  <span class="muted">{linkDetail(link, subject)}</span>
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

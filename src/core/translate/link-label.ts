import { getAlternative } from '../catalog/index.ts';
import type { AlternativeLink } from './index.ts';

/** A localizer: message key and substitutions to text (i18n.getMessage in the platform and ui layers). */
export type Localize = (key: string, substitutions?: string | string[]) => string;

/** The message that says what following a link does: its key and what fills it in. */
export interface LinkDetailMessage {
  readonly key: string;
  readonly substitution?: string;
  /** The link opens an app, not a web page: the label says so too. */
  readonly viaApp: boolean;
}

type LabelledLink = Pick<AlternativeLink, 'alternative' | 'carries' | 'via'> & { readonly note?: AlternativeLink['note'] };

/** "‘판교역’ 검색", "‘스타벅스’까지 길찾기", the alternative's guidance, or "home page": which message. */
export function linkDetailMessage(link: LabelledLink, subject: string): LinkDetailMessage {
  const viaApp = link.via === 'app';
  // Only the alternative's app fills the place in (Uber on a desktop): say what this browser will open.
  if (link.note === 'appOnly' && (link.carries === 'place' || link.carries === 'route')) return { key: 'carryAppOnly', substitution: subject, viaApp };
  switch (link.carries) {
    case 'search':
      return { key: 'carrySearch', substitution: subject, viaApp };
    case 'place':
      return { key: 'carryPlace', substitution: subject, viaApp };
    case 'route':
      return { key: 'carryRoute', substitution: subject, viaApp };
    default:
      return { key: getAlternative(link.alternative)?.guidance ? `guide_${link.alternative}` : 'carryHome', viaApp };
  }
}

/** The one label the fallback page, the banner and every other place show under an alternative's name. */
export function linkDetail(link: LabelledLink, subject: string, t: Localize): string {
  const message = linkDetailMessage(link, subject);
  const detail = message.substitution === undefined ? t(message.key) : t(message.key, message.substitution);
  return message.viaApp ? `${detail} · ${t('viaApp')}` : detail;
}

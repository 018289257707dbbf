import type { FailureCause } from '../../core/health/cause.ts';
import { alternativeName, lang, serviceName, t } from '../../platform/i18n.ts';

export { alternativeName, lang, serviceName, t };

const CAUSE_KEYS = {
  refused: 'causeRefused',
  reset: 'causeReset',
  empty: 'causeEmpty',
  timeout: 'causeTimeout',
  dns: 'causeDns',
  tls: 'causeTls',
  offline: 'causeOffline',
  network: 'causeNetwork',
  maintenance: 'causeMaintenance',
  'error-page': 'causeErrorPage',
} as const;

export function causeText(cause: FailureCause): string {
  return cause.kind === 'http' ? t('causeHttp', String(cause.status)) : t(CAUSE_KEYS[cause.kind]);
}

/** Marks the document with the UI language and a localized title, before first paint. */
export function prepareDocument(titleKey: string): void {
  document.documentElement.lang = lang();
  document.title = t(titleKey);
}

import { SERVICES, getAlternative, type ServiceId } from '../../core/catalog/index.ts';
import type { FailureCause } from '../../core/health/cause.ts';
import { t } from '../../platform/i18n.ts';

export { t };

/** The language the browser picked among our _locales, so catalogue names match the UI strings. */
export function lang(): 'ko' | 'en' {
  return t('langCode') === 'en' ? 'en' : 'ko';
}

export function serviceName(id: ServiceId): string {
  return SERVICES[id].name[lang()];
}

export function alternativeName(id: string): string {
  return getAlternative(id)?.name[lang()] ?? id;
}

const CAUSE_KEYS = {
  refused: 'causeRefused',
  reset: 'causeReset',
  empty: 'causeEmpty',
  timeout: 'causeTimeout',
  dns: 'causeDns',
  tls: 'causeTls',
  offline: 'causeOffline',
  network: 'causeNetwork',
} as const;

export function causeText(cause: FailureCause): string {
  return cause.kind === 'http' ? t('causeHttp', String(cause.status)) : t(CAUSE_KEYS[cause.kind]);
}

/** Marks the document with the UI language and a localized title, before first paint. */
export function prepareDocument(titleKey: string): void {
  document.documentElement.lang = lang();
  document.title = t(titleKey);
}

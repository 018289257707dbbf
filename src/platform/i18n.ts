import { SERVICES, getAlternative, type ServiceId } from '../core/catalog/index.ts';
import browser from './browser.ts';

/**
 * A localized string from _locales. A missing key shows the key itself, never an empty label;
 * the locale test keeps that from shipping.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

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

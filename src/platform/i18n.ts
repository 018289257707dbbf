import browser from './browser.ts';

/**
 * A localized string from _locales. A missing key shows the key itself, never an empty label;
 * the locale test keeps that from shipping.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** "ko", "en", ...: the language the browser shows the extension's strings in. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

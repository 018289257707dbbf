import { SERVICES, getAlternative, type ServiceId } from '../core/catalog/index.ts';
import { parseCatalog, resolveMessage, type Catalog, type LanguageChoice, type UiLanguage } from '../core/i18n/messages.ts';
import { resolveParticles } from '../core/i18n/particle.ts';
import browser from './browser.ts';

/**
 * The user's language when it differs from the browser's. browser.i18n cannot be told another
 * language, so that language's messages.json is read from the package and resolved the same way.
 */
let override: { readonly lang: UiLanguage; readonly catalog: Catalog } | undefined;
/** The latest useLanguage call: an earlier one still reading its file must not win over it. */
let latest = 0;
let pending: Promise<void> = Promise.resolve();

/** The language browser.i18n picked among our _locales. */
function browserLanguage(): UiLanguage {
  return browser.i18n.getMessage('langCode') === 'en' ? 'en' : 'ko';
}

/**
 * A localized string from _locales. A missing key shows the key itself, never an empty label;
 * the locale test keeps that from shipping. Synchronous: pages call useLanguage before they render.
 */
export function t(key: string, substitutions?: string | string[]): string {
  const text = override ? resolveMessage(override.catalog, key, substitutions) : browser.i18n.getMessage(key, substitutions);
  // Korean particles after a name ("$SERVICE${이/가}") are chosen now that the name is in.
  return text ? resolveParticles(text) : key;
}

/** The language of the strings t() gives, so catalogue names and dates match them. */
export function lang(): UiLanguage {
  return override?.lang ?? browserLanguage();
}

/**
 * Makes t() speak the chosen language from now on. 'auto', or the browser's own language, needs no
 * file; another one is read once. If it cannot be read, the browser's language stays (a page in
 * the "wrong" language beats a page of keys). Never rejects. The choice may still be on its way
 * (a settings read): languageSettled() waits for it from the moment of this call.
 */
export function useLanguage(choice: LanguageChoice | Promise<LanguageChoice>): Promise<void> {
  const call = ++latest;
  pending = Promise.resolve(choice).then(
    (chosen) => load(chosen, call),
    () => undefined,
  );
  return pending;
}

/** Resolves once the language last asked for is in use (the background waits for it before it speaks). */
export function languageSettled(): Promise<void> {
  return pending;
}

async function load(choice: LanguageChoice, call: number): Promise<void> {
  const wanted = choice === 'auto' || choice === browserLanguage() ? undefined : choice;
  if (call !== latest || wanted === override?.lang) return;
  if (!wanted) {
    override = undefined;
    return;
  }
  let catalog: Catalog | undefined;
  try {
    const response = await fetch(browser.runtime.getURL(`_locales/${wanted}/messages.json`));
    catalog = parseCatalog(await response.json());
  } catch {
    catalog = undefined;
  }
  // A later call (the user changed their mind while this file was read) has the last word.
  if (call !== latest) return;
  override = catalog && catalog.size > 0 ? { lang: wanted, catalog } : undefined;
}

export function serviceName(id: ServiceId): string {
  return SERVICES[id].name[lang()];
}

export function alternativeName(id: string): string {
  return getAlternative(id)?.name[lang()] ?? id;
}

/**
 * The _locales catalogues, read the way browser.i18n reads them. browser.i18n always answers in the
 * browser's language; when the user picks another one in the options, the pages and the background
 * read that language's messages.json themselves and resolve it with these functions.
 */

/** The languages Detour ships (public/_locales), Korean first. */
export const UI_LANGUAGES = ['ko', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The user's choice in the options: the browser's language, or one of ours. */
export const LANGUAGE_CHOICES = ['auto', ...UI_LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export interface CatalogEntry {
  readonly message: string;
  /** Placeholder name (any case) -> its content, which may refer to substitutions as $1..$9. */
  readonly placeholders: Readonly<Record<string, string>>;
}

/** Message key -> entry. Keys are kept as written: browser.i18n's keys are case-sensitive in practice. */
export type Catalog = ReadonlyMap<string, CatalogEntry>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A messages.json, parsed text in: the entries that have a string message, with their placeholders'
 * contents (names lower-cased, as browsers match them case-insensitively). Anything else is left out,
 * so a broken entry costs that entry (its key then shows, as with browser.i18n), never the catalogue.
 */
export function parseCatalog(json: unknown): Catalog {
  const catalog = new Map<string, CatalogEntry>();
  if (!isRecord(json)) return catalog;
  for (const [key, entry] of Object.entries(json)) {
    if (!isRecord(entry) || typeof entry.message !== 'string') continue;
    const placeholders: Record<string, string> = {};
    if (isRecord(entry.placeholders)) {
      for (const [name, placeholder] of Object.entries(entry.placeholders)) {
        if (isRecord(placeholder) && typeof placeholder.content === 'string') placeholders[name.toLowerCase()] = placeholder.content;
      }
    }
    catalog.set(key, { message: entry.message, placeholders });
  }
  return catalog;
}

const PLACEHOLDER = /\$([A-Za-z0-9_@]+)\$/g;
const SUBSTITUTION = /\$(\$|[1-9])/g;

/**
 * The text of one message, as browser.i18n.getMessage gives it: each $NAME$ becomes its
 * placeholder's content, then $1..$9 become the substitutions (a missing one becomes nothing) and
 * $$ a single $. A substitution is inserted as it is: a "$1" inside it is not expanded again.
 * '' for a key the catalogue lacks (getMessage's answer too).
 */
export function resolveMessage(catalog: Catalog, key: string, substitutions?: string | readonly string[]): string {
  const entry = catalog.get(key);
  if (!entry) return '';
  const values = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
  const expanded = entry.message.replace(PLACEHOLDER, (whole, name: string) => entry.placeholders[name.toLowerCase()] ?? whole);
  return expanded.replace(SUBSTITUTION, (_whole, which: string) => (which === '$' ? '$' : String(values[Number(which) - 1] ?? '')));
}

/** The language to show: the user's choice, or for 'auto' the one the browser picked among ours. */
export function effectiveLanguage(choice: LanguageChoice, browserLanguage: UiLanguage): UiLanguage {
  return choice === 'auto' ? browserLanguage : choice;
}

export function isLanguageChoice(value: unknown): value is LanguageChoice {
  return typeof value === 'string' && (LANGUAGE_CHOICES as readonly string[]).includes(value);
}

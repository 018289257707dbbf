import { isServiceId } from '../../core/catalog/index.ts';
import type { FileProblem, ImportResult } from '../../core/settings/file.ts';
import { serviceName, t } from '../components/i18n.ts';

/** What went wrong with a chosen file: the core's problems, plus a file the browser could not read. */
export type ImportProblem = FileProblem | { readonly kind: 'unreadable' } | { readonly kind: 'failed' };

const TOP_LEVEL_LABELS: Readonly<Record<string, string>> = {
  enabled: 'optionsLabelEnabled',
  notifications: 'optionsLabelNotifications',
  hangLimitMs: 'optionsLabelHangLimit',
  probes: 'optionsLabelProbes',
  placeCache: 'optionsLabelPlaceCache',
  language: 'optionsLabelLanguage',
  services: 'optionsLabelServices',
  schemaVersion: 'optionsLabelFileVersion',
  banner: 'optionsLabelNoBanner',
  exceptions: 'optionsLabelExceptions',
};

/**
 * A setting's dotted path as the user knows it ("카카오맵: 대안", "언어"), never a raw key: a path
 * Detour does not know is "an unknown setting" (the file's own odd names are listed apart, shortened).
 */
export function settingLabel(path: string): string {
  const [head, id, field] = path.split('.');
  if (head === 'services' && id !== undefined) {
    if (!isServiceId(id)) return t('optionsLabelServices');
    if (field === 'mode') return t('optionsLabelServiceMode', serviceName(id));
    if (field === 'alternatives') return t('optionsLabelServiceAlternatives', serviceName(id));
    return serviceName(id);
  }
  const key = head !== undefined && Object.hasOwn(TOP_LEVEL_LABELS, head) ? TOP_LEVEL_LABELS[head] : undefined;
  return key ? t(key) : t('optionsLabelUnknown');
}

const labels = (paths: readonly string[]) => [...new Set(paths.map(settingLabel))].join(', ');

/** The message for a file that was not imported; it always ends by saying nothing changed. */
export function problemText(problem: ImportProblem): string {
  switch (problem.kind) {
    case 'too-large':
      return t('optionsImportTooLarge', String(Math.round(problem.maxBytes / 1024)));
    case 'not-json':
      return t('optionsImportNotJson');
    case 'not-detour':
      return t('optionsImportNotDetour');
    case 'newer':
      return t('optionsImportNewer');
    case 'invalid':
      return t('optionsImportInvalid', labels(problem.paths));
    case 'unreadable':
      return t('optionsImportUnreadable');
    case 'failed':
      return t('optionsImportFailed');
  }
}

/** Names from the file itself: a few, each short (a file may hold thousands of odd keys). */
function shortList(paths: readonly string[]): string {
  const shown = paths.slice(0, 8).map((path) => (path.length > 40 ? `${path.slice(0, 40)}…` : path));
  return paths.length > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** What an import did, sentence by sentence. */
export function importSummary(result: Extract<ImportResult, { ok: true }>): string[] {
  // Paths are leaves; one label per setting is enough for the user.
  const changed = result.changed.filter((path) => path !== 'schemaVersion');
  return [
    changed.length > 0 ? t('optionsImportChanged', [String(new Set(changed.map(settingLabel)).size), labels(changed)]) : t('optionsImportUnchanged'),
    ...(result.kept.length > 0 ? [t('optionsImportKept', labels(result.kept))] : []),
    ...(result.ignored.length > 0 ? [t('optionsImportIgnored', shortList(result.ignored))] : []),
  ];
}

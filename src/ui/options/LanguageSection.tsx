import type { LanguageChoice as Choice } from '../../core/i18n/messages.ts';
import { send } from '../../platform/messaging.ts';
import { LanguageChoice } from '../components/LanguageChoice.tsx';

/**
 * The language picker on the options page, saving on its own: every open page (this one included)
 * follows the stored setting and re-renders in the new language.
 */
export function LanguageSection({ value }: { readonly value: Choice | undefined }) {
  return <LanguageChoice value={value} onChange={(language) => void send('settings/update', { language }).catch(() => undefined)} />;
}

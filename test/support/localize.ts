// Localizers for tests: each shows what it was asked, so a test reads which message was chosen and
// what filled it in, without the locale files.
import type { Localize } from '../../src/core/translate/link-label.ts';

/** "key", or "key(first|second)" with its substitutions. */
export const echoT: Localize = (key, substitutions) => (substitutions === undefined ? key : `${key}(${[substitutions].flat().join('|')})`);

/** "service:kakaomap", "alternative:navermap". */
export const serviceName = (id: string): string => `service:${id}`;
export const alternativeName = (id: string): string => `alternative:${id}`;

import { parseFailure, serializeFailure, type FailureRecord } from '../../core/health/last-failure.ts';
import type { KeyValueArea } from '../../core/ports.ts';
import { LAST_FAILURE_KEY } from '../../core/storage-keys.ts';

export interface FailureLog {
  record(failure: FailureRecord): Promise<void>;
  last(): Promise<FailureRecord | null>;
}

export function createFailureLog(area: KeyValueArea): FailureLog {
  return {
    record: (failure) => area.set(LAST_FAILURE_KEY, serializeFailure(failure)),
    last: async () => parseFailure(await area.get(LAST_FAILURE_KEY)),
  };
}

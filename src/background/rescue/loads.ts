import { titleSpeaksFor } from '../../core/translate/index.ts';

/**
 * One owner for every main-frame load of a Kakao page, from its start to its end. Before, five
 * structures in four files each kept a piece of it (the hang watch's rescued set, the rescuer's
 * claimed set, the 5xx memory, the title memory, the timers) and could disagree; a healthy page that
 * had answered was once "rescued" by its own hang timer on a busy machine.
 *
 * The rules, by construction:
 * - A load that has answered (headers with a status below 500) can never be rescued.
 * - A load is acted on at most once (the known-down short-cut at its start, its failure at its end,
 *   or its hang), whichever comes first.
 * - Before a hang is acted on, the tab itself is asked whether a document has committed since the
 *   load started (an answer whose event is still queued behind a busy machine): then it answered.
 */

export interface LoadDeps {
  readonly now: () => number;
  readonly setTimer: (run: () => void, ms: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
  /** True when the tab shows a document that committed at or after `since` (the load answered). */
  readonly committedSince: (tabId: number, since: number) => Promise<boolean>;
  /** The title and address the tab shows now, if Detour may read them. */
  readonly tabInfo: (tabId: number) => Promise<{ title: string; url: string } | undefined>;
  /** Called once for a load that hung past the limit without answering. */
  readonly onHang: (load: Load, waitedMs: number) => void;
}

export interface Load {
  readonly requestId: string;
  readonly tabId: number;
  readonly url: string;
  readonly startedAt: number;
  /** The title of the page this load started from, when it says what the load was for (see titleSpeaksFor). */
  title: string | undefined;
  /**
   * Settles once the title has been asked for. A fast failure (a 502 from a short link) can end the load
   * before the tab's answer arrives: whoever uses the title waits for this first.
   */
  titleRead?: Promise<void>;
  /** 'ok': headers below 500; 'server-error': a 5xx. */
  answer: 'none' | 'ok' | 'server-error';
  acted: boolean;
  timer: unknown;
}

/** Only the most recent loads matter: late events of older ones find nothing and do nothing. */
const MAX_LOADS = 100;

/** The address without its fragment: the same document, whichever part of it is shown. */
export const documentOf = (url: string) => url.split('#')[0] ?? url;

export function createLoads(deps: LoadDeps) {
  const loads = new Map<string, Load>();
  /** Loads acted on that Detour never saw start (a worker started mid-load): once each. */
  const unknownClaims = new Set<string>();
  /** Documents whose last load answered with a 5xx: what the page script reads there is no healthy page. */
  const serverErrors = new Set<string>();

  function stopTimer(load: Load): void {
    if (load.timer !== undefined) deps.clearTimer(load.timer);
    load.timer = undefined;
  }

  function forget(requestId: string): void {
    const load = loads.get(requestId);
    if (load) stopTimer(load);
    loads.delete(requestId);
  }

  async function hung(load: Load, waitedMs: number): Promise<void> {
    load.timer = undefined;
    if (load.answer !== 'none' || load.acted) return;
    // The answer may have arrived with its event still queued: the tab knows.
    if (await deps.committedSince(load.tabId, load.startedAt).catch(() => false)) {
      load.answer = 'ok';
      return;
    }
    if (load.answer !== 'none' || load.acted || loads.get(load.requestId) !== load) return;
    deps.onHang(load, waitedMs);
  }

  return {
    /**
     * A main-frame load to a Kakao host starts. Synchronously, with the hang limit already known: a fast
     * load's answer can arrive before any storage read resolves.
     */
    start(requestId: string, tabId: number, url: string, hangLimitMs: number): Load | undefined {
      const existing = loads.get(requestId);
      // A redirect keeps its request id: the same load, now at another Kakao address.
      if (existing) {
        stopTimer(existing);
        loads.delete(requestId);
      }
      if (tabId < 0) return undefined;
      // A new load in a tab ends the tab's older ones: the user has moved on.
      for (const other of loads.values()) if (other.tabId === tabId) forget(other.requestId);
      const load: Load = { requestId, tabId, url, startedAt: deps.now(), title: undefined, answer: 'none', acted: existing?.acted ?? false, timer: undefined };
      loads.set(requestId, load);
      if (loads.size > MAX_LOADS) forget(loads.keys().next().value as string);
      if (!load.acted) load.timer = deps.setTimer(() => void hung(load, hangLimitMs), hangLimitMs);
      load.titleRead = deps
        .tabInfo(tabId)
        .then((tab) => {
          // The same service's page, or any page a short link (kko.to) was clicked on.
          if (tab?.title && titleSpeaksFor(url, tab.url)) load.title = tab.title;
        })
        .catch(() => undefined);
      return load;
    },

    /** Its response headers arrived. */
    answered(requestId: string, statusCode: number): void {
      const load = loads.get(requestId);
      if (!load) return;
      stopTimer(load);
      load.answer = statusCode >= 500 ? 'server-error' : 'ok';
      // Remembered from the headers, not the end: the page's own script may report on the new page
      // before the load's end reaches us, and must not be taken for the last load's 5xx body.
      const document = documentOf(load.url);
      if (load.answer === 'server-error') {
        serverErrors.add(document);
        if (serverErrors.size > MAX_LOADS) serverErrors.delete(serverErrors.values().next().value as string);
      } else serverErrors.delete(document);
    },

    /** It ended (error or completion); the load is returned for the caller's decision, then forgotten. */
    ended(requestId: string): Load | undefined {
      const load = loads.get(requestId);
      if (!load) return undefined;
      stopTimer(load);
      loads.delete(requestId);
      return load;
    },

    /** Whether the last load of this address was answered with a 5xx. */
    servedError: (url: string) => serverErrors.has(documentOf(url)),

    /**
     * The right to act on a load: granted once, and never for a load that answered below 500.
     * A load Detour does not know (the worker restarted mid-load) may be acted on once, by id.
     */
    claim(requestId: string, load: Load | undefined = loads.get(requestId)): boolean {
      if (!load) {
        if (unknownClaims.has(requestId)) return false;
        unknownClaims.add(requestId);
        if (unknownClaims.size > MAX_LOADS) unknownClaims.delete(unknownClaims.values().next().value as string);
        return true;
      }
      if (load.acted || load.answer === 'ok') return false;
      load.acted = true;
      stopTimer(load);
      return true;
    },

    get: (requestId: string) => loads.get(requestId),
    size: () => loads.size,
  };
}

export type Loads = ReturnType<typeof createLoads>;

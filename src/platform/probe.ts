import type { FailureCause } from '../core/health/cause.ts';

export interface ProbeResult {
  readonly ok: boolean;
  readonly latencyMs: number | null;
  readonly cause?: FailureCause;
}

/**
 * One request, as cheap as the server allows, never cached, never with the user's cookies.
 * `opaque`: for hosts Detour has no permission for (the control probes), a no-cors request whose
 * only answer is "something answered"; for Kakao's own hosts the status is visible and a 5xx fails.
 */
export async function probe(url: string, timeoutMs: number, opaque = false): Promise<ProbeResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = performance.now();
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'follow', mode: opaque ? 'no-cors' : 'cors', signal: controller.signal });
    const latencyMs = Math.round(performance.now() - started);
    if (response.type !== 'opaque' && response.status >= 500) return { ok: false, latencyMs, cause: { kind: 'http', status: response.status } };
    return { ok: true, latencyMs };
  } catch {
    // fetch says only "failed": the browser hides which network error it was.
    return { ok: false, latencyMs: null, cause: { kind: controller.signal.aborted ? 'timeout' : 'network' } };
  } finally {
    clearTimeout(timer);
  }
}

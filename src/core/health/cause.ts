/**
 * Why a main-frame load failed, reduced from each browser's own error vocabulary
 * (Chromium "net::ERR_*", Firefox "NS_ERROR_*" and, for TLS, whole sentences).
 */
export type NetworkCauseKind = 'refused' | 'reset' | 'empty' | 'timeout' | 'dns' | 'tls' | 'offline' | 'network';

/** Kakao's own pages, served with 200, that say the service is under maintenance or broken. */
export type PageCauseKind = 'maintenance' | 'error-page';

export type FailureCause = { readonly kind: NetworkCauseKind | PageCauseKind } | { readonly kind: 'http'; readonly status: number };

const SIMPLE_KINDS: readonly string[] = ['refused', 'reset', 'empty', 'timeout', 'dns', 'tls', 'offline', 'network', 'maintenance', 'error-page'];

/** Compact, URL-safe form carried to the fallback page: "refused", "http-503". */
export function encodeCause(cause: FailureCause): string {
  return cause.kind === 'http' ? `http-${cause.status}` : cause.kind;
}

export function decodeCause(text: string | null | undefined): FailureCause | undefined {
  if (!text) return undefined;
  const http = /^http-(\d{3})$/.exec(text);
  if (http) {
    const status = Number(http[1]);
    return isServerError(status) ? { kind: 'http', status } : undefined;
  }
  return SIMPLE_KINDS.includes(text) ? { kind: text as NetworkCauseKind | PageCauseKind } : undefined;
}

export function isServerError(status: number): boolean {
  return Number.isInteger(status) && status >= 500 && status <= 599;
}

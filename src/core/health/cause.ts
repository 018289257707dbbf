/**
 * Why a main-frame load failed, reduced from each browser's own error vocabulary
 * (Chromium "net::ERR_*", Firefox "NS_ERROR_*" and, for TLS, whole sentences).
 */
export type NetworkCauseKind = 'refused' | 'reset' | 'empty' | 'timeout' | 'dns' | 'tls' | 'offline' | 'network';

export type FailureCause =
  | { readonly kind: NetworkCauseKind }
  | { readonly kind: 'http'; readonly status: number };

const NETWORK_KINDS: readonly NetworkCauseKind[] = ['refused', 'reset', 'empty', 'timeout', 'dns', 'tls', 'offline', 'network'];

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
  return (NETWORK_KINDS as readonly string[]).includes(text) ? { kind: text as NetworkCauseKind } : undefined;
}

export function isServerError(status: number): boolean {
  return Number.isInteger(status) && status >= 500 && status <= 599;
}

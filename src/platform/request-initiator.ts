/**
 * The page that made a request. Chromium reports its origin as `initiator`; Firefox reports the page
 * itself as `documentUrl` (and `originUrl`), and has no `initiator`.
 */
export function requestPage(details: { initiator?: string; documentUrl?: string; originUrl?: string }): string {
  return details.documentUrl ?? details.initiator ?? details.originUrl ?? '';
}

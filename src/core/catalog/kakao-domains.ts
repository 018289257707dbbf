// Imported by the page script (src/core/page-script/report.ts): no imports, so nothing else comes
// along into its 8 KB budget.

/**
 * Domains that are Kakao's own, each once: every name under them is Kakao's. A page there loading
 * Kakao's SDK is Kakao using itself, not another site leaning on Kakao (other-sites.ts), and a Kakao
 * page's requests there are the ones its page script counts (report.ts). other-sites.test.ts checks
 * that every catalogued host falls under one of them.
 */
export const KAKAO_DOMAINS: readonly string[] = [
  'kakao.com',
  'kakao.co.kr',
  // Kakao's CDN (the JS SDK, the postcode widget)
  'kakaocdn.net',
  'daum.net',
  // Daum's CDN (the map SDK, the postcode widget)
  'daumcdn.net',
  'kakaopay.com',
  'kakaomobility.com',
  'melon.com',
  'melon.co.kr',
  'tistory.com',
  // KakaoMap's short links
  'kko.to',
];

/** Whether a host name (lower case, as URL gives it) is one of KAKAO_DOMAINS or under one. */
export function onKakaoDomain(host: string): boolean {
  return KAKAO_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

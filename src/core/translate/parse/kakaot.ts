import { NO_INTENT, type Intent } from '../intent.ts';

/** Kakao T web pages carry no destination in their address today: the alternative's home it is. */
export function parseKakaoT(_url: URL): Intent {
  return NO_INTENT;
}

/** Kakao Navi share links: not yet read. */
export function parseKakaoNavi(_url: URL): Intent {
  return NO_INTENT;
}

import { SERVICES, type ServiceId } from '../catalog/index.ts';
import { pageWords } from './text.ts';

/** Site names Kakao uses in its page titles, alone or after a separator ("스타벅스 판교점 | 카카오맵"). */
const SITE_NAME = String.raw`(카카오\s?맵|kakao\s?map|다음\s?(지도|뉴스|카페|검색|메일)?|daum(\s?(검색|search|뉴스|news|카페|cafe|메일|mail))?|멜론|melon|카카오\s?페이지|카카오\s?웹툰|kakao\s?(page|webtoon)|티스토리|tistory|카카오톡?\s?선물하기|kakao)`;
/** The site name at the end of a title, after a separator; Tistory uses "::", the others one of |-–—:·. */
const SITE_SUFFIX = new RegExp(String.raw`\s*[|\-–—:·]{1,2}\s*${SITE_NAME}\s*$`, 'i');
const ONLY_SITE_NAME = new RegExp(`^${SITE_NAME}$`, 'i');
const LOOKS_LIKE_ADDRESS = /^([a-z][\w+.-]*:\/\/|[\w-]+(\.[\w-]+)+(:\d+)?(\/\S*)?$)/i;

const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * A search text made from a tab's title, for when the address alone says nothing (a place id, a
 * product id). A title that is just an address, a Kakao site's or the service's own name, or empty
 * gives nothing.
 */
export function titleQuery(title: string | undefined, service: ServiceId): string | undefined {
  if (!title) return undefined;
  let text = pageWords(title);
  for (let i = 0; i < 3 && SITE_SUFFIX.test(text); i += 1) text = text.replace(SITE_SUFFIX, '').trim();
  if (!text || LOOKS_LIKE_ADDRESS.test(text) || ONLY_SITE_NAME.test(text)) return undefined;
  const name = SERVICES[service].name;
  if ([name.ko, name.en].some((n) => squash(n) === squash(text))) return undefined;
  return text;
}

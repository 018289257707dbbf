/**
 * Korean particles (조사) after a name: "카카오맵이", "카카오 T가", "Gmail로", "LINE으로". The right form
 * depends on how the name's last syllable is pronounced, so it is computed here instead of written as
 * "이(가)" in the messages. browser.i18n has no such rule; callers pass the particle as a substitution.
 */

/** The particles Detour's messages use, named by their form after a final consonant / after a vowel. */
export type ParticlePair = '이/가' | '을/를' | '은/는' | '과/와' | '으로/로' | '이에요/예요';

/** How a name ends when read aloud: no final consonant, ㄹ (which takes 로, not 으로), or any other one. */
export type Ending = 'vowel' | 'rieul' | 'consonant';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Index of ㄹ among the 28 final-consonant slots of a Hangul syllable (0 is none). */
const RIEUL = 8;

/** Digits read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구. */
const DIGIT_ENDINGS: readonly Ending[] = ['consonant', 'rieul', 'vowel', 'consonant', 'vowel', 'vowel', 'consonant', 'rieul', 'rieul', 'vowel'];

/**
 * Latin letters said one by one (acronyms such as "UT", "KT", "T"): only 엘 and 알 end in ㄹ,
 * 엠 and 엔 in another consonant; every other letter's name ends in a vowel (에이, 비, 티, 에스, ...).
 */
function letterEnding(letter: string): Ending {
  if (letter === 'l' || letter === 'r') return 'rieul';
  if (letter === 'm' || letter === 'n') return 'consonant';
  return 'vowel';
}

/**
 * An English word as Korean loanwords say it: "mail" 메일 (ㄹ), "line" 라인, "time" 타임, "king" 킹,
 * "book" 북, "chat" 챗, "app" 앱 end in a consonant; "vibe" 바이브, "flo" 플로, "cloud" 클라우드,
 * "naver" 네이버 in a vowel (a final e, r, s, d, g, f, v, x... is said with ㅡ or not at all).
 */
function wordEnding(word: string): Ending {
  if (/l$/.test(word)) return 'rieul';
  // m, n (ng too), a silent e after them; k, p, t only after a short vowel (챗, 앱, 북) and not in
  // "night" 나이트, "camp" 캠프, "talk" 토크, where they are said with ㅡ.
  if (/(?:m|n|ng|me|ne|ic|ck)$/.test(word) || /[aeiou](?:k|p|pp)$/.test(word) || /(?:^|[^aeiou])[aeiou]t$/.test(word)) return 'consonant';
  return 'vowel';
}

/** A run of capitals with no vowel, or of at most two letters, is said letter by letter ("UT", "KT", "SK"). */
function isSpelledOut(word: string): boolean {
  return word === word.toUpperCase() && (word.length <= 2 || !/[AEIOUY]/.test(word));
}

function numberEnding(digits: string): Ending {
  // 10 십, 100 백, 1000 천, 10000 만 (and so on): a round number ends in a consonant; 0 alone is 영.
  if (/[1-9]0+$/.test(digits)) return 'consonant';
  return DIGIT_ENDINGS[Number(digits.at(-1))]!;
}

/**
 * How `name` ends when read aloud. A closing parenthesis is looked through ("바이브 (VIBE)" is read
 * "바이브"), as are trailing spaces and punctuation. Undefined when nothing readable is left.
 */
export function nameEnding(name: string): Ending | undefined {
  const text = name.replace(/\s*[(（][^()（）]*[)）]\s*$/u, '').replace(/[\s.,!?·'"’”)\]]+$/u, '');
  if (text === '') return undefined;
  const last = text.at(-1)!;
  const code = last.codePointAt(0)!;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const final = (code - HANGUL_FIRST) % 28;
    if (final === 0) return 'vowel';
    return final === RIEUL ? 'rieul' : 'consonant';
  }
  const number = /\d+$/.exec(text);
  if (number) return numberEnding(number[0]);
  const latin = /[A-Za-z]+$/.exec(text);
  if (latin) {
    const word = latin[0];
    return isSpelledOut(word) ? letterEnding(word.at(-1)!.toLowerCase()) : wordEnding(word.toLowerCase());
  }
  return undefined;
}

/**
 * The particle that follows `name`: particle('카카오맵', '이/가') is '이', particle('Gmail', '으로/로')
 * is '로'. For a name that cannot be read (symbols only) the after-a-vowel form, which reads least oddly.
 */
export function particle(name: string, pair: ParticlePair): string {
  const [afterConsonant, afterVowel] = pair.split('/') as [string, string];
  const ending = nameEnding(name) ?? 'vowel';
  if (pair === '으로/로') return ending === 'consonant' ? afterConsonant : afterVowel;
  return ending === 'vowel' ? afterVowel : afterConsonant;
}

/** The name followed by its particle: withParticle('LINE', '으로/로') is 'LINE으로'. */
export function withParticle(name: string, pair: ParticlePair): string {
  return name + particle(name, pair);
}

/** Any "이(가)"-style placeholder left in a text: the machine-made Korean this module replaces. */
export const PARTICLE_PLACEHOLDER = /이\(가\)|을\(를\)|은\(는\)|와\(과\)|과\(와\)|\(으\)로|\((?:이|가|을|를|은|는|와|과|으)\)/u;

/**
 * A particle written in a message after a placeholder, in braces: "$SERVICE${이/가} 열리지 않을 때".
 * t() resolves it once the name is in, from the text just before it, so every caller (pages, the
 * background's notifications and banners) gets "카카오맵이" / "카카오 T가" without knowing Korean.
 */
const PARTICLE_MARK = /\{(이\/가|을\/를|은\/는|과\/와|으로\/로|이에요\/예요)\}/gu;

export function resolveParticles(text: string): string {
  if (!text.includes('{')) return text;
  return text.replace(PARTICLE_MARK, (_mark, pair: ParticlePair, offset: number, whole: string) => particle(whole.slice(0, offset), pair));
}

import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_IDS } from '../catalog/index.ts';
import { PARTICLE_PLACEHOLDER, nameEnding, particle, resolveParticles, withParticle, type Ending } from './particle.ts';

describe('nameEnding', () => {
  it.each<[string, Ending]>([
    // Hangul: the last syllable's final consonant decides; ㄹ is its own case.
    ['카카오맵', 'consonant'],
    ['카카오', 'vowel'],
    ['멜론', 'consonant'],
    ['카카오톡 선물하기', 'vowel'],
    ['네이버 지도', 'vowel'],
    ['네이버 메일', 'rieul'],
    ['다음 카페', 'vowel'],
    ['Daum 검색', 'consonant'],
    ['카카오내비', 'vowel'],
    ['티스토리', 'vowel'],
    ['카카오계정 로그인', 'consonant'],
    ['네이버 블로그', 'vowel'],
    ['지니뮤직', 'consonant'],
    ['힐', 'rieul'],
    // Latin: said letter by letter when it is an acronym, as a loanword otherwise.
    ['카카오 T', 'vowel'],
    ['T', 'vowel'],
    ['UT', 'vowel'],
    ['KT', 'vowel'],
    ['SK', 'vowel'],
    ['CNN', 'consonant'],
    ['URL', 'rieul'],
    ['LINE', 'consonant'],
    ['VIBE', 'vowel'],
    ['FLO', 'vowel'],
    ['Gmail', 'rieul'],
    ['Google', 'vowel'],
    ['NAVER', 'vowel'],
    ['Kakao Webtoon', 'consonant'],
    ['Facebook', 'consonant'],
    ['Instagram', 'consonant'],
    ['YouTube', 'vowel'],
    ['Chat', 'consonant'],
    ['Night', 'vowel'],
    ['Camp', 'vowel'],
    ['Talk', 'vowel'],
    ['Music', 'consonant'],
    ['Time', 'consonant'],
    ['Ring', 'consonant'],
    ['App', 'consonant'],
    // A parenthesis is read through: "바이브 (VIBE)" is read 바이브.
    ['바이브 (VIBE)', 'vowel'],
    ['플로 (FLO)', 'vowel'],
    ['우티 (UT)', 'vowel'],
    ['라인(LINE)', 'consonant'],
    ['카카오맵 ', 'consonant'],
    ['카카오맵.', 'consonant'],
    // Digits in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구, and round numbers 십 백 천 만.
    ['0', 'consonant'],
    ['1', 'rieul'],
    ['2', 'vowel'],
    ['3', 'consonant'],
    ['4', 'vowel'],
    ['5', 'vowel'],
    ['6', 'consonant'],
    ['7', 'rieul'],
    ['8', 'rieul'],
    ['9', 'vowel'],
    ['10', 'consonant'],
    ['100', 'consonant'],
    ['1000', 'consonant'],
    ['503', 'consonant'],
    ['502', 'vowel'],
    ['Windows 11', 'rieul'],
  ])('%s ends in a %s', (name, ending) => {
    expect(nameEnding(name)).toBe(ending);
  });

  it.each(['', '   ', '()', '…', '★'])('%j has no readable ending', (name) => {
    expect(nameEnding(name)).toBeUndefined();
  });
});

describe('particle', () => {
  it.each([
    ['카카오맵', '이/가', '이'],
    ['카카오 T', '이/가', '가'],
    ['카카오맵', '은/는', '은'],
    ['멜론', '을/를', '을'],
    ['티스토리', '을/를', '를'],
    ['카카오페이', '과/와', '와'],
    ['카카오맵', '과/와', '과'],
    ['네이버 지도', '으로/로', '로'],
    ['구글 지도', '으로/로', '로'],
    ['네이버 메일', '으로/로', '로'],
    ['Gmail', '으로/로', '로'],
    ['LINE', '으로/로', '으로'],
    ['LINE', '이/가', '이'],
    ['VIBE', '으로/로', '로'],
    ['바이브 (VIBE)', '으로/로', '로'],
    ['플로 (FLO)', '이/가', '가'],
    ['지니뮤직', '으로/로', '으로'],
    ['카카오톡 채널·오픈채팅', '이/가', '이'],
    ['멜론', '이에요/예요', '이에요'],
    ['토스', '이에요/예요', '예요'],
    ['★', '이/가', '가'],
  ] as const)('%s + %s → %s', (name, pair, expected) => {
    expect(particle(name, pair)).toBe(expected);
  });

  it('joins the name and its particle', () => {
    expect(withParticle('카카오맵', '이/가')).toBe('카카오맵이');
    expect(withParticle('LINE', '으로/로')).toBe('LINE으로');
    expect(withParticle('카카오 T', '은/는')).toBe('카카오 T는');
  });

  it('reads every catalogued Korean service name', () => {
    for (const id of SERVICE_IDS) expect(nameEnding(SERVICES[id].name.ko), SERVICES[id].name.ko).toBeDefined();
  });
});

describe('PARTICLE_PLACEHOLDER', () => {
  it.each(['카카오맵이(가) 열리지', '다음 검색을(를)', '카카오맵은(는)', '네이버 지도(으)로 이동', '카카오(와) 네이버', '(이)가'])('finds %s', (text) => {
    expect(PARTICLE_PLACEHOLDER.test(text)).toBe(true);
  });
  it.each(['카카오맵이 열리지 않을 때', '보안 연결(TLS)에 실패', '우티 (UT)', '(최대 64 KB)', '서버 오류 (503)'])('leaves %s alone', (text) => {
    expect(PARTICLE_PLACEHOLDER.test(text)).toBe(false);
  });
});

describe('resolveParticles', () => {
  it.each([
    ['카카오맵{이/가} 열리지 않을 때', '카카오맵이 열리지 않을 때'],
    ['카카오 T{이/가} 열리지 않을 때', '카카오 T가 열리지 않을 때'],
    ['카카오맵에 장애가 있어 LINE{으로/로} 이동했습니다', '카카오맵에 장애가 있어 LINE으로 이동했습니다'],
    ['네이버 지도{으로/로}, 멜론{은/는}', '네이버 지도로, 멜론은'],
    ['Daum 검색{이/가} 점검 중', 'Daum 검색이 점검 중'],
    ['no marks at all', 'no marks at all'],
    ['{이/가} first', '가 first'],
    ['오류 {503}', '오류 {503}'],
  ])('%s → %s', (text, expected) => {
    expect(resolveParticles(text)).toBe(expected);
  });
});

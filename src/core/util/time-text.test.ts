import { describe, expect, it } from 'vitest';
import { durationText, relativeParts, relativeTime } from './time-text.ts';

const NOW = Date.UTC(2024, 9, 15, 6, 30);
const S = 1000;
const M = 60 * S;
const H = 60 * M;

describe('relativeParts', () => {
  it.each([
    [0, { value: 0, unit: 'second' }],
    [9_999, { value: 0, unit: 'second' }],
    [10 * S, { value: -10, unit: 'second' }],
    [59 * S + 999, { value: -59, unit: 'second' }],
    [M, { value: -1, unit: 'minute' }],
    [3 * M + 59 * S, { value: -3, unit: 'minute' }],
    [59 * M + 59 * S, { value: -59, unit: 'minute' }],
    [H, { value: -1, unit: 'hour' }],
    [23 * H + 59 * M, { value: -23, unit: 'hour' }],
    [24 * H, { value: -1, unit: 'day' }],
    [30 * 24 * H, { value: -30, unit: 'day' }],
  ])('%i ms ago -> %j (counted down, never rounded up)', (ago, expected) => {
    expect(relativeParts(NOW - ago, NOW)).toEqual(expected);
  });

  it('reads a time in the future (a clock that went back) as now', () => {
    expect(relativeParts(NOW + 5 * M, NOW)).toEqual({ value: 0, unit: 'second' });
  });
});

describe('relativeTime', () => {
  it.each([
    [3 * M, '3분 전', '3 min. ago'],
    [M, '1분 전', '1 min. ago'],
    [2 * H + 5 * M, '2시간 전', '2 hr. ago'],
    [45 * S, '45초 전', '45 sec. ago'],
    [2 * S, '방금 전', 'just now'],
    [24 * H, '어제', 'yesterday'],
    [3 * 24 * H, '3일 전', '3 days ago'],
  ])('%i ms ago in Korean and English', (ago, ko, en) => {
    expect(relativeTime(NOW - ago, NOW, 'ko', '방금 전')).toBe(ko);
    expect(relativeTime(NOW - ago, NOW, 'en', 'just now')).toBe(en);
  });
});

describe('durationText', () => {
  it.each([
    [0, '0분', '0 min'],
    [1, '1분', '1 min'],
    [40, '40분', '40 min'],
    [60, '1시간', '1 hr'],
    [23 * 60 + 40, '23시간 40분', '23 hr 40 min'],
    [24 * 60, '24시간', '24 hr'],
    [20.4, '20분', '20 min'],
    [-5, '0분', '0 min'],
  ])('%d minutes', (minutes, ko, en) => {
    expect(durationText(minutes, 'ko')).toBe(ko);
    expect(durationText(minutes, 'en')).toBe(en);
  });
});

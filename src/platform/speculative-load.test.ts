import { describe, expect, it } from 'vitest';
import { isPrerendering, isSpeculativeLoad } from './speculative-load.ts';

// The details Chromium 156 reported for each kind of main_frame request (fields as measured).
describe('isSpeculativeLoad', () => {
  it.each([
    ['a link the user followed', { frameId: 0, documentLifecycle: 'active' }, false],
    ['a typed address (Firefox: none of the Chromium fields)', { frameId: 0 }, false],
    ['speculation-rules prefetch', { frameId: 0, documentLifecycle: 'active', documentId: '97DF0248BB2745B129201EBB4E34F875' }, true],
    ['the prefetch ahead of a prerender', { frameId: 0, documentLifecycle: 'active', documentId: '2E57D4DB31C4C3FE6929154AA66CA11F' }, true],
    ["a prerender's own navigation", { frameId: 5, documentLifecycle: 'prerender' }, true],
    ['a main frame in a frame of its own', { frameId: 3, documentLifecycle: 'active' }, true],
  ] as const)('%s -> %s', (_label, details, speculative) => {
    expect(isSpeculativeLoad(details)).toBe(speculative);
  });
});

describe('isPrerendering', () => {
  it.each([
    ['a sub-resource of a prerendering page', { documentLifecycle: 'prerender' }, true],
    ['a sub-resource of the page in front', { documentLifecycle: 'active' }, false],
    ['Firefox (no such field)', {}, false],
  ] as const)('%s -> %s', (_label, details, prerendering) => {
    expect(isPrerendering(details)).toBe(prerendering);
  });
});

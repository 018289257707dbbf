import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** The committed store images (npm run store-images) have the sizes the stores ask for. */
const STORE = new URL('../../docs/store/', import.meta.url);

interface Png {
  readonly width: number;
  readonly height: number;
  /** Alpha (0-255) of the pixel at x, y. */
  alpha(x: number, y: number): number;
}

/** Reads an 8-bit RGBA, non-interlaced PNG (what Chromium writes with a transparent background). */
function readPng(bytes: Buffer): Png {
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colour, , , interlace] = bytes.subarray(24, 29);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
  if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour ${colour}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter ?? 0] ?? 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, alpha: (x, y) => (channels === 4 ? pixels[y * stride + x * 4 + 3]! : 255) };
}

const image = (name: string) => readPng(readFileSync(new URL(name, STORE)));
/** Width and height from the PNG header alone. */
const size = (name: string) => {
  const bytes = readFileSync(new URL(name, STORE));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
};

describe('store images (docs/store)', () => {
  for (const language of ['ko', 'en']) {
    it(`${language}: four 1280x800 screenshots and a 440x280 small promo tile`, () => {
      for (const n of [1, 2, 3, 4]) {
        const name = `screenshot-${n}-${language}.png`;
        expect(existsSync(new URL(name, STORE)), name).toBe(true);
        expect(size(name), name).toEqual([1280, 800]);
      }
      expect(size(`promo-440x280-${language}.png`)).toEqual([440, 280]);
    });
  }

  it('store icon: 128x128, 96x96 artwork inside 16 px of transparent padding', () => {
    const icon = image('icon-128.png');
    expect([icon.width, icon.height]).toEqual([128, 128]);
    let border = 0;
    let inside = 0;
    for (let y = 0; y < 128; y += 1) {
      for (let x = 0; x < 128; x += 1) {
        const inArtwork = x >= 16 && x < 112 && y >= 16 && y < 112;
        if (!inArtwork) border = Math.max(border, icon.alpha(x, y));
        else if (icon.alpha(x, y) === 255) inside += 1;
      }
    }
    expect(border).toBe(0);
    // The rounded square fills its 96x96 box but for the corners.
    expect(inside).toBeGreaterThan(96 * 96 * 0.9);
  });

  it('the manifest icon does fill its canvas (the store icon is a separate file for that reason)', () => {
    const manifestIcon = readPng(readFileSync(new URL('../../public/icons/icon-128.png', import.meta.url)));
    expect(manifestIcon.alpha(64, 6)).toBe(255);
  });
});

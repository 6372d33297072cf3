import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { adler32, deflateRaw, storedRaw, zlib } from '../../../src/kernel/display/deflate.ts';
import { crc32, encodePng } from '../../../src/kernel/display/png.ts';
import { decodePng } from './decode-png.ts';

/** A deterministic pseudo-random generator, so failures reproduce. */
function random(seed: number): () => number {
  return () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** `n` random bytes. */
function bytes(n: number, next: () => number): Uint8Array {
  return Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}

describe('zlib', () => {
  const cases: Record<string, Uint8Array> = {
    empty: new Uint8Array(0),
    'one byte': Uint8Array.of(7),
    'all bytes': Uint8Array.from({ length: 256 }, (_, i) => i),
    'long run': new Uint8Array(100_000).fill(42),
    noise: bytes(70_000, random(1)),
    'repeating pattern': Uint8Array.from({ length: 90_000 }, (_, i) => (i * 7) % 251),
    'text-like': new TextEncoder().encode('the quick brown fox jumps over the lazy dog. '.repeat(2000)),
  };
  for (const [name, data] of Object.entries(cases)) {
    it(`round-trips ${name} through node:zlib`, () => {
      expect(Buffer.from(inflateSync(zlib(data))).equals(data)).toBe(true);
    });
  }

  it('falls back to stored blocks for noise, split at 65535 bytes', () => {
    const noise = bytes(140_000, random(3));
    expect(zlib(noise).length).toBe(noise.length + 3 * 5 + 6);
    expect(Buffer.from(inflateSync(zlib(noise))).equals(noise)).toBe(true);
    expect(inflateRawSync(storedRaw(new Uint8Array(0))).length).toBe(0);
  });

  it('compresses runs', () => {
    expect(deflateRaw(new Uint8Array(100_000)).length).toBeLessThan(1000);
  });

  it('computes Adler-32 and CRC-32 like the references', () => {
    const data = new TextEncoder().encode('Wikipedia');
    expect(adler32(data)).toBe(0x11e60398);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('encodePng', () => {
  it('writes a PNG whose pixels read back', () => {
    const width = 37;
    const height = 11;
    const next = random(2);
    const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) =>
      i % 4 === 3 ? 255 : next() * 256,
    );
    const png = encodePng(width, height, rgba);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(decodePng(png)).toEqual({ width, height, rgba });
  });
});

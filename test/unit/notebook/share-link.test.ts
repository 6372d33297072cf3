import { readdirSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeShareHash,
  encodeShareHash,
  SHARE_LIMIT,
  SHARE_PREFIX,
  ShareLinkError,
} from '../../../src/notebook/share-link.ts';

const hashOf = (bytes: Uint8Array): string => SHARE_PREFIX + Buffer.from(bytes).toString('base64url');

describe('share links', () => {
  it('round-trips the bundled notebooks that fit, and refuses the others with their size', async () => {
    const folder = new URL('../../../notebooks/', import.meta.url);
    const fits: Record<string, boolean> = {};
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith('.md'))
      .sort()) {
      const text = readFileSync(new URL(name, folder), 'utf8');
      try {
        const hash = await encodeShareHash(text);
        expect(hash.length).toBeLessThanOrEqual(SHARE_LIMIT);
        expect(hash).toMatch(/^#\/share\/[A-Za-z0-9_-]+$/);
        expect(await decodeShareHash(hash)).toBe(text);
        fits[name] = true;
      } catch (e) {
        expect(e).toBeInstanceOf(ShareLinkError);
        expect((e as Error).message).toMatch(
          /the link would be [\d,]+ characters.*Download the \.md instead/,
        );
        fits[name] = false;
      }
    }
    // The welcome tour (5.7 kB) fits in about 3,000 characters; the lessons (over 20 kB) do not.
    expect(fits['00-welcome.md']).toBe(true);
    expect(fits['01-time-series-basics.md']).toBe(false);
    expect(Object.keys(fits).length).toBe(readdirSync(folder).filter((n) => n.endsWith('.md')).length);
  });

  it('round-trips unicode, CRLF, an empty notebook and a long repetitive one', async () => {
    const texts = [
      '',
      '# Ünïcödé: 日本語, emoji 👩‍🔬🚀, math ∑ᵢ xᵢ², RTL עברית\n\n```ts\nconst π = Math.PI; // “quotes”\n```\n',
      '---\r\ntitle: CRLF\r\n---\r\n\r\n```ts\r\n1\r\n```\r\n',
      '\uFEFF# with a byte order mark\n',
      '```ts\nconsole.log("same line");\n```\n'.repeat(2000),
    ];
    for (const text of texts) expect(await decodeShareHash(await encodeShareHash(text))).toBe(text);
  });

  it('reads the hash with or without #, and from a whole URL, even wrapped over lines', async () => {
    const hash = await encodeShareHash('# Hi\n');
    expect(await decodeShareHash(hash.slice(1))).toBe('# Hi\n');
    expect(await decodeShareHash(`https://lab.example/share/dplab/${hash}`)).toBe('# Hi\n');
    expect(await decodeShareHash(hash.slice(0, 12) + '\n  ' + hash.slice(12))).toBe('# Hi\n');
  });

  it('refuses a notebook whose link would be too long, saying how long and what to do', async () => {
    // Random text does not compress.
    let seed = 1;
    const noise = Array.from({ length: 9000 }, () => {
      seed = (seed * 48271) % 2147483647;
      return String.fromCharCode(33 + (seed % 90));
    }).join('');
    await expect(encodeShareHash(noise)).rejects.toThrow(
      /too large to share as a link: the link would be [\d,]+ characters.*Download the \.md instead/,
    );
  });

  it('says clearly what is wrong with a damaged link', async () => {
    const good = await encodeShareHash('# A notebook\n\n```ts\n1 + 1\n```\n');
    const cases: [string, RegExp][] = [
      ['#/notebooks/00-welcome.md', /not a share link/],
      ['', /not a share link/],
      ['#/share/abc$def', /damaged \(it contains "\$"/],
      ['#/share/abcde', /damaged \(its length, 5 characters, is impossible/],
      [
        good.slice(0, SHARE_PREFIX.length + 4 * Math.floor((good.length - SHARE_PREFIX.length) / 8)),
        /damaged \(its data does not decompress\).*cut short/,
      ],
      [hashOf(new Uint8Array([0xff, 0xfe, 0xfd])), /damaged \(its data does not decompress/],
      [hashOf(deflateRawSync(Buffer.from([0xc3, 0x28, 0xa0]))), /damaged \(its data is not UTF-8 text/],
      [hashOf(deflateRawSync(Buffer.alloc(5 * 1024 * 1024, 32))), /expands to more than 4 MB/],
    ];
    for (const [hash, message] of cases) {
      await expect(decodeShareHash(hash), hash.slice(0, 40)).rejects.toThrow(message);
      await expect(decodeShareHash(hash)).rejects.toBeInstanceOf(ShareLinkError);
    }
  });
});

/**
 * A PNG encoder for the worker's canvas stand-in: 8-bit RGBA, one IDAT chunk, per-row filters
 * chosen by the usual minimum-sum heuristic, compressed by our own {@link zlib}.
 */
import { zlib } from './deflate.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309), as each PNG chunk ends with. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** PNG bytes of a `width`×`height` image whose pixels are RGBA, row by row. */
export function encodePng(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filters, no interlace
  const chunks = [chunk('IHDR', header), chunk('IDAT', zlib(filterRows(width, height, rgba))), chunk('IEND')];
  const out = new Uint8Array(SIGNATURE.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(SIGNATURE);
  let offset = SIGNATURE.length;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** A `data:image/png;base64,…` URL of the image. */
export function pngDataUrl(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray): string {
  return `data:image/png;base64,${base64(encodePng(width, height, rgba))}`;
}

/** Length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(data.length + 12);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/**
 * Each row prefixed with its filter type, the one (None, Sub, Up or Paeth) whose output has the
 * smallest sum of absolute values: runs of equal or smoothly changing pixels then become zeros
 * that compress well.
 */
function filterRows(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array((stride + 1) * height);
  const candidates = [0, 1, 2, 4].map((type) => ({ type, row: new Uint8Array(stride) }));
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const up = row - stride;
    let best = candidates[0];
    let bestScore = Infinity;
    for (const candidate of candidates) {
      let score = 0;
      for (let x = 0; x < stride; x++) {
        const a = x >= 4 ? rgba[row + x - 4] : 0;
        const b = y > 0 ? rgba[up + x] : 0;
        const c = x >= 4 && y > 0 ? rgba[up + x - 4] : 0;
        const predictor =
          candidate.type === 1 ? a : candidate.type === 2 ? b : candidate.type === 4 ? paeth(a, b, c) : 0;
        const v = (rgba[row + x] - predictor) & 0xff;
        candidate.row[x] = v;
        score += v < 128 ? v : 256 - v;
      }
      if (score < bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    out[y * (stride + 1)] = best.type;
    out.set(best.row, y * (stride + 1) + 1);
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Base64 via `btoa`, which workers and Node both have; built in slices to bound the argument list. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

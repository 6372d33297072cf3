/**
 * A small zlib (RFC 1950) compressor for the worker's PNG encoder: LZ77 with a hash chain and
 * DEFLATE's fixed Huffman codes (RFC 1951, block type 1).
 *
 * No compressor ships with the browser that works synchronously (`CompressionStream` is async,
 * and canvas `toDataURL` must return at once), and stored blocks alone make a 600×400
 * `Plot.raster` weigh 1.3 MB of base64. Fixed codes need no tree building and still shrink
 * chart images, which are runs and repeats, several times over.
 */

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];

const WINDOW = 32768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
/** How many earlier positions with the same 3-byte hash we try: speed against ratio. */
const MAX_CHAIN = 32;
const HASH_BITS = 15;

/** Writes bits least-significant first, as DEFLATE packs them. */
class BitWriter {
  bytes = new Uint8Array(1024);
  length = 0;
  private bits = 0;
  private count = 0;

  write(value: number, n: number): void {
    this.bits |= value << this.count;
    this.count += n;
    while (this.count >= 8) {
      this.byte(this.bits & 0xff);
      this.bits >>>= 8;
      this.count -= 8;
    }
  }

  /** Huffman codes are defined most-significant bit first, so they go in reversed. */
  code(code: number, n: number): void {
    let reversed = 0;
    for (let i = 0; i < n; i++) reversed |= ((code >> i) & 1) << (n - 1 - i);
    this.write(reversed, n);
  }

  byte(b: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = b;
  }

  flush(): Uint8Array {
    if (this.count > 0) this.byte(this.bits & 0xff);
    this.bits = this.count = 0;
    return this.bytes.subarray(0, this.length);
  }
}

/** A literal byte or the end-of-block marker (256) in the fixed code. */
function literal(out: BitWriter, symbol: number): void {
  if (symbol < 144) out.code(0x30 + symbol, 8);
  else if (symbol < 256) out.code(0x190 + symbol - 144, 9);
  else if (symbol < 280) out.code(symbol - 256, 7);
  else out.code(0xc0 + symbol - 280, 8);
}

function match(out: BitWriter, length: number, distance: number): void {
  let l = LENGTH_BASE.length - 1;
  while (LENGTH_BASE[l] > length) l--;
  literal(out, 257 + l);
  if (LENGTH_EXTRA[l]) out.write(length - LENGTH_BASE[l], LENGTH_EXTRA[l]);
  let d = DIST_BASE.length - 1;
  while (DIST_BASE[d] > distance) d--;
  out.code(d, 5);
  if (DIST_EXTRA[d]) out.write(distance - DIST_BASE[d], DIST_EXTRA[d]);
}

/** Raw DEFLATE data of `data`, one final block with fixed Huffman codes. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  const out = new BitWriter();
  out.write(1, 1); // BFINAL
  out.write(1, 2); // BTYPE = 01, fixed codes
  const head = new Int32Array(1 << HASH_BITS).fill(-1);
  const prev = new Int32Array(WINDOW);
  // Multiplicative hashing; Math.imul keeps the product in 32 bits (a plain `*` would lose bits).
  const hash = (i: number): number =>
    Math.imul((data[i] << 16) | (data[i + 1] << 8) | data[i + 2], 0x9e3779b1) >>> (32 - HASH_BITS);
  const insert = (i: number): void => {
    if (i + MIN_MATCH > data.length) return;
    const h = hash(i);
    prev[i % WINDOW] = head[h];
    head[h] = i;
  };
  let i = 0;
  while (i < data.length) {
    let bestLength = 0;
    let bestDistance = 0;
    if (i + MIN_MATCH <= data.length) {
      const limit = Math.min(MAX_MATCH, data.length - i);
      let candidate = head[hash(i)];
      for (let chain = 0; candidate >= 0 && i - candidate <= WINDOW && chain < MAX_CHAIN; chain++) {
        let n = 0;
        while (n < limit && data[candidate + n] === data[i + n]) n++;
        if (n > bestLength) {
          bestLength = n;
          bestDistance = i - candidate;
          if (n === limit) break;
        }
        const next = prev[candidate % WINDOW];
        // An older slot of the ring may hold a newer position: the chain has ended.
        if (next >= candidate) break;
        candidate = next;
      }
    }
    if (bestLength >= MIN_MATCH) {
      match(out, bestLength, bestDistance);
      for (let k = 0; k < bestLength; k++) insert(i + k);
      i += bestLength;
    } else {
      literal(out, data[i]);
      insert(i);
      i++;
    }
  }
  literal(out, 256);
  return out.flush();
}

/** Adler-32 checksum, which ends a zlib stream. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length;) {
    // 5552 bytes is the most that can be summed before b could overflow 2^32.
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * Stored (uncompressed) blocks of at most 65535 bytes: what noise costs least as, since fixed
 * codes spend 9 bits on half of all byte values.
 */
export function storedRaw(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(data.length + blocks * 5);
  for (let b = 0, offset = 0; b < blocks; b++) {
    const chunk = data.subarray(b * 65535, (b + 1) * 65535);
    const n = chunk.length;
    out.set([b === blocks - 1 ? 1 : 0, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff], offset);
    out.set(chunk, offset + 5);
    offset += n + 5;
  }
  return out;
}

/** A zlib stream: 2-byte header, raw DEFLATE data, Adler-32 of the input (big-endian). */
export function zlib(data: Uint8Array): Uint8Array {
  const compressed = deflateRaw(data);
  const body = compressed.length > data.length ? storedRaw(data) : compressed;
  const out = new Uint8Array(body.length + 6);
  out[0] = 0x78; // deflate, 32K window
  out[1] = 0x01; // check bits: 0x7801 is a multiple of 31; no preset dictionary
  out.set(body, 2);
  new DataView(out.buffer).setUint32(out.length - 4, adler32(data));
  return out;
}

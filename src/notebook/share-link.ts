/**
 * Share links: a small notebook carried in the URL's hash, as `#/share/<data>`, like the
 * TypeScript playground's links. `<data>` is the notebook's UTF-8 text compressed with raw
 * DEFLATE (`CompressionStream('deflate-raw')`, in browsers, workers and Node ≥ 18) and written in
 * base64url, which needs no escaping in a URL.
 *
 * The hash never reaches a server, so the link works from a static host and the notebook stays
 * private to whoever has the link. What limits its size is where links travel: chat apps, mail
 * clients, issue trackers and link previewers shorten, cut or refuse long URLs, and many tools and
 * servers that do read whole URLs stop at about 8 KB (a common request-line limit). Hence
 * {@link SHARE_LIMIT}; a larger notebook is better shared as its `.md` file.
 */

/** The longest hash `encodeShareHash` makes, in characters (about 8 KB; see above). */
export const SHARE_LIMIT = 8_000;

/** The hash prefix of a share link. */
export const SHARE_PREFIX = '#/share/';

/** Decompressed text larger than this is refused: 8 KB of DEFLATE could otherwise expand a thousandfold. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;

/** A share link that cannot be made (too large) or read (damaged); `message` says what to do. */
export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

/**
 * The share hash (`#/share/…`) for a notebook's text. Rejects with a {@link ShareLinkError} that
 * gives the link's size when it would be longer than {@link SHARE_LIMIT}.
 */
export async function encodeShareHash(text: string): Promise<string> {
  const compressed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  const hash = SHARE_PREFIX + toBase64Url(compressed);
  if (hash.length > SHARE_LIMIT) {
    const size = hash.length.toLocaleString('en-US');
    throw new ShareLinkError(
      `This notebook is too large to share as a link: the link would be ${size} characters, and links ` +
        `longer than ${SHARE_LIMIT.toLocaleString('en-US')} are often cut short by chat and mail apps. ` +
        'Download the .md instead and share the file.',
    );
  }
  return hash;
}

/**
 * The notebook text in a share hash (`#/share/…`, with or without the `#`; a whole URL works
 * too). Rejects with a {@link ShareLinkError} saying what is wrong when it is not a share link or
 * its data is damaged (often a link cut short when it was copied).
 */
export async function decodeShareHash(hash: string): Promise<string> {
  const marker = hash.indexOf(SHARE_PREFIX);
  const start =
    marker >= 0 ? marker + SHARE_PREFIX.length : hash.startsWith('/share/') ? '/share/'.length : -1;
  if (start < 0) {
    throw new ShareLinkError(
      'This is not a share link: it should contain #/share/ followed by the notebook.',
    );
  }
  // Chat apps may wrap a long link over lines; the data itself has no spaces.
  const data = hash.slice(start).replace(/\s+/g, '');
  const bad = /[^A-Za-z0-9_-]/.exec(data);
  if (bad !== null || data.length % 4 === 1) {
    throw damaged(
      bad === null
        ? `its length, ${data.length} characters, is impossible for base64url data`
        : `it contains ${JSON.stringify(bad[0])}, which base64url data never does`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await pipe(fromBase64Url(data), new DecompressionStream('deflate-raw'), MAX_TEXT_BYTES);
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw damaged('its data does not decompress', e);
  }
  try {
    // ignoreBOM keeps a byte order mark the notebook starts with, so the text comes back exactly.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    throw damaged('its data is not UTF-8 text', e);
  }
}

function damaged(reason: string, cause?: unknown): ShareLinkError {
  return new ShareLinkError(
    `This share link is damaged (${reason}); it may have been cut short when copied. Ask for the link again.`,
    { cause },
  );
}

/** Runs bytes through a (de)compression stream, refusing output longer than `limit` bytes. */
async function pipe(
  input: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array<ArrayBuffer>> {
  const writer = stream.writable.getWriter();
  // Write and read at the same time: awaiting the write first could wait forever on backpressure.
  const written = writer.write(input).then(() => writer.close());
  written.catch(() => undefined); // a failure is reported by the reader below
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
    length += next.value.length;
    if (length > limit) {
      await reader.cancel();
      throw damaged(`it expands to more than ${limit / 1024 / 1024} MB, which no notebook needs`);
    }
  }
  await written;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a very long argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

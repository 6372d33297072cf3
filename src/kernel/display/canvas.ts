/**
 * Just enough of `<canvas>` for Observable Plot in a worker: continuous colour legends fill a
 * 256×1 canvas with `fillStyle` + `fillRect`, `Plot.raster` writes pixels with `putImageData`,
 * and both read the result back with a synchronous `toDataURL()` (which OffscreenCanvas lacks).
 *
 * Pixels are straight (not premultiplied) RGBA bytes, as `ImageData` exposes them.
 */
import { color } from 'd3-color';
import { pngDataUrl } from './png.ts';

/** Pixels of a canvas region, as `getImageData` returns and `putImageData` takes. */
export class ImageDataStandIn {
  readonly colorSpace = 'srgb';
  readonly data: Uint8ClampedArray;

  constructor(
    readonly width: number,
    readonly height: number,
    data?: Uint8ClampedArray,
  ) {
    this.data = data ?? new Uint8ClampedArray(width * height * 4);
  }
}

/** Any pixel buffer with the shape of an `ImageData`. */
export interface ImageDataLike {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
}

/** A canvas element's drawing state: a pixel buffer of `width`×`height`. */
export class CanvasStandIn {
  #width = 300;
  #height = 150;
  #context: Context2DStandIn | undefined;
  /** RGBA bytes, row by row; transparent black when (re)sized, as a real canvas is. */
  pixels = new Uint8ClampedArray(300 * 150 * 4);

  get width(): number {
    return this.#width;
  }
  set width(value: number) {
    this.#width = size(value, 300);
    this.pixels = new Uint8ClampedArray(this.#width * this.#height * 4);
  }

  get height(): number {
    return this.#height;
  }
  set height(value: number) {
    this.#height = size(value, 150);
    this.pixels = new Uint8ClampedArray(this.#width * this.#height * 4);
  }

  /** The 2D context (always the same one); other context types are not available. */
  getContext(type: string): Context2DStandIn | null {
    if (type !== '2d') return null;
    return (this.#context ??= new Context2DStandIn(this));
  }

  /** A PNG data URL whatever `type` asks for, as browsers fall back to PNG. */
  toDataURL(): string {
    return pngDataUrl(this.#width, this.#height, this.pixels);
  }
}

/** Canvas sizes are unsigned integers; invalid ones reset to the default, as in browsers. */
function size(value: number, fallback: number): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The subset of `CanvasRenderingContext2D` that Plot uses, plus `clearRect` and `globalAlpha`. */
export class Context2DStandIn {
  #fill = { r: 0, g: 0, b: 0, a: 1 };
  #fillStyle = '#000000';
  globalAlpha = 1;

  constructor(readonly canvas: CanvasStandIn) {}

  /** Colours are parsed by d3-color; an unparsable colour is ignored, as a canvas ignores it. */
  get fillStyle(): string {
    return this.#fillStyle;
  }
  set fillStyle(value: string) {
    const parsed = typeof value === 'string' ? color(value) : null;
    if (!parsed) return;
    const { r, g, b, opacity } = parsed.rgb();
    this.#fill = { r, g, b, a: opacity };
    this.#fillStyle = opacity < 1 ? parsed.formatRgb() : parsed.formatHex();
  }

  /** Fills the pixels whose centres lie in the rectangle, blending over what is there. */
  fillRect(x: number, y: number, w: number, h: number): void {
    const { r, g, b } = this.#fill;
    const alpha = this.#fill.a * Math.max(0, Math.min(1, this.globalAlpha));
    this.#each(x, y, w, h, (p, data) => {
      const under = (data[p + 3] / 255) * (1 - alpha);
      const out = alpha + under;
      if (out === 0) {
        data.fill(0, p, p + 4);
        return;
      }
      data[p] = (r * alpha + data[p] * under) / out;
      data[p + 1] = (g * alpha + data[p + 1] * under) / out;
      data[p + 2] = (b * alpha + data[p + 2] * under) / out;
      data[p + 3] = out * 255;
    });
  }

  /** Makes the pixels in the rectangle transparent black. */
  clearRect(x: number, y: number, w: number, h: number): void {
    this.#each(x, y, w, h, (p, data) => {
      data.fill(0, p, p + 4);
    });
  }

  /** A blank image of the given size, or of the size of another image. */
  createImageData(width: number | ImageDataLike, height?: number): ImageDataStandIn {
    if (typeof width === 'object') return new ImageDataStandIn(width.width, width.height);
    return new ImageDataStandIn(Math.abs(Math.floor(width)), Math.abs(Math.floor(height ?? 0)));
  }

  /** A copy of the pixels in a rectangle; outside the canvas they are transparent black. */
  getImageData(x: number, y: number, width: number, height: number): ImageDataStandIn {
    const image = this.createImageData(width, height);
    const { pixels } = this.canvas;
    overlap(this.canvas, image, Math.floor(x), Math.floor(y), (p, q) =>
      image.data.set(pixels.subarray(p, p + 4), q),
    );
    return image;
  }

  /** Writes an image's pixels at (dx, dy), replacing what is there (no blending, as specified). */
  putImageData(image: ImageDataLike, dx: number, dy: number): void {
    const { pixels } = this.canvas;
    const data = image.data;
    overlap(this.canvas, image, Math.floor(dx), Math.floor(dy), (p, q) => {
      for (let k = 0; k < 4; k++) pixels[p + k] = data[q + k];
    });
  }

  #each(
    x: number,
    y: number,
    w: number,
    h: number,
    paint: (p: number, data: Uint8ClampedArray) => void,
  ): void {
    if (w < 0) [x, w] = [x + w, -w];
    if (h < 0) [y, h] = [y + h, -h];
    const { width, height, pixels } = this.canvas;
    const x0 = Math.max(0, Math.ceil(x - 0.5));
    const x1 = Math.min(width, Math.ceil(x + w - 0.5));
    const y0 = Math.max(0, Math.ceil(y - 0.5));
    const y1 = Math.min(height, Math.ceil(y + h - 0.5));
    for (let row = y0; row < y1; row++) {
      for (let col = x0; col < x1; col++) paint((row * width + col) * 4, pixels);
    }
  }
}

/** Visits the pixels an image placed at (cx, cy) shares with the canvas: canvas offset p, image offset q. */
function overlap(
  canvas: CanvasStandIn,
  image: ImageDataLike,
  cx: number,
  cy: number,
  visit: (p: number, q: number) => void,
): void {
  const { width, height } = canvas;
  for (let row = Math.max(0, -cy); row < image.height && cy + row < height; row++) {
    for (let col = Math.max(0, -cx); col < image.width && cx + col < width; col++) {
      visit(((cy + row) * width + cx + col) * 4, (row * image.width + col) * 4);
    }
  }
}

import { describe, expect, it } from 'vitest';
import { CanvasStandIn, ImageDataStandIn } from '../../../src/kernel/display/canvas.ts';
import { workerDocument } from '../../../src/kernel/display/dom.ts';
import { decodePng } from './decode-png.ts';

/** The RGBA bytes of pixel (x, y). */
function pixel(canvas: CanvasStandIn, x: number, y: number): number[] {
  const p = (y * canvas.width + x) * 4;
  return [...canvas.pixels.subarray(p, p + 4)];
}

describe('CanvasStandIn', () => {
  it('fills rectangles with parsed colours', () => {
    const canvas = new CanvasStandIn();
    canvas.width = 4;
    canvas.height = 2;
    const context = canvas.getContext('2d')!;
    context.fillStyle = 'steelblue';
    expect(context.fillStyle).toBe('#4682b4');
    context.fillRect(1, 0, 2, 1);
    expect(pixel(canvas, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(canvas, 1, 0)).toEqual([70, 130, 180, 255]);
    expect(pixel(canvas, 2, 0)).toEqual([70, 130, 180, 255]);
    expect(pixel(canvas, 3, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(canvas, 1, 1)).toEqual([0, 0, 0, 0]);
  });

  it('blends translucent fills over what is there and ignores bad colours', () => {
    const canvas = new CanvasStandIn();
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d')!;
    context.fillStyle = 'rgb(0, 0, 255)';
    context.fillRect(0, 0, 1, 1);
    context.fillStyle = 'not a colour';
    expect(context.fillStyle).toBe('#0000ff');
    context.fillStyle = 'rgba(255, 0, 0, 0.5)';
    context.fillRect(0, 0, 1, 1);
    expect(pixel(canvas, 0, 0)).toEqual([128, 0, 128, 255]);
  });

  it('puts and gets image data, clipped to the canvas', () => {
    const canvas = new CanvasStandIn();
    canvas.width = 3;
    canvas.height = 2;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(2, 2);
    image.data.fill(200);
    context.putImageData(image, 2, 1);
    expect(pixel(canvas, 2, 1)).toEqual([200, 200, 200, 200]);
    expect(pixel(canvas, 1, 1)).toEqual([0, 0, 0, 0]);
    const read = context.getImageData(1, 0, 2, 2);
    expect(read).toBeInstanceOf(ImageDataStandIn);
    expect([...read.data]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 200, 200, 200, 200]);
  });

  it('clears when resized and answers only for 2d', () => {
    const canvas = new CanvasStandIn();
    const context = canvas.getContext('2d')!;
    context.fillRect(0, 0, 10, 10);
    canvas.width = 10;
    expect(pixel(canvas, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(canvas.getContext('webgl')).toBeNull();
    expect(canvas.getContext('2d')).toBe(context);
  });

  it('encodes its pixels as a PNG data URL', () => {
    const canvas = new CanvasStandIn();
    canvas.width = 2;
    canvas.height = 1;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ff0000';
    context.fillRect(0, 0, 1, 1);
    const { width, height, rgba } = decodePng(canvas.toDataURL());
    expect({ width, height, rgba: [...rgba] }).toEqual({
      width: 2,
      height: 1,
      rgba: [255, 0, 0, 255, 0, 0, 0, 0],
    });
  });
});

describe('workerDocument', () => {
  it('makes canvas elements that draw, and keeps their size attributes', () => {
    const canvas = workerDocument().createElement('canvas');
    canvas.width = 3;
    canvas.height = 1;
    expect(canvas.getAttribute('width')).toBe('3');
    const context = canvas.getContext('2d')!;
    context.fillStyle = 'white';
    context.fillRect(0, 0, 3, 1);
    expect(decodePng(canvas.toDataURL()).rgba.every((b) => b === 255)).toBe(true);
    expect(workerDocument().createElement('div').localName).toBe('div');
  });
});

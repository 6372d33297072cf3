import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sandboxDocument } from '../../../src/build/kernel-sandbox-plugin.ts';

const FRAME = fileURLToPath(new URL('../../../src/kernel/sandbox/sandbox-frame.ts', import.meta.url));

describe('kernel-sandbox.html', () => {
  const html = sandboxDocument(FRAME);
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';

  it('allows its one inline script by hash, and nothing else to load', () => {
    const hash = createHash('sha256').update(script).digest('base64');
    expect(policy.split('; ')).toEqual([
      "default-src 'none'",
      `script-src 'sha256-${hash}' 'unsafe-eval'`,
      'worker-src blob:',
      'connect-src *',
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('is plain JavaScript: the frame script without its types or imports', () => {
    expect(script).toContain("addEventListener('message'");
    expect(script).not.toMatch(/\bimport\b|: MessageEvent|as FrameInit/);
    expect(() => new Function(script)).not.toThrow();
  });
});

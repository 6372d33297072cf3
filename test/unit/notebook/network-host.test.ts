import { describe, expect, it } from 'vitest';
import { readNetworkHost } from '../../../src/notebook/network-host.ts';
import { parseNotebook } from '../../../src/notebook/parse-notebook.ts';
import { sandboxNetworkPolicy } from '../../../src/kernel/sandbox/sandbox-csp.ts';

describe('readNetworkHost', () => {
  it('reads host names, IPv4 addresses, subdomain wildcards, schemes and ports as CSP host sources', () => {
    expect(readNetworkHost('api.example.com')).toEqual({
      label: 'api.example.com',
      source: 'https://api.example.com',
    });
    expect(readNetworkHost('https://API.example.com/')).toEqual({
      label: 'api.example.com',
      source: 'https://api.example.com',
    });
    expect(readNetworkHost('http://127.0.0.1:8080')).toEqual({
      label: 'http://127.0.0.1:8080',
      source: 'http://127.0.0.1:8080',
    });
    expect(readNetworkHost('*.tile.openstreetmap.org')?.source).toBe('https://*.tile.openstreetmap.org');
    expect(readNetworkHost('wss://stream.example.com:443')?.source).toBe('wss://stream.example.com:443');
    expect(readNetworkHost('localhost')?.source).toBe('https://localhost');
  });

  it('refuses anything that could say more than one host in a policy', () => {
    for (const entry of [
      '*',
      '',
      'https://',
      "api.example.com; script-src 'unsafe-inline'",
      'api.example.com https://evil.example',
      "'self'",
      'data:',
      'blob:',
      'ftp://files.example.com',
      'api.example.com/path',
      'api.example.com:99999',
      'a.*.example.com',
      'exa mple.com',
      'api.example.com,evil.example',
    ]) {
      expect(readNetworkHost(entry), entry).toBeUndefined();
    }
  });
});

describe('network: in the front matter', () => {
  it('keeps the hosts it can read and names the line of those it cannot', () => {
    const nb = parseNotebook(
      '---\ntitle: T\nnetwork: [api.example.com, "evil.example; script-src *"]\n---\n# T\n',
    );
    expect(nb.meta.network).toEqual(['api.example.com']);
    expect(nb.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^line 3: network host "evil\.example; script-src \*" must be a host name/),
    ]);
  });

  it('becomes the sandbox connect-src, or none at all', () => {
    expect(sandboxNetworkPolicy([])).toBe("connect-src 'none'");
    expect(
      sandboxNetworkPolicy(['api.example.com', 'http://127.0.0.1:9', 'api.example.com', 'bad host']),
    ).toBe('connect-src https://api.example.com http://127.0.0.1:9');
  });
});

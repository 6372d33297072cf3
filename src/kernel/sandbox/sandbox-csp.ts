/**
 * The Content-Security-Policies of the kernel's sandbox (CSP Level 3, https://www.w3.org/TR/CSP3/).
 *
 * The sandbox document comes with {@link sandboxDocumentPolicy}: no loads of any kind, its one inline
 * script allowed by hash, workers only from blob: URLs, and `'unsafe-eval'` because the kernel
 * compiles cells with `eval` (in the worker, never on the page). Its `connect-src *` is there only
 * to be narrowed: before the worker starts, the frame adds {@link sandboxNetworkPolicy}, and a
 * request must pass both policies. The worker inherits both, so cells can connect only to the hosts
 * the notebook declared (and the student agreed to) and, without `network:`, to nothing at all.
 * `script-src` names no URL, so `importScripts` and `import()` of any script are refused too.
 */
import { readNetworkHost } from '../../notebook/network-host.ts';

/** The policy `kernel-sandbox.html` is served with; `scriptHash` is the base64 SHA-256 of its script. */
export function sandboxDocumentPolicy(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}' 'unsafe-eval'`,
    'worker-src blob:',
    'connect-src *',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The policy that narrows the sandbox's network to `hosts` (entries of a notebook's `network:`),
 * read again here so that nothing but a host source can reach the policy text.
 */
export function sandboxNetworkPolicy(hosts: readonly string[]): string {
  const sources = hosts.flatMap((host) => readNetworkHost(host)?.source ?? []);
  return `connect-src ${sources.length > 0 ? [...new Set(sources)].join(' ') : "'none'"}`;
}

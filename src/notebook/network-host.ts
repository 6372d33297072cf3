/**
 * The hosts a notebook may connect to, from its front matter (`network: [api.example.com, …]`).
 *
 * Each entry becomes one CSP host-source (CSP Level 3 §2.3.1, `host-source`) in the `connect-src` of
 * the kernel's sandbox (see `kernel/sandbox/sandbox-csp.ts`). The text goes into a policy, so it is
 * read strictly: a scheme (http, https, ws, wss; https when none is given), a host name or IPv4
 * address (optionally `*.` for its subdomains) and an optional port. Anything else — a path, a
 * quote, a `;` or a space that would end the directive and start another, a bare `*` — is refused.
 */

/** A host a notebook named, as shown to the student and as a CSP source. */
export interface NetworkHost {
  /** As the student reads it: `api.example.com`, `http://127.0.0.1:8080`. */
  label: string;
  /** As the policy needs it: `https://api.example.com`. */
  source: string;
}

const HOST =
  /^(?:(https?|wss?):\/\/)?((?:\*\.)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(?::(\d{1,5}))?\/?$/;

/** The host an entry of `network:` names, or `undefined` when it is not one (see the module comment). */
export function readNetworkHost(entry: string): NetworkHost | undefined {
  const match = HOST.exec(entry.trim().toLowerCase());
  if (!match) return undefined;
  const [, scheme = 'https', host, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return undefined;
  const source = `${scheme}://${host}${port === undefined ? '' : `:${port}`}`;
  const label = scheme === 'https' ? source.slice('https://'.length) : source;
  return { label, source };
}

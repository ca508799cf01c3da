/** Which push endpoints Komek will POST to: https only, plain http to this machine only outside production. */
import { isIP } from 'node:net';

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why an endpoint is refused, or undefined when it is acceptable. */
export function endpointProblem(endpoint: string, production: boolean): string | undefined {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch {
    return 'the endpoint is not a URL';
  }
  if (u.username || u.password) return 'the endpoint must not carry credentials';
  const local = LOCAL.has(u.hostname);
  if (u.protocol === 'http:') {
    return !production && local
      ? undefined
      : 'the endpoint must be https (http only for localhost in development)';
  }
  if (u.protocol !== 'https:') return 'the endpoint must be https';
  // Push services have public names; an address or localhost in production would let a resident
  // make the server call into its own network.
  if (production && (local || isIP(u.hostname.replace(/^\[|\]$/g, '')) !== 0)) {
    return 'the endpoint must name a public push service';
  }
  return undefined;
}

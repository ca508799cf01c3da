import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a secret from a URL or header equals the configured one, in constant time (digests of
 * equal length, so neither the content nor the length leaks). An unset secret matches nothing.
 */
export function sameSecret(expected: string | undefined, got: string): boolean {
  if (!expected) return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(expected), digest(got));
}

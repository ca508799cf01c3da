/**
 * A fixed-window rate limiter held in this process's memory. Several processes each keep their
 * own counts, so the effective limit is at most N × the configured one; good enough to stop
 * brute force and floods without a shared store.
 */
import { AppError } from '../errors.ts';

export interface Limit {
  max: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  /** Counts a hit for the key; throws 429 with Retry-After when over the limit. */
  hit(key: string, limit: Limit, now = Date.now()): void {
    if (this.hits.size > 100_000) this.sweep(now);
    const h = this.hits.get(key);
    if (!h || h.resetAt <= now) {
      this.hits.set(key, { count: 1, resetAt: now + limit.windowMs });
      return;
    }
    h.count++;
    if (h.count > limit.max) {
      throw new AppError('rate_limited', 'too many attempts; wait and try again', {
        retryAfterSeconds: Math.ceil((h.resetAt - now) / 1000),
      });
    }
  }

  private sweep(now: number): void {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
  }
}

export const LIMITS = {
  loginPerIp: { max: 30, windowMs: 60_000 },
  loginPerAccount: { max: 10, windowMs: 15 * 60_000 },
  otpPerIp: { max: 20, windowMs: 60_000 },
  intakePerIp: { max: 300, windowMs: 60_000 },
  intakePerResident: { max: 30, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>;

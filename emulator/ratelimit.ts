/** Per-partner token bucket for the optional requests-per-second limit. Wall clock: it models load, not days. */

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  /** True when the call may proceed. `rps` undefined or <= 0 disables the limit. */
  allow(partner: string, rps: number | undefined): boolean {
    if (!rps || rps <= 0) return true;
    const now = Date.now();
    const capacity = Math.max(1, rps);
    const b = this.buckets.get(partner) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * rps);
    b.at = now;
    this.buckets.set(partner, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}

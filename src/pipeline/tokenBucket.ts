export interface TokenBucketOptions {
  /** Requests that may go at once. @default 250 (ARM reads per subscription and identity) */
  capacity?: number;
  /** Tokens back per second. @default 25 */
  refillPerSecond?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * ARM's own throttling model (a bucket of 250 reads refilled at 25 a second, per subscription and
 * identity), applied before we send: a storm of findings spends the budget evenly instead of
 * earning 429s that slow everyone else in the subscription.
 */
export class TokenBucket {
  #tokens: number;
  #last: number;
  readonly #capacity: number;
  readonly #rate: number;
  readonly #now: () => number;
  readonly #sleep: NonNullable<TokenBucketOptions['sleep']>;

  constructor(options: TokenBucketOptions = {}) {
    this.#capacity = options.capacity ?? 250;
    this.#rate = options.refillPerSecond ?? 25;
    if (!(this.#capacity >= 1)) throw new RangeError(`Expected \`capacity\` to be at least 1, got ${this.#capacity}.`);
    if (!(this.#rate > 0)) throw new RangeError(`Expected \`refillPerSecond\` to be positive, got ${this.#rate}.`);
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#tokens = this.#capacity;
    this.#last = this.#now();
  }

  /** Waits until a token is free, then takes it. Rejects if `signal` aborts while waiting. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.#now();
      this.#tokens = Math.min(this.#capacity, this.#tokens + ((now - this.#last) / 1000) * this.#rate);
      this.#last = now;
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      await this.#sleep(Math.ceil(((1 - this.#tokens) / this.#rate) * 1000), signal);
    }
  }
}

import { setTimeout as sleep } from 'node:timers/promises';

import pRetry, { AbortError } from 'p-retry';

import type { DeliveryResult } from '../core/notify/types.js';
import { redactSecrets } from '../core/redactSecrets.js';
import type { Format } from '../core/render/renderNotification.js';
import { signStandardWebhook } from './standardWebhooks.js';

/** Where notifications go. The URL and the secret are secrets: never logged (see `describeTarget`). */
export interface WebhookTarget {
  url: string;
  format: Format;
  /** `whsec_…`: signs generic webhooks (Standard Webhooks). */
  secret?: string;
}

export interface SendOptions {
  /** Injected for tests and for proxies. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Each attempt's own limit. @default 10_000 */
  attemptTimeoutInMs?: number;
  /** Retries after the first attempt, inside one delivery. @default 3 */
  retries?: number;
  /** First back-off, doubled each retry with jitter. @default 1_000 */
  minDelayInMs?: number;
  /** @default 10_000 */
  maxDelayInMs?: number;
  /** A `Retry-After` longer than this ends the delivery; the outbox waits it out. @default 30_000 */
  maxRetryAfterInMs?: number;
  now?: () => Date;
  signal?: AbortSignal;
}

export type { DeliveryResult };

class HttpFailure extends Error {
  override name = 'HttpFailure';
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`HTTP ${status}`);
  }
}

/** The target without its secrets, for logs and records: scheme and host only. */
export function describeTarget(target: WebhookTarget): string {
  try {
    const url = new URL(target.url);
    return `${target.format} webhook at ${url.protocol}//${url.host}/…`;
  } catch {
    return `${target.format} webhook (invalid URL)`;
  }
}

/** What of a target must never be stored nor logged: the URL, its credentials and query values, the secret. */
export function secretsOf(target: WebhookTarget): string[] {
  const secrets = [target.url];
  if (target.secret !== undefined) secrets.push(target.secret);
  try {
    const url = new URL(target.url);
    secrets.push(decodeURIComponent(url.password), url.password, url.username);
    for (const value of url.searchParams.values()) secrets.push(value, encodeURIComponent(value));
    secrets.push(url.pathname);
  } catch {
    // Not a URL: the whole text is already listed.
  }
  return [...new Set(secrets)].filter((secret) => secret.length >= 6).sort((a, b) => b.length - a.length);
}

function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

const RETRYABLE = (status: number) =>
  status === 408 || status === 429 || status >= 500 || (status >= 300 && status < 400);

/**
 * Delivers one message: p-retry with exponential back-off and jitter, a timeout per attempt,
 * `Retry-After` honoured, no retry on a 4xx other than 408/429 (the receiver said no). Generic
 * webhooks are signed per Standard Webhooks with a `webhook-id` that every retry repeats.
 * Never throws: the result says what happened, for the outbox to record.
 */
export async function sendWebhook(
  target: WebhookTarget,
  message: { id: string; body: string; contentType: string },
  options: SendOptions = {},
): Promise<DeliveryResult> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const secrets = secretsOf(target);
  let attempts = 0;
  let last: { status: number | null; error: string; retryAfterMs?: number } = { status: null, error: 'not sent' };
  try {
    const status = await pRetry(
      async () => {
        attempts += 1;
        const headers: Record<string, string> = {
          'content-type': message.contentType,
          'user-agent': 'azure-backup-triage/0.1',
        };
        if (target.format === 'generic') {
          const timestamp = Math.floor(now().getTime() / 1000);
          headers['webhook-id'] = message.id;
          headers['webhook-timestamp'] = String(timestamp);
          if (target.secret !== undefined)
            headers['webhook-signature'] = signStandardWebhook(target.secret, message.id, timestamp, message.body);
        }
        let response: Response;
        try {
          response = await doFetch(target.url, {
            method: 'POST',
            headers,
            body: message.body,
            redirect: 'manual',
            signal:
              options.signal !== undefined
                ? AbortSignal.any([options.signal, AbortSignal.timeout(options.attemptTimeoutInMs ?? 10_000)])
                : AbortSignal.timeout(options.attemptTimeoutInMs ?? 10_000),
          });
        } catch (error) {
          const err = error as Error & { cause?: { code?: string } };
          const reason =
            err.name === 'TimeoutError'
              ? `no answer within ${options.attemptTimeoutInMs ?? 10_000} ms`
              : redactSecrets(`${err.cause?.code ?? err.name}: ${err.message}`, secrets);
          last = { status: null, error: reason };
          throw new Error(reason, { cause: error });
        }
        await response.arrayBuffer().catch(() => undefined);
        if (response.status >= 200 && response.status < 300) return response.status;
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
        last = {
          status: response.status,
          error: `HTTP ${response.status}`,
          ...(retryAfterMs !== undefined && { retryAfterMs }),
        };
        const failure = new HttpFailure(response.status, retryAfterMs);
        if (!RETRYABLE(response.status)) throw new AbortError(failure);
        if (retryAfterMs !== undefined && retryAfterMs > (options.maxRetryAfterInMs ?? 30_000))
          throw new AbortError(failure);
        throw failure;
      },
      {
        retries: options.retries ?? 3,
        factor: 2,
        minTimeout: options.minDelayInMs ?? 1_000,
        maxTimeout: options.maxDelayInMs ?? 10_000,
        randomize: true,
        ...(options.signal !== undefined && { signal: options.signal }),
        onFailedAttempt: async ({ error }) => {
          // Retry-After is a floor on the wait: sleep it here, p-retry adds its (small) back-off.
          const wait = error instanceof HttpFailure ? error.retryAfterMs : undefined;
          if (wait !== undefined && wait > 0)
            await sleep(wait, undefined, options.signal !== undefined ? { signal: options.signal } : {}).catch(
              () => undefined,
            );
        },
      },
    );
    return { ok: true, status, attempts };
  } catch {
    const permanent = last.status !== null && !RETRYABLE(last.status);
    return {
      ok: false,
      status: last.status,
      attempts,
      error: last.error,
      permanent,
      ...(last.retryAfterMs !== undefined && { retryAfterMs: last.retryAfterMs }),
    };
  }
}

import { createHmac } from 'node:crypto';

/**
 * Standard Webhooks v1 signature: `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, the key
 * being the base64 text after the `whsec_` prefix. The id stays the same across retries; the
 * timestamp is the attempt's, in seconds.
 */
export function signStandardWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${signature}`;
}

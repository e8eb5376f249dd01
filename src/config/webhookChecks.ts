/**
 * https only; plain http only to loopback (tests, local receivers); no `user:password@`: fetch
 * refuses such URLs, and the error it throws quotes the whole URL, password included.
 */
export function checkWebhookUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.username !== '' || url.password !== '')
    return 'must not hold a user name or password (user:password@): put the credential in the path or query the receiver gives, or use WEBHOOK_SECRET';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return undefined;
  return 'must be https (plain http is accepted only for 127.0.0.1/localhost)';
}

/** Whether a secret has the documented shape: `whsec_` and 24 to 64 bytes of base64. */
export function isStandardWebhookSecret(secret: string): boolean {
  if (!secret.startsWith('whsec_')) return false;
  const bytes = Buffer.from(secret.slice(6), 'base64');
  return bytes.length >= 24 && bytes.length <= 64;
}

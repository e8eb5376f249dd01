/** https only; plain http only to loopback (tests, local receivers). */
export function checkWebhookUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
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

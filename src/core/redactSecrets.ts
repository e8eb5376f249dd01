/** Query parameters that carry credentials in webhook and storage URLs (SAS `sig`, Workflows `sig`, tokens, keys). */
const SECRET_PARAMETERS =
  /([?&;\s](?:sig|signature|code|token|access_token|key|apikey|api-key|secret|password|pwd)=)[^&\s"'<>]+/gi;
/** `scheme://user:password@` or `scheme://token@` in any URL. */
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^/\s@"'<>]+@/gi;

/**
 * Text fit for storage and logs: URL credentials (`user:password@`) and secret query parameters
 * (`sig=`, `code=`, `token=`…) replaced by `***`, and each of `secrets` (a webhook URL, its
 * password, a signing secret) replaced wherever it appears. Errors quote URLs; this is what keeps
 * the credentials they hold out of the outbox and the logs.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('***');
  return out.replace(USERINFO, '$1***@').replace(SECRET_PARAMETERS, '$1***');
}

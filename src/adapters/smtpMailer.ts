import nodemailer from 'nodemailer';

import type { RenderedDigest } from '../core/render/renderDigest.js';

export interface SmtpSettings {
  host: string;
  /** @default 587 */
  port: number;
  user?: string;
  /** A secret: from configuration or a Key Vault reference, never logged. */
  password?: string;
  from: string;
  to: string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Sends the digest with nodemailer: multipart/alternative, text then HTML. TLS is required except
 * to a loopback test server; port 465 is implicit TLS, others STARTTLS (Azure Communication
 * Services SMTP, Office 365 and SendGrid all accept 587 with STARTTLS).
 */
export async function sendDigestMail(
  settings: SmtpSettings,
  digest: RenderedDigest,
): Promise<{ messageId: string; accepted: string[] }> {
  const local = LOOPBACK.has(settings.host);
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
    requireTLS: !local && settings.port !== 465,
    ignoreTLS: local,
    ...(settings.user !== undefined && { auth: { user: settings.user, pass: settings.password ?? '' } }),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  });
  try {
    const info = await transport.sendMail({
      from: settings.from,
      to: settings.to,
      subject: digest.subject,
      text: digest.text,
      html: digest.html,
    });
    return {
      messageId: info.messageId,
      accepted: (info.accepted as Array<string | { address: string }>).map((a) =>
        typeof a === 'string' ? a : a.address,
      ),
    };
  } finally {
    transport.close();
  }
}

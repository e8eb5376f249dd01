import { SMTPServer } from 'smtp-server';

export interface LocalSmtp {
  port: number;
  /** Every message accepted, raw. */
  received: Buffer[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback (npm smtp-server), plain text, accepting any sender. */
export async function startSmtp(): Promise<LocalSmtp> {
  const received: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as { port: number }).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import type { AddressInfo, Server } from 'node:net';

/**
 * A certificate for localhost and 127.0.0.1 made at run time: local stand-ins for Azure speak TLS
 * to the real clients without a key on disk. The caller trusts `cert` explicitly.
 */
export async function loopbackCertificate(validDays = 7): Promise<{ key: string; cert: string }> {
  const { default: selfsigned } = await import('selfsigned');
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + validDays * 86_400_000),
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** Listens on a free port of the loopback interface only; returns the port. */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

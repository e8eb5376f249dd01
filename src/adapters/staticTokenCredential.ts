import type { AccessToken, TokenCredential } from '@azure/core-auth';

/**
 * A credential for the local replay server: a fixed bearer token, so the SDK clients run their
 * real authentication policy against loopback without any identity.
 */
export class StaticTokenCredential implements TokenCredential {
  constructor(private readonly token = 'replay-token') {}

  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

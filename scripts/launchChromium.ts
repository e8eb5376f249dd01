import { existsSync } from 'node:fs';

import { chromium, type Browser } from 'playwright-core';

/** Flags that keep Chromium off the network and quiet on a machine with no display. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Chromium for the browser tests: the system `chromium` when the machine has one (CI may
 * install it), otherwise the build that the `@sparticuz/chromium` package ships, so that `npm ci`
 * then `npm test` is enough on a machine where nothing was installed by hand.
 */
export async function launchChromium(): Promise<Browser> {
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (system !== undefined) return chromium.launch({ executablePath: system, args: ARGS });
  const { default: packaged } = await import('@sparticuz/chromium');
  return chromium.launch({ executablePath: await packaged.executablePath(), args: [...packaged.args, ...ARGS] });
}

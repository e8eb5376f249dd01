/** Headless Chromium for the browser tests: the same launcher as `npm run screenshots`. */
export { launchChromium } from '../../scripts/launchChromium.js';

/**
 * Debian's Chromium for the browser tests and the benchmark. No browser is downloaded (nothing can
 * be here): they need `/usr/bin/chromium` (`apt-get install chromium`), or CHROMIUM_PATH.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless Chromium on a machine without a network or GPU (see ../shared/STACK-NOTES.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

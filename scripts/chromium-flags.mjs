/**
 * The switches every Chromium the project starts runs with (browser tests, benchmarks,
 * icon rendering): no sandbox (root in CI), no GPU, and none of the browser's own network
 * traffic (updates, sync, QUIC probes) on a machine that may be offline. Add `--headless`
 * where the launcher does not.
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
])

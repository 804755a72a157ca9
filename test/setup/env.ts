/**
 * Vitest global setup: the environment the tests' children start with. This machine sets
 * NODE_EXTRA_CA_CERTS (a proxy's certificate bundle); Node reads and parses that file at every start
 * (110 ms of CPU for `node -e 0` against 20 ms without), and the suite starts the built binary, its
 * server and its workers a few hundred times, none of which goes on the network. The variable is
 * kept aside as PLANDIFF_TEST_EXTRA_CA_CERTS for the one child that may (npm, in
 * test/package/package.test.ts). Runs in Vitest's main process, before its workers start, so they
 * and their children inherit the change; restored when the run ends.
 */
const KEPT_CA = 'PLANDIFF_TEST_EXTRA_CA_CERTS';

export default function setup(): () => void {
  const ca = process.env.NODE_EXTRA_CA_CERTS;
  if (ca === undefined) return () => {};
  process.env[KEPT_CA] = ca;
  delete process.env.NODE_EXTRA_CA_CERTS;
  return () => {
    process.env.NODE_EXTRA_CA_CERTS = ca;
    delete process.env[KEPT_CA];
  };
}

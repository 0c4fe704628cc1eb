/** jest globalSetup and globalTeardown: before and after the tests, say loudly which suites this machine will skip and how to install their tools. */
import { skipBanner } from "./externalTools";

export default function announceSkips(): void {
  const banner = skipBanner();
  if (banner) process.stderr.write(`\n${banner}\n\n`);
}

/**
 * The one Chromium every screenshot in the project drives (the report page's test; the LWC
 * preview can share it): Debian's /usr/bin/chromium, which `.ci/run` installs when it is missing
 * (`ensure_chromium`), or the browser REVOPS_CHROMIUM names (GitHub's runners point it at their
 * Google Chrome). playwright-core never downloads a browser of its own.
 */
import { access } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.REVOPS_CHROMIUM ?? '/usr/bin/chromium';

/** As root Chromium needs --no-sandbox; the rest keep it off the network it has no business on. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A started browser, or one line saying why Chromium cannot start here (a test's skip message). */
export type ChromiumLaunch = { readonly browser: Browser } | { readonly skipped: string };

export async function launchChromium(): Promise<ChromiumLaunch> {
  const install = ".ci/run installs Debian's chromium; elsewhere `apt-get install chromium` or set REVOPS_CHROMIUM";
  try {
    await access(CHROMIUM);
  } catch {
    return { skipped: `Chromium is not installed (${CHROMIUM} is missing; ${install})` };
  }
  try {
    return { browser: await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS], timeout: 120_000 }) };
  } catch (error) {
    return { skipped: `Chromium cannot start (${CHROMIUM}: ${(error as Error).message.split('\n')[0]})` };
  }
}

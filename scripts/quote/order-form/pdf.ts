/**
 * The order forms as PDF, printed by the project's one headless Chromium (scripts/ci/chromium.ts:
 * /usr/bin/chromium or REVOPS_CHROMIUM) through playwright-core. The page may not fetch anything:
 * the HTML is self-contained, and any request is aborted.
 */
import { SfError } from '@salesforce/core/sfError';
import { launchChromium, type ChromiumLaunch } from '../../ci/chromium.ts';
import type { Paper } from './html.ts';
import { writeAtomically, type RenderedForm } from './index.ts';

/** Prints each form to its `pdfs[i]` file with one browser; throws naming what to install when Chromium cannot start. */
export async function printPdfs(
  forms: readonly RenderedForm[],
  pdfs: readonly string[],
  paper: Paper,
  launcher: () => Promise<ChromiumLaunch> = launchChromium,
): Promise<void> {
  const launch = await launcher();
  if ('skipped' in launch)
    throw new SfError(`order form PDF: ${launch.skipped}`, 'ChromiumMissing', [
      'Install Chromium (`apt-get install chromium`) or set REVOPS_CHROMIUM to a Chrome or Chromium binary; the HTML forms were written',
    ]);
  const { browser } = launch;
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    for (const [i, form] of forms.entries()) {
      await page.setContent(form.html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: paper, printBackground: true, preferCSSPageSize: true });
      await writeAtomically(pdfs[i]!, pdf);
    }
  } finally {
    await browser.close();
  }
}

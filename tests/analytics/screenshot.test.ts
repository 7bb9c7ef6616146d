/**
 * The page as a person sees it: headless Chromium (Debian's `chromium`, driven by playwright-core)
 * opens index.html from disk and every chart must have drawn — its title on the page, its SVG
 * laid out at size, and, painted onto a canvas, enough non-background pixels to be a chart (a
 * placeholder draws only its sentence). No request may leave the machine. Skips, saying why, only
 * when Chromium cannot start here (scripts/ci/chromium.ts; .ci/run installs it).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import model from '../../model/index.ts';
import { CHART_SPECS } from '../../scripts/analytics/chart-specs.ts';
import { renderReport, type WrittenReport } from '../../scripts/analytics/report.ts';
import { launchChromium } from '../../scripts/ci/chromium.ts';

const SEED = fileURLToPath(new URL('../../data/seed', import.meta.url));

/**
 * Inside the page: the share of a chart's pixels that are not the white background, once its SVG
 * is painted onto a canvas. Browser code, so kept as source text (the project compiles for Node).
 */
const INK_SHARE = `(id) => {
  const svg = document.querySelector('#chart-' + id + ' svg');
  const { width, height } = svg.viewBox.baseVal;
  const blob = new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
  const url = URL.createObjectURL(blob);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, width, height).data;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i] < 235 || pixels[i + 1] < 235 || pixels[i + 2] < 235) ink++;
      URL.revokeObjectURL(url);
      resolve(ink / (width * height));
    };
    image.onerror = () => reject(new Error('chart ' + id + ': the SVG did not load as an image'));
    image.src = url;
  });
}`;

describe('the report page in headless Chromium', () => {
  let browser: Browser | undefined;
  let unavailable = '';
  let out: string;
  let report: WrittenReport;
  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'revops-report-shot-'));
    report = await renderReport(SEED, out, { model });
    const launched = await launchChromium();
    if ('browser' in launched) browser = launched.browser;
    else unavailable = launched.skipped;
  });
  after(async () => {
    await browser?.close();
    await rm(out, { recursive: true, force: true });
  });

  test('every chart renders: title, size and ink; nothing fetched from the network', async (t) => {
    if (!browser) return t.skip(unavailable);
    const page = await browser.newPage({ viewport: { width: 1240, height: 1000 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(report.files['index.html']).href);
    assert.match(await page.title(), /^RevOps report — seed as of 2026-12-01$/);
    for (const spec of CHART_SPECS) {
      const figure = page.locator(`#chart-${spec.id}`);
      assert.ok((await figure.textContent())!.includes(spec.title), `title of ${spec.id}`);
      const box = (await figure.locator('svg').boundingBox())!;
      assert.ok(box.width > 400 && box.height > 250, `${spec.id} laid out at ${box.width}x${box.height}`);
      const ink = (await page.evaluate(`(${INK_SHARE})(${JSON.stringify(spec.id)})`)) as number;
      // Measured on the seed: charts 11-33 % of their pixels, the text-only placeholder 2.5 %,
      // so an empty plot (axes, no series) or a blank SVG falls under either bound.
      const placeholder = report.placeholders.includes(spec.id);
      assert.ok(ink > (placeholder ? 0.01 : 0.08), `${spec.id}: ${(ink * 100).toFixed(2)} % of its pixels drawn`);
    }
    assert.deepEqual(
      requests.filter((u) => !/^(file|blob|data):/.test(u)),
      [],
    );
    const png = join(out, 'report.png');
    await page.screenshot({ path: png, fullPage: true });
    assert.ok((await stat(png)).size > 100_000, 'a full-page screenshot with content');
    await page.close();
  });
});

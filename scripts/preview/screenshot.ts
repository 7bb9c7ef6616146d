/**
 * Screenshots of the preview pages in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core), served over 127.0.0.1 because ES module scripts do not load from file://.
 * Records what each page shows (its text, and any script error) next to the PNGs, so a test can
 * check every screenshot without an org.
 */
import { createReadStream } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from '../ci/chromium.ts';

export { CHROMIUM };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path);
    const info = await stat(file).catch(() => undefined);
    if (!file.startsWith(dir) || !info?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    }),
  );
}

export interface Screenshot {
  readonly component: string;
  readonly png: string;
  /** The page's visible text when the screenshot was taken. */
  readonly text: string;
  /** Uncaught script errors and console errors on the page. */
  readonly errors: readonly string[];
}

// The project's one Chromium and its flags (scripts/ci/chromium.ts): --no-sandbox as root, no network of its own.
const LAUNCH = { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] };

/**
 * Why Chromium cannot render here (missing, or it does not start: libraries, no /dev/shm...), or
 * undefined when it starts. The screenshot tests skip with this reason instead of failing.
 */
export async function chromiumProblem(): Promise<string | undefined> {
  const missing = await access(CHROMIUM).then(
    () => false,
    () => true,
  );
  if (missing) return `${CHROMIUM} is missing (apt-get install chromium, or set REVOPS_CHROMIUM)`;
  try {
    await (await chromium.launch({ ...LAUNCH, timeout: 60_000 })).close();
    return undefined;
  } catch (e) {
    return `${CHROMIUM} does not start: ${(e as Error).message.split('\n')[0]}`;
  }
}

/** One full-page PNG per component page of `site`, written to `outDir/<component>.png`. */
export async function takeScreenshots(
  site: string,
  components: readonly string[],
  outDir: string,
): Promise<Screenshot[]> {
  const { server, url } = await serve(site);
  const browser = await chromium.launch(LAUNCH);
  try {
    const context = await browser.newContext({ viewport: { width: 472, height: 600 }, deviceScaleFactor: 1 });
    const shots: Screenshot[] = [];
    for (const component of components) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`${url}/${component}.html`, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => (globalThis as { __previewRendered?: boolean }).__previewRendered === true);
      // Icons arrive as dynamic chunks after the first render: wait until nothing is loading.
      await page.waitForLoadState('networkidle');
      const png = join(outDir, `${component}.png`);
      await page.screenshot({ path: png, fullPage: true });
      shots.push({ component, png, text: await page.locator('body').innerText(), errors });
      await page.close();
    }
    await writeFile(join(outDir, 'screenshots.json'), `${JSON.stringify(shots, null, 2)}\n`);
    return shots;
  } finally {
    await browser.close();
    server.close();
  }
}

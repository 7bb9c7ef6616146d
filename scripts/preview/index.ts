/**
 * `npm run preview`: the rep's screens without an org. Builds every component of
 * scripts/preview/scenarios.ts with the LWC compiler and real base components, renders each in
 * its fixture states and writes one PNG per component to out/preview/ (plus screenshots.json).
 */
import { access, mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { buildPreview } from './build.ts';
import { CHROMIUM, takeScreenshots, type Screenshot } from './screenshot.ts';

export const PREVIEW_DIR = 'out/preview';

export async function preview(root: string, outDir = PREVIEW_DIR): Promise<Screenshot[]> {
  await access(CHROMIUM).catch(() => {
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set REVOPS_CHROMIUM`,
    );
  });
  const out = resolve(root, outDir);
  await mkdir(out, { recursive: true });
  const site = await buildPreview(root, join(out, 'site'));
  return takeScreenshots(site.dir, site.components, out);
}

if (import.meta.main) {
  const root = process.cwd();
  const started = performance.now();
  const shots = await preview(root);
  for (const s of shots) {
    const problems = s.errors.length ? `  (${s.errors.length} page error(s): ${s.errors[0]})` : '';
    console.log(`  ${relative(root, s.png)}${problems}`);
  }
  console.log(`preview: ${shots.length} screenshots in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (shots.some((s) => s.errors.length)) process.exitCode = 1;
}

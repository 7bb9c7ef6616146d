/**
 * `npm run preview` renders every component: one PNG each under out/preview/, none blank, each
 * state showing its expected text, no script error on the page. Needs Debian's chromium; CI
 * installs it (.ci/run), a machine without it skips with a message.
 */
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { preview } from '../../scripts/preview/index.ts';
import { PREVIEW } from '../../scripts/preview/scenarios.ts';
import { chromiumProblem, type Screenshot } from '../../scripts/preview/screenshot.ts';
import { colourStats, decodePng } from './png.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Missing or unable to start (no libraries, no sandbox support): skipped, saying why.
const problem = await chromiumProblem();
const skip = problem ? `${problem}; .ci/run installs Debian's chromium in CI` : false;
if (problem) console.log(`# preview screenshots skipped: ${problem}`);

describe('npm run preview', { skip }, () => {
  let shots: Screenshot[] = [];
  before(async () => {
    shots = await preview(ROOT);
  });

  test('writes one PNG per component, and only those', async () => {
    const pngs = (await readdir(`${ROOT}out/preview`)).filter((f) => f.endsWith('.png')).sort();
    assert.deepEqual(pngs, PREVIEW.map((c) => `${c.name}.png`).sort());
    assert.ok(PREVIEW.length >= 8, 'the error panel, the stage-gate checklist and the six screens of issue 14');
  });

  for (const component of PREVIEW) {
    test(`${component.name}: renders every state with its text, no blank page, no script error`, async () => {
      const shot = shots.find((s) => s.component === component.name);
      assert.ok(shot, `no screenshot of ${component.name}`);
      assert.deepEqual(shot.errors, [], 'the page logged errors');
      const pixels = decodePng(await readFile(shot.png));
      assert.ok(pixels.height > 100 * component.states.length, `${pixels.height}px is too short for every state`);
      const stats = colourStats(pixels);
      // A blank or unstyled page has a handful of colours; SLDS cards, icons and text have hundreds.
      assert.ok(stats.colours > 50, `only ${stats.colours} colours: blank or unstyled`);
      assert.ok(stats.nonBackground > 0.1, `only ${Math.round(stats.nonBackground * 100)}% is not background`);
      // innerText applies CSS (caps titles) and keeps &nbsp;: compare the words as a reader sees them.
      const seen = shot.text.replace(/\u00a0/g, ' ').toLowerCase();
      for (const state of component.states) {
        assert.ok(seen.includes(state.title.toLowerCase()), `state "${state.title}" is missing`);
        for (const text of state.expect)
          assert.ok(seen.includes(text.toLowerCase()), `"${state.title}" does not show "${text}"`);
      }
    });
  }
});

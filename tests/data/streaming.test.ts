/**
 * Generation streams: records are written as they are made, so memory does not grow with the
 * number of records. Generating 200,000 records (about 130 MB of ndjson) must stay within a
 * small, fixed heap budget above what a 2,000-record run needs.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { generateDataset, targetRecords } from '../../scripts/data/index.ts';
import { model, removeDir, tempDir } from './support.ts';

let dir: string;
before(async () => {
  dir = await tempDir();
});
after(() => removeDir(dir));

async function peakHeap(records: number): Promise<{ peak: number; bytes: number }> {
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = 0;
  const result = await generateDataset({
    model,
    out: join(dir, String(records)),
    scale: records,
    onProgress: () => (peak = Math.max(peak, process.memoryUsage().heapUsed - base)),
  });
  return { peak, bytes: targetRecords(result.manifest) };
}

test('memory stays bounded while generating 200,000 records', async () => {
  await peakHeap(2_000);
  const large = await peakHeap(200_000);
  assert.equal(large.bytes, 200_000);
  // Holding the records would take hundreds of MB (each is a ~30-key object); the plan's typed
  // arrays for 200,000 records take well under 2 MB, and the writer holds one 256 KB chunk.
  const budget = 64 * 1024 * 1024;
  assert.ok(large.peak < budget, `heap grew by ${(large.peak / 2 ** 20).toFixed(1)} MB generating 200,000 records`);
});

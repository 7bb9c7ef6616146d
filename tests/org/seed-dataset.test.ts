/**
 * The bundled dataset (data/seed, written by `revops data generate`) against the loader: it plans
 * against the model's schema (dependency order, relationships) and loads into the Salesforce API
 * TEST DOUBLE with every row accounted for. Skipped, with the reason, while data/seed is absent.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset, planLoad, readDataset, schemaRelationships } from '../../scripts/org/index.ts';
import { loadModel, openProject } from '../../scripts/project.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import { SalesforceApiDouble } from './salesforce-api-double.ts';

const SEED = fileURLToPath(new URL('../../data/seed/', import.meta.url));
const skip = existsSync(join(SEED, 'manifest.json'))
  ? undefined
  : `no bundled dataset at ${SEED} (revops data generate)`;

describe('the bundled dataset', () => {
  test('plans against the model and loads into the test double, every row accounted for', { skip }, async () => {
    const model = await loadModel(await openProject());
    const resolveRelationship = schemaRelationships(buildSchema(model));
    const dataset = await readDataset(SEED);
    const steps = await planLoad(dataset, {
      bulkThreshold: 2_000,
      collectionsBatchSize: 200,
      bulkBatchSize: 10_000,
      resolveRelationship,
    });
    const relationships = Object.fromEntries(
      steps.map((s) => [s.object.sobject, Object.fromEntries(s.relationships.map((r) => [r.key, r.target]))]),
    );
    const double = await SalesforceApiDouble.start({ relationships });
    const out = await mkdtemp(join(tmpdir(), 'revops-seed-load-'));
    try {
      const result = await loadDataset(double.connection(), {
        dataset: SEED,
        targetOrg: 'admin@test-double.example',
        resolveRelationship,
        // Checked against the model before the first row is sent, as the CLI loads it.
        model,
        outDir: out,
        bulkThreshold: 500,
      });
      assert.ok(result.accounted, 'every row accounted for');
      assert.equal(result.totals.failed, 0, 'the double accepts every row (foreign keys resolve in this order)');
      for (const object of dataset.manifest.objects)
        assert.equal(double.table(object.sobject).size, object.count, `${object.sobject}: one record per row`);
    } finally {
      await double.close();
      await rm(out, { recursive: true, force: true });
    }
  });
});

/** The lifecycle vectors (data/lifecycle-vectors) through the TypeScript jobs: the same files the org's Apex test runs. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import model from '../../model/index.ts';
import { lifecycleConfig } from '../../scripts/lifecycle/config.ts';
import { runVector, vectorsOf } from '../../scripts/lifecycle/vectors.ts';

const config = lifecycleConfig(model);
const byKey = <T extends { key: string }>(actions: readonly T[]) =>
  [...actions].sort((a, b) => a.key.localeCompare(b.key));

describe('lifecycle vectors', () => {
  for (const file of model.lifecycleVectors)
    describe(file.file, () => {
      for (const vector of vectorsOf({ lifecycleVectors: [file] }))
        test(vector.name, () => {
          assert.deepEqual(byKey(runVector(config, vector)), byKey(vector.expect));
        });
    });

  test('every job of the model is covered by a vector', () => {
    const covered = new Set(vectorsOf(model).map((v) => v.job));
    assert.deepEqual(
      config.jobs.map((j) => j.name).filter((j) => !covered.has(j)),
      [],
    );
  });
});

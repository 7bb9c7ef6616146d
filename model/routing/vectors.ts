import { readdirSync, readFileSync } from 'node:fs';
import { routingVector } from '../../scripts/dsl/index.ts';

/**
 * The conformance vectors of data/routing-vectors/: read into the model so that `revops
 * generate` writes them for the org (a static resource and a generated Apex test), and the
 * drift check notices a vector changed without regenerating.
 */
const DIR = new URL('../../data/routing-vectors/', import.meta.url);

export const routingVectors = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) =>
    routingVector(
      JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Record<string, unknown>,
      `data/routing-vectors/${f}`,
    ),
  );

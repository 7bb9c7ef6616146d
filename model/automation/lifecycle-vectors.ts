/**
 * The lifecycle conformance vectors (data/lifecycle-vectors, format in its README): the TypeScript
 * tests run them through scripts/lifecycle, and `revops generate` ships them to the org as the
 * static resource LifecycleVectors that the generated test LifecycleVectors_Test runs through the
 * Apex jobs. One set of files, two implementations.
 */
import type { LifecycleVectorFile } from '../../scripts/dsl/index.ts';
import commitments from '../../data/lifecycle-vectors/commitments.json' with { type: 'json' };
import expiries from '../../data/lifecycle-vectors/expiries.json' with { type: 'json' };
import handoffs from '../../data/lifecycle-vectors/handoffs.json' with { type: 'json' };
import pocs from '../../data/lifecycle-vectors/pocs.json' with { type: 'json' };
import renewals from '../../data/lifecycle-vectors/renewals.json' with { type: 'json' };
import staleDeals from '../../data/lifecycle-vectors/stale-deals.json' with { type: 'json' };

export const lifecycleVectors: LifecycleVectorFile[] = [
  { file: 'stale-deals.json', vectors: staleDeals },
  { file: 'renewals.json', vectors: renewals },
  { file: 'handoffs.json', vectors: handoffs },
  { file: 'expiries.json', vectors: expiries },
  { file: 'commitments.json', vectors: commitments },
  { file: 'pocs.json', vectors: pocs },
];

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routingVectors } from '../../model/routing/vectors.ts';
import { runVector, vectorDifferences } from '../../scripts/families/routing/conformance.ts';
import { conformanceTestClass } from '../../scripts/families/routing/apex-tests.ts';
import { vectorResource } from '../../scripts/families/routing/vectors.ts';

describe('routing conformance vectors (data/routing-vectors) in the TypeScript router', () => {
  it('has the hard cases the issue names', () => {
    const names = routingVectors.map((v) => v.name);
    for (const name of [
      'caps-reached-mid-batch',
      'everyone-out-of-office',
      'weighted-round-robin',
      'named-accounts-and-domains',
      'dst-and-holidays',
      'inactive-owners-and-after-hours',
    ])
      assert.ok(names.includes(name), `vector ${name} is missing`);
  });

  for (const vector of routingVectors)
    it(`${vector.name}: ${vector.description}`, () => {
      assert.deepEqual(vectorDifferences(vector, runVector(vector)), [], `${vector.file} disagrees with the router`);
    });

  it('reports a wrong expectation, naming the lead and the field', () => {
    const vector = routingVectors.find((v) => v.name === 'weighted-round-robin')!;
    const [first, ...rest] = vector.expected.decisions;
    const wrong = { ...vector, expected: { ...vector.expected, decisions: [{ ...first!, owner: 'U3' }, ...rest] } };
    assert.deepEqual(vectorDifferences(wrong, runVector(wrong)), ['lead L-001: owner: expected "U3", got "U1"']);
  });
});

describe('the org half: static resource and generated Apex test', () => {
  it('writes one test method per vector, each running its vector by name', () => {
    const apex = conformanceTestClass(routingVectors);
    for (const v of routingVectors) assert.match(apex, new RegExp(`RoutingConformance\\.run\\('${v.name}'\\)`));
    assert.match(apex, /@isTest\s+private class RoutingConformance_Test/);
  });

  it('carries each configuration as the custom metadata records the Apex router reads', () => {
    const resource = JSON.parse(vectorResource(routingVectors)) as {
      vectors: { name: string; records: Record<string, { DeveloperName: string }[]> }[];
    };
    const caps = resource.vectors.find((v) => v.name === 'caps-reached-mid-batch')!;
    assert.deepEqual(
      caps.records.Routing_Pool__mdt!.map((p) => p.DeveloperName),
      ['P'],
    );
    assert.ok(caps.records.Routing_Setting__mdt!.length === 1);
  });
});

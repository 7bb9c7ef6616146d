/**
 * Lead routing: scoring, the ordered rules, pools, SLA clocks and calendars, written in
 * model/routing/ and deployed as custom metadata records (through the custom-metadata family),
 * queues (their public groups are the roles family's) and the decision platform event; the conformance vectors become a
 * static resource and a generated Apex test. The routers themselves are scripts/routing (the
 * TypeScript mirror) and the hand-written Apex in force-app/main/default/classes.
 */
import { defineFamily, type ProjectReference } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import { CONFORMANCE_SUPPORT } from './apex-tests.ts';
import * as builders from './builders.ts';
import type { RoutingModel } from './builders.ts';
import { renderRoutingPage, routingIndex, routingRelated } from './catalogue.ts';
import { checkRouting, type RoutingFamilyModel } from './checks.ts';
import { emitRouting } from './emit.ts';
import { routingVector as readVector } from './vectors.ts';

export type * from './builders.ts';
export {
  all,
  always,
  any,
  holdLead,
  holiday,
  is,
  not,
  overflowToPool,
  overflowToQueue,
  toAccountOwner,
  toPool,
  toQueue,
  weekdays,
} from './builders.ts';
export { routingMetadataRecords, routingRecords } from './records.ts';
export { vectorResource, VECTORS_RESOURCE } from './vectors.ts';
export { DECISION_EVENT, DECISION_EVENT_FIELDS } from './event.ts';
export { ROUTING_PAGE } from './page.ts';

export const routingCalendar = locate(builders.routingCalendar);
export const routingQueue = locate(builders.routingQueue);
export const routingPool = locate(builders.routingPool);
export const routingRule = locate(builders.routingRule);
export const scoreSignal = locate(builders.scoreSignal);
export const disqualifier = locate(builders.disqualifier);
export const leadSla = locate(builders.leadSla);
export const leadRouting = locate(builders.leadRouting);
/** A conformance vector from its JSON (model/routing/vectors.ts reads data/routing-vectors/). */
export const routingVector = locate(readVector);

/** The generated conformance test calls hand-written test support. */
const routingReferences = (model: RoutingModel): ProjectReference[] =>
  model.routingVectors.length
    ? [
        {
          type: 'ApexClass',
          name: CONFORMANCE_SUPPORT,
          component: 'Routing conformance vectors',
          definition: model.routingVectors[0]!,
          message: `the generated RoutingConformance_Test calls ${CONFORMANCE_SUPPORT}.run: keep force-app/main/default/classes/${CONFORMANCE_SUPPORT}.cls`,
        },
      ]
    : [];

export const routingFamily = defineFamily<RoutingModel, RoutingFamilyModel>({
  name: 'routing',
  sections: { routing: 'single', routingVectors: 'list' },
  check: checkRouting,
  references: routingReferences,
  emit: emitRouting,
  lockable: (model) => (model.routing ? [model.routing] : []),
  catalogue: { pages: (cat) => [renderRoutingPage(cat)], index: routingIndex, related: routingRelated },
});

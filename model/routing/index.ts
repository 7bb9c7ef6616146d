import { leadRouting, routingMetadataRecords } from '../../scripts/dsl/index.ts';
import { routingCalendars, NorthAmerica } from './calendars.ts';
import { routingPools } from './pools.ts';
import { DisqualifiedQueue, HoldQueue, MarketingOpsQueue, routingGroups, routingQueues } from './queues.ts';
import { routingRules } from './rules.ts';
import { leadScoring } from './scoring.ts';
import { leadSlas } from './slas.ts';
import { routingObjects } from './objects.ts';
import { routingVectors } from './vectors.ts';
import { RoutingBypass, routingPermissionSets } from './permissions.ts';

/**
 * Lead routing (blueprint 000 §3, 001 Epics 1-2, 002 Phases 3 and 8): scoring, the ordered
 * rules, pools, SLA clocks and calendars. docs/model/routing.md shows it as a reviewer reads it.
 */
export const leadRoutingConfig = leadRouting({
  settings: {
    fallbackQueue: MarketingOpsQueue,
    disqualifiedQueue: DisqualifiedQueue,
    holdQueue: HoldQueue,
    defaultCalendar: NorthAmerica,
    freeMailDomains: [
      'gmail.com',
      'googlemail.com',
      'outlook.com',
      'hotmail.com',
      'yahoo.com',
      'icloud.com',
      'aol.com',
      'proton.me',
      'gmx.com',
    ],
    publicSuffixes: ['co.uk', 'ac.uk', 'us.com', 'qc.ca', 'com.au', 'co.jp', 'com.br', 'com.ar', 'co.nz', 'co.in'],
  },
  calendars: routingCalendars,
  groups: routingGroups,
  queues: routingQueues,
  pools: routingPools,
  rules: routingRules,
  scoring: leadScoring,
  slas: leadSlas,
  locked: true,
});

/** The routing part of the model (model/index.ts adds it). */
export const leadRoutingModel = {
  objects: routingObjects,
  customMetadataRecords: routingMetadataRecords(leadRoutingConfig),
  permissionSets: routingPermissionSets,
  publicGroups: routingGroups,
  customPermissions: [RoutingBypass],
  routing: leadRoutingConfig,
  routingVectors,
};

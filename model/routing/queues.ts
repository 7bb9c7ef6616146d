import { publicGroup, routingQueue } from '../../scripts/dsl/index.ts';

/** Who works the queues (groups deploy empty: add people in Setup, or `revops org up` adds the admin). */
export const MarketingOps = publicGroup('RevOps_Marketing_Ops', {
  label: 'RevOps Marketing Ops',
  // Marketing operations: nurture, intake disqualifications and leads no rule takes.
  includeBosses: false,
});
export const SalesManagers = publicGroup('RevOps_Sales_Managers', {
  label: 'RevOps Sales Managers',
  // Sales managers: held leads, domain conflicts, SLA breaches and reassignment approvals.
  includeBosses: false,
});
export const ChannelTeam = publicGroup('RevOps_Channel_Team', {
  label: 'RevOps Channel Team',
  // Channel managers: partner-registered leads when no channel manager is available.
  includeBosses: false,
});

export const NurtureQueue = routingQueue('RevOps_Nurture', {
  label: 'Nurture',
  description: 'Leads below the MQL threshold: automated nurture until they score 50.',
  groups: [MarketingOps],
});
export const MarketingOpsQueue = routingQueue('RevOps_Marketing_Ops', {
  label: 'Marketing Ops Review',
  description: 'Leads no rule takes (the fallback), and leads a pool could not place.',
  groups: [MarketingOps],
});
export const DisqualifiedQueue = routingQueue('RevOps_Disqualified', {
  label: 'Disqualified at Intake',
  description: 'Leads a disqualifier caught at intake (competitor, banned geography, low data volume).',
  groups: [MarketingOps],
});
export const HoldQueue = routingQueue('RevOps_Routing_Hold', {
  label: 'Routing Hold',
  description: 'Held leads: nobody available, or a domain matching two account hierarchies. Re-routed when possible.',
  groups: [SalesManagers],
});
export const PartnerDeskQueue = routingQueue('RevOps_Partner_Desk', {
  label: 'Partner Desk',
  description: 'Partner-registered leads when no channel manager can take them.',
  groups: [ChannelTeam],
});

export const routingGroups = [MarketingOps, SalesManagers, ChannelTeam];
export const routingQueues = [NurtureQueue, MarketingOpsQueue, DisqualifiedQueue, HoldQueue, PartnerDeskQueue];

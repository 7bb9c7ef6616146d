import { holdLead, overflowToPool, overflowToQueue, routingPool } from '../../scripts/dsl/index.ts';
import { NorthAmerica } from './calendars.ts';
import { MarketingOpsQueue, PartnerDeskQueue } from './queues.ts';

/**
 * Round-robin pools (000 §3: audited round robin for eligible pools; WIP limits against
 * hoarding). Seats and weights are data (Routing_Pool_Member__c); caps count in the pool's
 * time zone. Members keep their own working hours (User.Routing_Calendar__c).
 */
export const EnterpriseAEs = routingPool('ENT_AE', {
  label: 'Enterprise AEs',
  description: 'Enterprise accounts in ICP tiers A and B (002: enterprise round robin).',
  calendar: NorthAmerica,
  caps: { daily: 6, weekly: 25 },
  afterHours: 'Prefer Working',
  // An enterprise lead waits for an AE rather than going to someone who cannot work it.
  whenNobodyAvailable: holdLead(),
});

export const MidMarketSDRs = routingPool('MM_SDR', {
  label: 'Mid-market SDRs',
  description: 'Mid-market leads, and enterprise leads outside tiers A and B, for qualification.',
  calendar: NorthAmerica,
  caps: { daily: 20, weekly: 80 },
  afterHours: 'Assign',
  whenNobodyAvailable: overflowToQueue(MarketingOpsQueue),
});

export const SeniorSDRs = routingPool('SENIOR_SDR', {
  label: 'Senior SDRs (fast path)',
  description: 'Fast-path leads (001: segment fit 70+ from a qualified source get senior reps).',
  calendar: NorthAmerica,
  caps: { daily: 15, weekly: 60 },
  afterHours: 'Prefer Working',
  whenNobodyAvailable: overflowToPool(MidMarketSDRs),
});

export const SmbSDRs = routingPool('SMB_SDR', {
  label: 'SMB SDRs',
  description: 'Small-business leads at or above the MQL threshold.',
  calendar: NorthAmerica,
  caps: { daily: 25, weekly: 100 },
  afterHours: 'Assign',
  whenNobodyAvailable: overflowToQueue(MarketingOpsQueue),
});

export const ChannelManagers = routingPool('CHANNEL', {
  label: 'Channel managers',
  description: 'Partner-registered leads (000 §3: separate coverage for partners).',
  calendar: NorthAmerica,
  caps: { daily: 10, weekly: 40 },
  afterHours: 'Assign',
  whenNobodyAvailable: overflowToQueue(PartnerDeskQueue),
});

export const routingPools = [EnterpriseAEs, SeniorSDRs, MidMarketSDRs, SmbSDRs, ChannelManagers];

import { all, always, is, routingRule, toAccountOwner, toPool, toQueue } from '../../scripts/dsl/index.ts';
import { Lead } from '../objects/lead.ts';
import { ChannelManagers, EnterpriseAEs, MidMarketSDRs, SeniorSDRs, SmbSDRs } from './pools.ts';
import { NurtureQueue } from './queues.ts';
import { MQL_THRESHOLD } from './scoring.ts';

/**
 * The ordered rules (002 Phase 8's lead-routing.yaml, with its precedence made explicit: the
 * YAML lists the named-account rule last, but a named account's lead must reach its owner, so
 * it comes first and the model checks that nothing comes before it).
 */
export const routingRules = [
  routingRule('Named_Account', {
    label: 'Named account',
    description: "A lead from a known account's domain goes to the account owner (the parent's when the owner left).",
    when: always(),
    then: toAccountOwner(),
  }),
  routingRule('Partner_Registered', {
    label: 'Partner-registered lead',
    description: 'Partner deal registration feeds routing: the channel team covers partner leads (000 §3).',
    when: is(Lead.field('Partner_Registration_Id__c'), 'notBlank'),
    then: toPool(ChannelManagers),
  }),
  routingRule('Low_Score_Nurture', {
    label: 'Low score: nurture',
    description: 'Below the MQL threshold: automated nurture, no rep time (002: low score).',
    when: is(Lead.field('Lead_Score__c'), 'lt', MQL_THRESHOLD),
    then: toQueue(NurtureQueue),
  }),
  routingRule('Enterprise', {
    label: 'Enterprise, ICP tier A or B',
    description: 'Enterprise segment in ICP tiers A-B (002: enterprise round robin).',
    when: all(is(Lead.field('Segment__c'), 'eq', 'ENT'), is(Lead.field('ICP_Tier__c'), 'in', ['A', 'B'])),
    then: toPool(EnterpriseAEs),
  }),
  routingRule('Fast_Path', {
    label: 'Fast path',
    description: 'Segment fit 70+ from a qualified source: senior reps, 5-minute first touch (001 Epic 2).',
    when: is(Lead.field('Fast_Path__c'), 'eq', true),
    then: toPool(SeniorSDRs),
  }),
  routingRule('Mid_Market', {
    label: 'Mid-market (and other enterprise)',
    description: 'Mid-market, and enterprise outside tiers A-B, to SDRs for qualification (002: mid-market).',
    when: is(Lead.field('Segment__c'), 'in', ['MM', 'ENT']),
    then: toPool(MidMarketSDRs),
  }),
  routingRule('SMB', {
    label: 'SMB',
    description: 'Small business at or above the MQL threshold (002: SMB).',
    when: is(Lead.field('Segment__c'), 'eq', 'SMB'),
    then: toPool(SmbSDRs),
  }),
];

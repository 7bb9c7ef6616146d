import {
  checkbox,
  customObject,
  dateTime,
  formula,
  fromValueSet,
  lookup,
  picklist,
  text,
} from '../../scripts/dsl/index.ts';
import { bypassStamp, externalId } from '../objects/shared.ts';
import { MarketingChannel } from './source-hierarchy.ts';

export const TOUCH_TYPES = [
  'Ad Click',
  'Form Fill',
  'Webinar Attended',
  'Event Visit',
  'Content Download',
  'Email Click',
  'Site Visit',
  'Trial Sign-up',
  'Review Visit',
  'Sales Meeting',
  'Partner Introduction',
  'Referral',
] as const;

/** Funnel milestones a touch can mark; the first touch is simply the earliest. */
export const TOUCH_MILESTONES = ['Lead Created', 'Opportunity Created'] as const;

/** User agents of crawlers, link previews and headless browsers: a touch from one is a bot's. */
export const BOT_USER_AGENT_MARKERS = ['bot', 'crawler', 'spider', 'headless', 'preview', 'scanner'] as const;

/**
 * One marketing or sales interaction of a person, with its time: the event log attribution
 * models read. A custom object rather than CampaignMember alone, because a campaign member is one
 * row per person and campaign (no repeated visits, no time of each), cannot hold touches outside
 * campaigns (organic, trial, sales meetings), nor the bot and duplicate flags the filter needs.
 */
export const Touch = customObject('Touch__c', {
  label: 'Touch',
  pluralLabel: 'Touches',
  nameField: { label: 'Touch Number', type: 'AutoNumber', displayFormat: 'TCH-{000000}' },
  description: 'A timestamped interaction of a lead or contact with a channel (and campaign), for attribution.',
  locked: true,
  fields: {
    Lead__c: lookup('Lead', { label: 'Lead', relationshipName: 'Touches' }),
    Contact__c: lookup('Contact', { label: 'Contact', relationshipName: 'Touches' }),
    Opportunity__c: lookup('Opportunity', {
      label: 'Opportunity',
      relationshipName: 'Touches',
      help: 'The deal the touch happened during, for touches after the deal was created.',
    }),
    Campaign__c: lookup('Campaign', { label: 'Campaign', relationshipName: 'Touches' }),
    Touched_At__c: dateTime({ label: 'Touched At', required: true }),
    Channel__c: picklist({ label: 'Channel', values: fromValueSet(MarketingChannel.name), required: true }),
    Touch_Type__c: picklist({ label: 'Touch Type', values: [...TOUCH_TYPES], required: true }),
    Milestone__c: picklist({
      label: 'Milestone',
      values: [...TOUCH_MILESTONES],
      help: 'The touch that created the lead (or first made the contact known), or the one the opportunity was created from. U- and W-shaped attribution weight these.',
    }),
    UTM_Source__c: text({ label: 'UTM Source', length: 100 }),
    UTM_Medium__c: text({ label: 'UTM Medium', length: 100 }),
    UTM_Campaign__c: text({ label: 'UTM Campaign', length: 100 }),
    User_Agent__c: text({ label: 'User Agent', length: 255 }),
    Is_Bot__c: checkbox({ label: 'Bot', help: "Flagged by the web collector's bot list." }),
    Counts_For_Attribution__c: formula(
      'Checkbox',
      `NOT(OR(\n    Is_Bot__c,\n    ${BOT_USER_AGENT_MARKERS.map((m) => `CONTAINS(LOWER(User_Agent__c), "${m}")`).join(',\n    ')}\n))`,
      {
        label: 'Counts for Attribution',
        description:
          'False for bot touches (flag or user agent). Duplicates (same person, campaign and type within 30 minutes) are removed by the attribution library.',
      },
    ),
    Last_Governance_Bypass__c: bypassStamp(),
    External_Id__c: externalId(),
  },
});

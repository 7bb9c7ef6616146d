import { validationRule } from '../../scripts/dsl/index.ts';
import { notBypassed } from '../governance/permissions.ts';
import { Campaign } from '../objects/campaign.ts';
import { Lead } from '../objects/lead.ts';
import { CHANNELS, UTM_MEDIUM_CHANNEL } from './source-hierarchy.ts';
import { Touch } from './touch.ts';

const quote = (s: string) => `"${s}"`;

/** Campaign type → the channels it may run in, from the hierarchy. */
function channelsByType(): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const c of CHANNELS) for (const t of c.campaignTypes) byType.set(t, [...(byType.get(t) ?? []), c.channel]);
  return byType;
}

const typeChannelCases = [...channelsByType()]
  .map(([type, channels]) => {
    const fits = channels.map((c) => `ISPICKVAL(Channel__c, ${quote(c)})`).join(', ');
    return `${quote(type)}, IF(OR(${fits}), 0, 1)`;
  })
  .join(',\n        ');

/** The hierarchy holds: a campaign's channel is one its campaign type belongs to. */
export const campaignChannelFitsType = validationRule(Campaign, 'Campaign_Channel_Fits_Type', {
  formula: `AND(
    ${notBypassed},
    NOT(ISBLANK(TEXT(Channel__c))),
    CASE(TEXT(Type),
        ${typeChannelCases},
        0
    ) = 1
)`,
  message: 'The channel does not fit the campaign type (see the lead source hierarchy in the model catalogue).',
  errorField: Campaign.field('Channel__c'),
  description: 'Lead source hierarchy: campaign type → channel, generated from model/marketing/source-hierarchy.ts.',
  locked: true,
});

const mediums = [...UTM_MEDIUM_CHANNEL.keys()];

/** UTM discipline: a utm_medium is one of the governed values, so it maps to a channel. */
export const utmMediumGoverned = validationRule(Lead, 'Lead_UTM_Medium_Governed', {
  formula: `AND(
    ${notBypassed},
    OR(ISNEW(), ISCHANGED(UTM_Medium__c)),
    NOT(ISBLANK(UTM_Medium__c)),
    CASE(UTM_Medium__c, ${mediums.map((m) => `${quote(m)}, 0`).join(', ')}, 1) = 1
)`,
  message: `UTM Medium must be one of (lower case): ${mediums.join(', ')}.`,
  errorField: Lead.field('UTM_Medium__c'),
  description: 'Each governed utm_medium names one channel of the lead source hierarchy.',
  locked: true,
});

/** A touch belongs to a person: the lead, or the contact it became. */
export const touchNeedsPerson = validationRule(Touch, 'Touch_Needs_Person', {
  formula: `AND(\n    ${notBypassed},\n    ISBLANK(Lead__c),\n    ISBLANK(Contact__c)\n)`,
  message: 'A touch belongs to a lead or a contact: fill one of them.',
  errorField: Touch.field('Lead__c'),
  locked: true,
});

export const attributionRules = [campaignChannelFitsType, utmMediumGoverned, touchNeedsPerson];

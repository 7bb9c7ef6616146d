import { globalValueSet } from '../../scripts/dsl/index.ts';

/**
 * The lead source hierarchy (blueprint 001 epic 8, 002 phase 2): source → channel → campaign
 * type → campaign. Sources and channels are governed value sets; campaign types are the standard
 * Campaign.Type values; the campaign is the Campaign record. Every channel belongs to one source,
 * every campaign type to the channels listed here, and a UTM medium names exactly one channel.
 */
export interface ChannelDef {
  readonly channel: string;
  readonly source: MarketingSourceName;
  /** Campaign.Type values a campaign of this channel may have (none: no campaigns, e.g. direct). */
  readonly campaignTypes: readonly string[];
  /** Lower-case utm_medium values that mean this channel. */
  readonly utmMediums: readonly string[];
}

export const MARKETING_SOURCES = ['Inbound', 'Sales', 'Partner', 'Referral'] as const;
export type MarketingSourceName = (typeof MARKETING_SOURCES)[number];

export const CHANNELS: readonly ChannelDef[] = [
  { channel: 'Paid Search', source: 'Inbound', campaignTypes: ['Advertisement'], utmMediums: ['cpc', 'ppc'] },
  { channel: 'Paid Social', source: 'Inbound', campaignTypes: ['Banner Ads'], utmMediums: ['paid-social'] },
  { channel: 'Webinar', source: 'Inbound', campaignTypes: ['Webinar'], utmMediums: ['webinar'] },
  { channel: 'Event', source: 'Inbound', campaignTypes: ['Conference', 'Trade Show'], utmMediums: ['event'] },
  { channel: 'Content Download', source: 'Inbound', campaignTypes: ['Other'], utmMediums: ['content'] },
  { channel: 'Email Nurture', source: 'Inbound', campaignTypes: ['Email', 'Direct Mail'], utmMediums: ['email'] },
  { channel: 'Organic Search', source: 'Inbound', campaignTypes: [], utmMediums: ['organic'] },
  { channel: 'Free Trial', source: 'Inbound', campaignTypes: [], utmMediums: ['product'] },
  { channel: 'Review Site', source: 'Inbound', campaignTypes: [], utmMediums: ['review'] },
  { channel: 'Outbound Prospecting', source: 'Sales', campaignTypes: ['Telemarketing'], utmMediums: [] },
  { channel: 'Purchased List', source: 'Sales', campaignTypes: [], utmMediums: [] },
  { channel: 'Sales Meeting', source: 'Sales', campaignTypes: [], utmMediums: [] },
  { channel: 'Partner Referral', source: 'Partner', campaignTypes: ['Partners'], utmMediums: ['partner'] },
  { channel: 'Customer Referral', source: 'Referral', campaignTypes: ['Referral Program'], utmMediums: ['referral'] },
];

export const CHANNEL_NAMES = CHANNELS.map((c) => c.channel);

/** utm_medium → channel, for the automation and the attribution library. */
export const UTM_MEDIUM_CHANNEL: ReadonlyMap<string, string> = new Map(
  CHANNELS.flatMap((c) => c.utmMediums.map((m) => [m, c.channel] as const)),
);

export const MarketingSource = globalValueSet('Marketing_Source', {
  label: 'Marketing Source',
  description:
    'Top of the lead source hierarchy: where demand comes from (source → channel → campaign type → campaign).',
  values: [...MARKETING_SOURCES],
  locked: true,
});

export const MarketingChannel = globalValueSet('Marketing_Channel', {
  label: 'Marketing Channel',
  description: 'Second level of the lead source hierarchy; each channel belongs to one marketing source.',
  values: CHANNEL_NAMES,
  locked: true,
});

const quote = (s: string) => `"${s}"`;

/** Formula text: the source of the channel held in `channelText` (a text expression). */
export const sourceOfChannelFormula = (channelText: string): string =>
  `CASE(${channelText},\n    ${CHANNELS.map((c) => `${quote(c.channel)}, ${quote(c.source)}`).join(',\n    ')},\n    ""\n)`;

/** Formula text: the channel a utm_medium (a text expression) names, or "". */
export const channelOfUtmMediumFormula = (mediumText: string): string =>
  `CASE(${mediumText},\n    ${[...UTM_MEDIUM_CHANNEL].map(([m, c]) => `${quote(m)}, ${quote(c)}`).join(',\n    ')},\n    ""\n)`;

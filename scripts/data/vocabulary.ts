/**
 * Words the generator builds realistic records from. Company and person names come from
 * bijections over these lists (see `companyName`, `personName`), so names and domains are
 * unique by construction instead of by remembering which ones were used.
 */

// prettier-ignore
export const FIRST_NAMES = [
  'Maria', 'James', 'Wei', 'Aisha', 'Lucas', 'Priya', 'Noah', 'Sofia', 'Mateo', 'Hana', 'Oliver', 'Amara', 'Ethan',
  'Yuki', 'Liam', 'Fatima', 'Daniel', 'Elena', 'Arjun', 'Chloe', 'Samuel', 'Ines', 'Kenji', 'Grace', 'Omar', 'Julia',
  'Felix', 'Leila', 'Marcus', 'Nora', 'Diego', 'Zoe', 'Tomas', 'Ava', 'Rafael', 'Mei', 'Victor', 'Clara', 'Hugo',
  'Layla', 'Adrian', 'Emma', 'Ivan', 'Sara', 'Kofi', 'Lena', 'Pablo', 'Anya', 'Rohan', 'Isla', 'Theo', 'Mina', 'Andre',
  'Olivia', 'Jonas', 'Camila', 'Malik', 'Freya', 'Luca', 'Nadia', 'Sven', 'Rosa', 'Kai', 'Alice',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Garcia', 'Smith', 'Chen', 'Okafor', 'Muller', 'Patel', 'Johnson', 'Rossi', 'Tanaka', 'Kowalski', 'Nguyen', 'Silva',
  'Brown', 'Kim', 'Dubois', 'Haddad', 'Novak', 'Santos', 'Fischer', 'Ahmed', 'Larsen', 'Moreau', 'Ivanova', 'Costa',
  'Walker', 'Schmidt', 'Yamamoto', 'Lopez', 'Bianchi', 'Hughes', 'Singh', 'Jensen', 'Andersson', 'Murphy', 'Romero',
  'Sato', 'Weber', 'Clarke', 'Fernandes', 'Kaur', 'Becker', 'Martin', 'Nakamura', 'Reyes', 'Wilson', 'Park',
  'Lindqvist', 'Oconnor', 'Mendes', 'Ali', 'Horvat', 'Taylor', 'Vargas', 'Ito', 'Keller', 'Evans', 'Castro', 'Khan',
  'Bauer', 'Hall', 'Morales', 'Suzuki', 'Wright', 'Berg',
] as const;

/** No word is the start of another, so `prefix + core` splits one way only: domains stay unique. */
// prettier-ignore
export const COMPANY_PREFIXES = [
  'Northwind', 'Bluepeak', 'Cedar', 'Summit', 'Ironwood', 'Silverline', 'Redrock', 'Brightpath', 'Clearwater',
  'Evergreen', 'Granite', 'Harbor', 'Keystone', 'Lighthouse', 'Meridian', 'Oakridge', 'Pinnacle', 'Quantum',
  'Riverstone', 'Sterling', 'Trident', 'Unity', 'Vertex', 'Westbrook', 'Zenith', 'Apex', 'Beacon', 'Crescent', 'Delta',
  'Elm', 'Falcon', 'Golden', 'Horizon', 'Juniper', 'Kestrel', 'Lumen', 'Maple', 'Nova', 'Orion', 'Polar', 'Radiant',
  'Sable', 'Tidal', 'Upland', 'Vantage', 'Willow', 'Aurora', 'Cobalt',
] as const;

// prettier-ignore
export const COMPANY_CORES = [
  'Data', 'Logic', 'Grid', 'Works', 'Cloud', 'Metrics', 'Signal', 'Forge', 'Stack', 'Bridge', 'Point', 'Scale', 'Flow',
  'Sphere', 'Path', 'Core', 'Wave', 'Link', 'Vision', 'Mind', 'Shift', 'Base', 'Net', 'Ops', 'Field', 'Gate', 'Hub',
  'Line', 'Mark', 'Nest', 'Pulse', 'Quest', 'Rise', 'Source', 'Trail', 'View', 'Yard', 'Bay', 'Cast', 'Dock', 'Edge',
  'Frame', 'Glow', 'Harvest', 'Loop', 'Matrix', 'Orbit', 'Port',
] as const;

// prettier-ignore
export const COMPANY_SUFFIXES = [
  'Systems', 'Labs', 'Group', 'Technologies', 'Holdings', 'Analytics', 'Networks', 'Partners', 'Industries', 'Software',
  'Solutions', 'Dynamics',
] as const;

export const TOP_LEVEL_DOMAINS: readonly (readonly [string, number])[] = [
  ['com', 0.7],
  ['io', 0.1],
  ['ai', 0.05],
  ['co', 0.05],
  ['net', 0.05],
  ['tech', 0.05],
];

/** Country, subsidiary domain suffix and cities per geo (a subsidiary's domain is the parent's label on its ccTLD). */
export const GEO_PLACES: Record<string, readonly { country: string; tld: string; cities: readonly string[] }[]> = {
  NA: [
    { country: 'United States', tld: 'us', cities: ['San Francisco', 'New York', 'Austin', 'Chicago', 'Boston'] },
    { country: 'Canada', tld: 'ca', cities: ['Toronto', 'Vancouver', 'Montreal'] },
    { country: 'United States', tld: 'us.com', cities: ['Seattle', 'Denver', 'Atlanta'] },
    { country: 'Canada', tld: 'qc.ca', cities: ['Quebec City', 'Ottawa'] },
  ],
  EMEA: [
    { country: 'Germany', tld: 'de', cities: ['Berlin', 'Munich', 'Hamburg'] },
    { country: 'United Kingdom', tld: 'co.uk', cities: ['London', 'Manchester', 'Edinburgh'] },
    { country: 'France', tld: 'fr', cities: ['Paris', 'Lyon'] },
    { country: 'Netherlands', tld: 'nl', cities: ['Amsterdam', 'Rotterdam'] },
  ],
  APAC: [
    { country: 'Australia', tld: 'com.au', cities: ['Sydney', 'Melbourne'] },
    { country: 'Japan', tld: 'co.jp', cities: ['Tokyo', 'Osaka'] },
    { country: 'Singapore', tld: 'sg', cities: ['Singapore'] },
    { country: 'India', tld: 'in', cities: ['Bengaluru', 'Mumbai'] },
  ],
  LATAM: [
    { country: 'Brazil', tld: 'com.br', cities: ['Sao Paulo', 'Rio de Janeiro'] },
    { country: 'Mexico', tld: 'mx', cities: ['Mexico City', 'Monterrey'] },
    { country: 'Chile', tld: 'cl', cities: ['Santiago'] },
    { country: 'Argentina', tld: 'com.ar', cities: ['Buenos Aires'] },
  ],
};

/** Salesforce's standard Industry values for the model's verticals. */
export const VERTICAL_INDUSTRY: Record<string, string> = {
  Software: 'Technology',
  'Financial Services': 'Finance',
  Healthcare: 'Healthcare',
  Manufacturing: 'Manufacturing',
  Retail: 'Retail',
  'Public Sector': 'Government',
  Media: 'Media',
};

/** SKU catalog `{Family}:{Package}:{Metric}` and the product token of deal names. */
export const PRODUCT_FAMILIES = ['Platform', 'Analytics', 'Routing', 'Forecasting'] as const;
export const SKU_METRIC: Record<string, string> = {
  Platform: 'Seat',
  Analytics: 'Usage',
  Routing: 'Seat',
  Forecasting: 'Seat',
};
export const PRICE_PER_SEAT: Record<string, number> = { Starter: 420, Growth: 660, Enterprise: 950 };

/** The `{UseCase}` token of deal names. */
export const USE_CASES = [
  'PipelineHygiene',
  'Forecasting',
  'LeadRouting',
  'DealDesk',
  'Renewals',
  'Territories',
  'Attribution',
  'Enablement',
] as const;

export const PROBLEM_STATEMENTS = [
  'Forecast calls rely on spreadsheets; the CRO cannot trust the commit number two weeks before quarter end.',
  'Inbound leads wait hours for a first touch and the best ones go to competitors.',
  'Deals stall after the demo because nobody owns the mutual action plan.',
  'Discounts are approved in Slack; finance cannot see margin leakage until renewal.',
  'Territories are rebalanced by hand every quarter and reps fight over named accounts.',
  'Renewals are discovered 30 days before expiry, too late to fix adoption issues.',
  'Marketing and sales disagree on lead quality; MQL definitions changed three times this year.',
  'Pipeline reviews take a full day because stage definitions mean different things to every team.',
  'Hand-offs from sales to customer success lose the success criteria agreed with the buyer.',
  'Duplicate accounts split activity history and double-count pipeline.',
];

export const METRICS = [
  'Cut forecast error (MAPE) from 28 % to under 15 % within two quarters.',
  'Reduce speed-to-lead from 4 hours to under 15 minutes.',
  'Shorten the sales cycle by 20 days in the mid-market segment.',
  'Lift win rate from 18 % to 25 % on qualified pipeline.',
  'Recover 2 points of gross margin by enforcing the discount ladder.',
  'Raise gross revenue retention from 84 % to 90 %.',
  'Save 600 hours a quarter of manual pipeline reporting.',
];

export const DECISION_CRITERIA = [
  'Native Salesforce deployment, SSO, audit trail for every stage change, under 8 weeks to value.',
  'Forecast accuracy proven on last quarter data; security review passed; total cost under budget.',
  'Lead routing under 5 minutes, round-robin with capacity limits, reporting by source.',
  'Renewal alerts at 180/120/90 days, health score integration, executive dashboards.',
];

export const DECISION_PROCESS = [
  'Champion builds the case, CRO and CFO approve, procurement runs the vendor form, legal redlines the MSA.',
  'Technical evaluation by RevOps and IT security, then steering committee sign-off at month end.',
  'Two-week pilot with one sales team, results to the VP Sales, then budget release by finance.',
  'Security questionnaire, reference call, business case review with the economic buyer, signature.',
];

export const NEXT_STEPS = [
  'Send recap and proposed mutual action plan',
  'Book technical deep-dive with IT security',
  'Run the forecasting demo for the sales managers',
  'Review business case with the CFO',
  'Send order form and redlines to legal',
  'Confirm pilot success criteria with the champion',
  'Schedule executive alignment call',
  'Walk procurement through the vendor onboarding form',
];

export const STALE_NEXT_STEPS = [
  'Re-engage the champion: no reply for three weeks',
  'Ask the economic buyer whether the project is still funded',
  'Reset the timeline: customer went quiet after the demo',
];

export const COMPETITION = [
  'Acme Revenue Cloud shortlisted',
  'Globex Pipeline incumbent',
  'Internal build on spreadsheets',
  'Initech Forecast in trial',
  'No competitor; status quo is the risk',
];

export const USE_CASE_TEXT = [
  'Stage-gated pipeline with evidence fields and a weekly forecast call run from the CRM.',
  'Inbound lead routing by territory with a 15-minute SLA and round-robin pools.',
  'Deal desk approvals for discounts above the ladder, with concessions tracked to renewal.',
  'Renewal playbook at 180/120/90 days with health scores and executive visibility.',
];

export const SUCCESS_CRITERIA = [
  'Forecast within 10 % of actual for two consecutive quarters.',
  'All inbound MQLs touched within 15 minutes; SLA breaches under 5 %.',
  'Every open deal has a next step dated today or later.',
  'Renewal opportunities created on time for 100 % of contracts.',
];

export const RISKS = [
  'Champion is new in role; economic buyer not yet met.',
  'Data migration from the legacy CRM is larger than scoped.',
  'Security team asked for a penetration test report.',
  'None known.',
  'Procurement requires a new vendor in their portal first.',
];

export const HANDOFF_REJECTIONS = [
  'Success criteria missing; please add what the customer will measure.',
  'Economic buyer not identified; packet incomplete.',
  'Discovery notes do not match the segment; please requalify.',
];

export const COMMITMENT_TEXT: Record<string, readonly string[]> = {
  Security: ['Provide SOC 2 Type II report and pen-test summary.', 'Complete the customer security questionnaire.'],
  Roadmap: ['Multi-currency forecasting in the next release.', 'Native Slack alerts for SLA breaches.'],
  Services: ['Two onsite enablement workshops for sales managers.', 'Data migration support for 3 years of history.'],
  Commercial: ['Price lock for the first renewal.', 'Quarterly billing instead of annual upfront.'],
};

export const EXCEPTION_DETAILS: Record<string, string> = {
  'Non-Standard Terms': 'Customer requires its own limitation-of-liability clause.',
  'Discount Above Ladder': 'Competitive displacement; discount above the segment ladder for a 3-year term.',
  'Custom SKU': 'Bundle of Analytics usage with Platform seats not in the catalog.',
  'Skipped Stage Gate': 'Renewal fast-track: validation skipped for an existing deployment.',
  'Payment Terms': 'Net 90 payment terms requested by public-sector procurement.',
  Other: 'Off-process request reviewed by the deal desk.',
};

export const CONCESSION_DETAILS: Record<string, string> = {
  Discount: 'One-time discount on the first term.',
  'Free Months': 'Two months free to cover the onboarding period.',
  'Extra Seats': 'Additional seats at no charge for the pilot team.',
  'Payment Terms': 'Quarterly billing in arrears.',
  'Price Lock': 'Price held flat until the first renewal.',
  Other: 'Custom concession approved by the deal desk.',
};

/** Titles and departments by buying role; personas a role usually maps to. */
export const ROLE_PEOPLE: Record<string, { titles: readonly string[]; department: string; persona: string }> = {
  'Economic Buyer': {
    titles: ['Chief Revenue Officer', 'VP Sales', 'Chief Financial Officer'],
    department: 'Executive',
    persona: 'Economic Buyer',
  },
  Champion: {
    titles: ['Director of Revenue Operations', 'Head of Sales Operations', 'RevOps Manager'],
    department: 'Revenue Operations',
    persona: 'Operations Leader',
  },
  'Technical Evaluator': {
    titles: ['Salesforce Architect', 'Director of IT', 'CRM Platform Lead'],
    department: 'IT',
    persona: 'Technical Buyer',
  },
  User: { titles: ['Account Executive', 'Sales Manager', 'SDR Manager'], department: 'Sales', persona: 'End User' },
  Procurement: {
    titles: ['Procurement Manager', 'Strategic Sourcing Lead'],
    department: 'Procurement',
    persona: 'Procurement',
  },
  Legal: { titles: ['Corporate Counsel', 'Contracts Manager'], department: 'Legal', persona: 'Executive Sponsor' },
  Blocker: { titles: ['VP Finance', 'IT Security Lead'], department: 'Finance', persona: 'Executive Sponsor' },
};

/** Buying committee seats in the order contacts fill them: the first contact is the economic buyer. */
export const COMMITTEE = [
  'Economic Buyer',
  'Champion',
  'Technical Evaluator',
  'User',
  'Procurement',
  'Legal',
  'Blocker',
  'User',
  'User',
  'Technical Evaluator',
];

/** Where leads come from. Campaign channels carry their own source; these are the rest. */
export interface SourceDef {
  readonly name: string;
  /** Value of the standard LeadSource picklist. */
  readonly leadSource: string;
  readonly inbound: boolean;
  readonly utm?: { readonly source: string; readonly medium: string };
}

export const CAMPAIGN_CHANNELS: readonly (SourceDef & { readonly channel: string; readonly campaignType: string })[] = [
  {
    channel: 'Webinar',
    campaignType: 'Webinar',
    name: 'Webinar',
    leadSource: 'Web',
    inbound: true,
    utm: { source: 'newsletter', medium: 'webinar' },
  },
  { channel: 'Event', campaignType: 'Conference', name: 'Event', leadSource: 'Other', inbound: true },
  {
    channel: 'Paid',
    campaignType: 'Advertisement',
    name: 'Paid Search',
    leadSource: 'Web',
    inbound: true,
    utm: { source: 'google', medium: 'cpc' },
  },
  {
    channel: 'Content',
    campaignType: 'Other',
    name: 'Content Download',
    leadSource: 'Web',
    inbound: true,
    utm: { source: 'syndication', medium: 'content' },
  },
  {
    channel: 'Email',
    campaignType: 'Email',
    name: 'Email Nurture',
    leadSource: 'Web',
    inbound: true,
    utm: { source: 'marketo', medium: 'email' },
  },
  {
    channel: 'Partner',
    campaignType: 'Partners',
    name: 'Partner Referral',
    leadSource: 'Partner Referral',
    inbound: true,
    utm: { source: 'partner', medium: 'partner' },
  },
  {
    channel: 'Social',
    campaignType: 'Banner Ads',
    name: 'Paid Social',
    leadSource: 'Web',
    inbound: true,
    utm: { source: 'linkedin', medium: 'paid-social' },
  },
];

export const DIRECT_INBOUND: readonly (readonly [SourceDef, number])[] = [
  [{ name: 'Organic Search', leadSource: 'Web', inbound: true, utm: { source: 'google', medium: 'organic' } }, 0.5],
  [{ name: 'Free Trial', leadSource: 'Web', inbound: true, utm: { source: 'website', medium: 'product' } }, 0.3],
  [{ name: 'Review Site', leadSource: 'Web', inbound: true, utm: { source: 'g2', medium: 'review' } }, 0.2],
];

export const OUTBOUND: readonly (readonly [SourceDef, number])[] = [
  [{ name: 'Outbound Prospecting', leadSource: 'Phone Inquiry', inbound: false }, 0.6],
  [{ name: 'Partner Referral', leadSource: 'Partner Referral', inbound: false }, 0.25],
  [{ name: 'Purchased List', leadSource: 'Purchased List', inbound: false }, 0.15],
];

/** Spend range (whole currency units) of one campaign of each channel, and its UTM when a touch is tagged. */
export const CHANNEL_SPEND: Readonly<Record<string, readonly [number, number]>> = {
  Webinar: [4_000, 15_000],
  Event: [40_000, 120_000],
  'Paid Search': [20_000, 60_000],
  'Content Download': [8_000, 30_000],
  'Email Nurture': [2_000, 8_000],
  'Partner Referral': [5_000, 20_000],
  'Paid Social': [15_000, 45_000],
};

/** The UTM tags of a web touch in each channel (mediums are the model's governed values); others are offline. */
export const CHANNEL_UTM: Readonly<Record<string, { readonly source: string; readonly medium: string }>> = {
  Webinar: { source: 'newsletter', medium: 'webinar' },
  'Paid Search': { source: 'google', medium: 'cpc' },
  'Content Download': { source: 'syndication', medium: 'content' },
  'Email Nurture': { source: 'marketo', medium: 'email' },
  'Partner Referral': { source: 'partner', medium: 'partner' },
  'Paid Social': { source: 'linkedin', medium: 'paid-social' },
  'Organic Search': { source: 'google', medium: 'organic' },
  'Free Trial': { source: 'website', medium: 'product' },
  'Review Site': { source: 'g2', medium: 'review' },
  'Customer Referral': { source: 'customer', medium: 'referral' },
};

/** What a touch in each channel is (Touch__c.Touch_Type__c). */
export const CHANNEL_TOUCH_TYPE: Readonly<Record<string, string>> = {
  Webinar: 'Webinar Attended',
  Event: 'Event Visit',
  'Paid Search': 'Ad Click',
  'Content Download': 'Content Download',
  'Email Nurture': 'Email Click',
  'Partner Referral': 'Partner Introduction',
  'Paid Social': 'Ad Click',
  'Organic Search': 'Site Visit',
  'Free Trial': 'Trial Sign-up',
  'Review Site': 'Review Visit',
  'Customer Referral': 'Referral',
  'Outbound Prospecting': 'Sales Meeting',
  'Purchased List': 'Email Click',
  'Sales Meeting': 'Sales Meeting',
};

/** Product tokens of user agents (kept short: the bundled seed's Bulk results stay small). */
export const BROWSER_AGENTS = [
  'Chrome/126.0 (Windows NT 10.0)',
  'Safari/17.5 (Macintosh)',
  'Mobile Safari/17.5 (iPhone)',
] as const;
export const BOT_AGENTS = ['Googlebot/2.1', 'Slackbot-LinkExpanding 1.0', 'HeadlessChrome/126.0'] as const;

export const CAMPAIGN_THEMES = ['Forecasting', 'PipelineHygiene', 'LeadRouting', 'RenewalDefense', 'DealDesk'] as const;
export const CAMPAIGN_AUDIENCES = ['RevOpsLeaders', 'SalesLeaders', 'CFOs', 'SalesOps', 'CROs'] as const;
export const UTM_CONTENT = ['cta-demo', 'hero-banner', 'sidebar-ebook', 'footer-link', 'video-ad'] as const;
export const UTM_TERMS = [
  'revenue operations software',
  'sales forecasting tool',
  'lead routing salesforce',
  'pipeline management',
] as const;

/** Filler for fields the generator has no specific knowledge of. */
export const GENERIC_PHRASES = [
  'Reviewed with the account team',
  'Agreed on the weekly call',
  'Confirmed by email',
  'Pending customer input',
  'Documented in the mutual action plan',
  'Aligned with finance',
];

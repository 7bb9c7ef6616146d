import { all, disqualifier, is, not, scoreSignal, type LeadScoringDef } from '../../scripts/dsl/index.ts';
import { Lead } from '../objects/lead.ts';

/** Thresholds (002 lead-scoring.yaml): MQL at 50, hot at 75. */
export const MQL_THRESHOLD = 50;
export const HOT_THRESHOLD = 75;

/** Competitors' email domains: -100 points and disqualified at intake. */
export const COMPETITOR_DOMAINS = ['pipelinepro.com', 'forecastly.io', 'routewise.com', 'revlytics.com'];
/** Countries the company does not sell to (001 Epic 2: banned geos are disqualifiers). */
export const BANNED_COUNTRIES = ['North Korea', 'Iran', 'Syria', 'Cuba'];

const fit = (name: string, label: string, points: number, when: ReturnType<typeof is>) =>
  scoreSignal(name, { label, category: 'Fit', points, when });
const engagement = (name: string, label: string, points: number, when: ReturnType<typeof is>) =>
  scoreSignal(name, { label, category: 'Engagement', points, when });
const negative = (name: string, label: string, points: number, when: ReturnType<typeof is>) =>
  scoreSignal(name, { label, category: 'Negative', points, when });

/**
 * Fit (ICP tier, size band, industry, geography, title) and engagement points with negative
 * signals (002 Phase 3), capped at 40 and 60; segment_fit_score is the fit as 0-100 (001 Epic 2).
 */
export const leadScoring: LeadScoringDef = {
  mql: MQL_THRESHOLD,
  hot: HOT_THRESHOLD,
  fitMax: 40,
  engagementMax: 60,
  fastPath: {
    fit: 70,
    // A qualified source: the lead came to us (web, or a partner's registration).
    when: is(Lead.field('LeadSource'), 'in', ['Web', 'Partner Referral']),
  },
  signals: [
    fit('Tier_A', 'ICP tier A', 10, is(Lead.field('ICP_Tier__c'), 'eq', 'A')),
    fit('Tier_B', 'ICP tier B', 6, is(Lead.field('ICP_Tier__c'), 'eq', 'B')),
    fit('Tier_C', 'ICP tier C', 2, is(Lead.field('ICP_Tier__c'), 'eq', 'C')),
    fit(
      'ICP_Industry',
      'ICP industry',
      15,
      is(Lead.field('Industry'), 'in', ['Technology', 'Finance', 'Healthcare', 'Manufacturing']),
    ),
    fit(
      'Size_Sweet_Spot',
      'Company size in the sweet spot',
      10,
      all(is(Lead.field('NumberOfEmployees'), 'gte', 200), is(Lead.field('NumberOfEmployees'), 'lte', 5000)),
    ),
    fit(
      'Decision_Maker',
      'Decision-maker title',
      10,
      is(Lead.field('Title'), 'containsAny', ['Chief', 'VP', 'Vice President', 'Director', 'Head of']),
    ),
    fit(
      'Target_Geography',
      'Target geography',
      5,
      is('Country', 'in', [
        'United States',
        'Canada',
        'United Kingdom',
        'Germany',
        'France',
        'Netherlands',
        'Australia',
      ]),
    ),
    scoreSignal('Pricing_Page', {
      label: 'Visited the pricing page',
      category: 'Engagement',
      points: 15,
      when: is(Lead.field('Pricing_Page_Visited_At__c'), 'notBlank'),
      decay: { field: Lead.field('Pricing_Page_Visited_At__c'), afterDays: 14, perWeek: 5 },
    }),
    engagement(
      'Content_Download',
      'Downloaded a whitepaper or ebook',
      10,
      is(Lead.field('Content_Downloads__c'), 'gte', 1),
    ),
    engagement('Webinar', 'Attended a webinar', 12, is(Lead.field('Webinars_Attended__c'), 'gte', 1)),
    engagement('Demo_Request', 'Requested a demo', 25, is(Lead.field('Demo_Requested__c'), 'eq', true)),
    engagement('Email_Engaged', 'Opened 3+ emails in 7 days', 8, is(Lead.field('Email_Opens_7d__c'), 'gte', 3)),
    engagement('Deep_Session', 'Visited 5+ pages in a session', 10, is(Lead.field('Pages_Last_Session__c'), 'gte', 5)),
    engagement('Returning_Visitor', 'Returned within 7 days', 8, is(Lead.field('Returned_Within_7d__c'), 'eq', true)),
    engagement('Chatbot', 'Engaged with the chatbot', 5, is(Lead.field('Chatbot_Engaged__c'), 'eq', true)),
    negative('Competitor_Domain', 'Competitor domain', -100, is(Lead.field('Email'), 'domainIn', COMPETITOR_DOMAINS)),
    negative(
      'Student_Email',
      'Student or .edu email',
      -30,
      is(Lead.field('Email'), 'domainIn', ['edu', 'ac.uk', 'edu.au']),
    ),
    negative('Unsubscribed', 'Unsubscribed from emails', -20, is(Lead.field('HasOptedOutOfEmail'), 'eq', true)),
    negative(
      'Inactive_30_Days',
      'No activity in 30 days',
      -15,
      not(is(Lead.field('Last_Engaged_At__c'), 'withinDays', 30)),
    ),
  ],
  disqualifiers: [
    disqualifier('Competitor', {
      label: 'Competitor',
      reason: 'Competitor',
      when: is(Lead.field('Email'), 'domainIn', COMPETITOR_DOMAINS),
    }),
    disqualifier('Banned_Geo', {
      label: 'Banned geography',
      reason: 'Banned Geo',
      when: is('Country', 'in', BANNED_COUNTRIES),
    }),
    disqualifier('Low_Data_Volume', {
      label: 'Low data volume',
      reason: 'Low Data Volume',
      // Under ten people there is not the data volume the product needs (001 Epic 2's example).
      when: is(Lead.field('NumberOfEmployees'), 'lt', 10),
    }),
  ],
};

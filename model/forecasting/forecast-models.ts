/**
 * The alternative forecast models of blueprint 003, side by side on every deal so that one report
 * can sum them and the accuracy snapshots can score them against the same actuals:
 *
 * - stage-weighted: ARR × stage probability (Opportunity.Weighted_ARR__c, already in the model);
 * - historical win rate: ARR × the stage's historical stage-to-close rate (Win_Rate_ARR__c);
 * - category (003 "bottoms-up"): Commit + 50 % of Best Case + 15 % of Pipeline (Category_ARR__c).
 */
import { formula } from '../../scripts/dsl/index.ts';

/**
 * Trailing four-quarter stage-to-close win rates (share of deals that reached the stage and then
 * closed won). Blueprint 003 benchmarks opportunity → won at 20-30 %; RevOps refreshes these at
 * the quarterly forecast postmortem (000 §5), which is a model change like any other.
 */
export const STAGE_WIN_RATES: Readonly<Record<string, number>> = {
  Discovery: 0.12,
  'Value Demo': 0.2,
  Validation: 0.35,
  'Business Case': 0.5,
  Commercials: 0.75,
  'Closed Won': 1,
};

/** Blueprint 003: Rep forecast = Committed + (Best case × 0.5) + (Pipeline × 0.15). */
export const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  Closed: 1,
  Commit: 1,
  'Best Case': 0.5,
  Pipeline: 0.15,
};

const caseOf = (expr: string, weights: Readonly<Record<string, number>>) =>
  `CASE(${expr}, ${Object.entries(weights)
    .map(([k, v]) => `"${k}", ${v}`)
    .join(', ')}, 0)`;

export const winRateFormula = `ARR__c * ${caseOf('TEXT(StageName)', STAGE_WIN_RATES)}`;
export const categoryFormula = `ARR__c * ${caseOf('TEXT(ForecastCategoryName)', CATEGORY_WEIGHTS)}`;

/** Opportunity fields of the forecast models and the segment the coverage reports group by. */
export const forecastModelFields = {
  Win_Rate_ARR__c: formula('Currency', winRateFormula, {
    label: 'Win-Rate ARR',
    description: "ARR × the stage's historical stage-to-close win rate (blueprint 003).",
  }),
  Category_ARR__c: formula('Currency', categoryFormula, {
    label: 'Category-Weighted ARR',
    description: 'ARR weighted by forecast category: Commit 100 %, Best Case 50 %, Pipeline 15 % (blueprint 003).',
  }),
  // Reports group by these: a report type names base-object fields, and the owner's name and
  // manager are what the hygiene and forecast views are cut by.
  Owner_Name__c: formula('Text', 'Owner.FirstName & " " & Owner.LastName', {
    label: 'Owner Name',
    description: 'The rep who owns the deal, for reports by rep.',
    blanks: 'blank',
  }),
  Owner_Manager__c: formula('Text', 'TRIM(Owner.Manager.FirstName & " " & Owner.Manager.LastName)', {
    label: 'Owner Manager',
    description: "The owner's manager, for reports by manager (the manager hierarchy).",
    blanks: 'blank',
  }),
  Account_Segment__c: formula('Text', 'TEXT(Account.Segment__c)', {
    label: 'Segment',
    description: "The account's segment, for coverage and conversion by segment.",
    blanks: 'blank',
  }),
};

/**
 * Renewal windows of blueprint 000 §4 / §7 (renewal opportunities at 180/120/90 days): the
 * renewals report groups contracts by how close their end date is.
 */
export const renewalFields = {
  Renewal_Window__c: formula(
    'Text',
    'IF(ISBLANK(EndDate), NULL, IF(EndDate - TODAY() <= 90, "0-90 days", IF(EndDate - TODAY() <= 120, "91-120 days", IF(EndDate - TODAY() <= 180, "121-180 days", "Later"))))',
    {
      label: 'Renewal Window',
      description: 'Days to the contract end: 0-90, 91-120, 121-180 or later.',
      blanks: 'blank',
    },
  ),
};

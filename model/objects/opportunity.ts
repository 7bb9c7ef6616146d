import {
  checkbox,
  currency,
  date,
  formula,
  fromValueSet,
  longText,
  lookup,
  number,
  percent,
  picklist,
  standardObject,
  text,
  url,
} from '../../scripts/dsl/index.ts';
import {
  AdvanceReason,
  Competitor,
  ForecastOverrideReason,
  LossReason,
  RegressionReason,
  SlipReason,
  WinReason,
} from '../governance/reason-codes.ts';
import { bypassStamp, externalId } from './shared.ts';
import { dealRiskFields } from '../forecasting/deal-risk.ts';
import { forecastModelFields } from '../forecasting/forecast-models.ts';

/** `{Family}:{Package}:{Metric}`, e.g. `Platform:Enterprise:Seat` (blueprint 000 §1). */
export const SKU_PATTERN = '[A-Z][A-Za-z0-9]*:[A-Z][A-Za-z0-9]*:[A-Z][A-Za-z0-9]*';

/**
 * The open stages and the field that holds the day a deal last entered each (blueprint 002:
 * "stage entry dates (all stages)" for velocity and time in stage). Stamped by automation.
 */
export const STAGE_ENTRY_FIELDS = {
  Discovery: 'Discovery_Entered_On__c',
  'Value Demo': 'Value_Demo_Entered_On__c',
  Validation: 'Validation_Entered_On__c',
  'Business Case': 'Business_Case_Entered_On__c',
  Commercials: 'Commercials_Entered_On__c',
} as const;

const stageEntered = (stage: string) =>
  date({
    label: `${stage} Entered On`,
    help: `The day the deal last entered ${stage}. Set by automation.`,
  });

/**
 * Blueprint 002's forecast categories: Upside is a deal below 20% confidence, which Salesforce
 * (whose categories have no Upside) forecasts as Pipeline. Probability follows the stage.
 */
const FORECAST_CATEGORY_FORMULA =
  'IF(AND(ISPICKVAL(ForecastCategoryName, "Pipeline"), Probability < 0.2), "Upside", TEXT(ForecastCategoryName))';

/** A customer decision process with a buying committee and a budget path (blueprint 000 §1). */
export const Opportunity = standardObject('Opportunity', {
  locked: true,
  // Reps edit their own deals; managers, sales engineers and the deal desk reach others' through
  // sharing rules (model/security/sharing.ts), Sales Ops through Transfer Record.
  sharingModel: 'Read',
  standardFields: {
    StageName: { trackHistory: true },
    Amount: { trackHistory: true },
    CloseDate: { trackHistory: true },
    OwnerId: { trackHistory: true },
    NextStep: { trackHistory: true, help: 'The next concrete action agreed with the customer.' },
    ForecastCategoryName: { trackHistory: true },
  },
  fields: {
    // Stage evidence and MEDDICC-lite
    Problem_Statement__c: longText({
      label: 'Problem Statement',
      help: "The identified pain: the customer's problem, in their words.",
      visibleLines: 4,
    }),
    Metrics__c: longText({
      label: 'Metrics',
      help: 'The quantified business result the customer expects.',
      visibleLines: 3,
    }),
    Economic_Buyer__c: lookup('Contact', { label: 'Economic Buyer', relationshipName: 'Economic_Buyer_Opportunities' }),
    Champion__c: lookup('Contact', { label: 'Champion', relationshipName: 'Championed_Opportunities' }),
    Decision_Criteria__c: longText({
      label: 'Decision Criteria',
      help: 'How the customer will choose: technical, business and commercial criteria.',
      visibleLines: 3,
    }),
    Decision_Process__c: longText({
      label: 'Decision Process',
      help: 'Steps, people and dates to a signed decision.',
      visibleLines: 3,
    }),
    Competition__c: text({ label: 'Competition', help: 'Who else is in the deal, including "do nothing".' }),
    Risks__c: longText({
      label: 'Risks',
      help: 'What could stop or delay the deal (legal, security, budget, competition), or "none known".',
      visibleLines: 3,
    }),
    Primary_Competitor__c: picklist({
      label: 'Primary Competitor',
      values: fromValueSet(Competitor.name),
      trackHistory: true,
    }),
    Mutual_Action_Plan_Url__c: url({
      label: 'Mutual Action Plan',
      help: 'Link to the mutual action plan agreed with the customer.',
    }),
    Tech_Validation_Complete__c: checkbox({ label: 'Technical Validation Complete', trackHistory: true }),
    Security_Review_Complete__c: checkbox({ label: 'Security Review Complete', trackHistory: true }),
    Business_Case_Url__c: url({ label: 'Business Case' }),
    Paper_Process__c: picklist({
      label: 'Paper Process',
      values: ['Our MSA', 'Customer Paper', 'Order Form Only', 'Procurement Portal'],
      trackHistory: true,
    }),
    Procurement_Path__c: picklist({
      label: 'Procurement Path',
      values: ['Direct', 'Reseller', 'Marketplace', 'Procurement Portal'],
    }),
    // Commercial terms captured at signature
    Contract_Id__c: text({
      label: 'CLM Contract ID',
      length: 40,
      help: 'The signed contract ID shared with the CLM system.',
    }),
    Signed_Contract__c: lookup('Contract', {
      label: 'Signed Contract',
      relationshipName: 'Won_Opportunities',
      help: 'The Contract record of the signed contract: its CLM contract ID is the one on the deal.',
    }),
    Contract_Start_Date__c: date({ label: 'Contract Start Date' }),
    ARR__c: currency({ label: 'ARR', trackHistory: true }),
    Term_Months__c: number({ label: 'Term (Months)', precision: 3, scale: 0 }),
    Seats__c: number({ label: 'Seats', precision: 7, scale: 0 }),
    Primary_SKU__c: text({
      label: 'Primary SKU',
      length: 80,
      help: 'Family:Package:Metric, e.g. Platform:Enterprise:Seat.',
    }),
    Discount_Percent__c: percent({ label: 'Discount', precision: 5, scale: 2, trackHistory: true }),
    Discount_Approval_Status__c: picklist({
      label: 'Discount Approval Status',
      values: ['Not Required', 'Pending', 'Approved', 'Rejected'],
      trackHistory: true,
      help: 'Deal desk decision on a discount above the segment ladder. Set by Finance.',
    }),
    Weighted_ARR__c: formula('Currency', 'ARR__c * Probability', {
      label: 'Weighted ARR',
      description: 'ARR weighted by stage probability.',
    }),
    // Hygiene
    Next_Step_Date__c: date({ label: 'Next Step Date', trackHistory: true }),
    First_Meeting_Date__c: date({
      label: 'First Meeting Date',
      help: 'The first meeting with the AE, booked by the SDR before conversion; carried over from the lead.',
    }),
    Stage_Entered_On__c: date({
      label: 'Stage Entered On',
      help: 'The day the deal entered its current stage; stage-aging timers count from it. Set by automation.',
    }),
    Last_Activity_On__c: date({
      label: 'Last Activity On',
      help: 'The latest customer activity logged from outside Salesforce (engagement tools, seed data); the lifecycle jobs also read LastActivityDate.',
    }),
    Renewal_Key__c: text({
      label: 'Renewal Key',
      length: 80,
      unique: true,
      externalId: true,
      help: 'On a renewal deal: the contract it renews. One renewal per contract. Set by automation.',
    }),
    Slip_Reason__c: picklist({ label: 'Slip Reason', values: fromValueSet(SlipReason.name) }),
    Push_Count__c: number({
      label: 'Push Count',
      precision: 3,
      scale: 0,
      help: 'How many times the close date moved later.',
    }),
    Last_Slip_Date__c: date({ label: 'Last Slip Date' }),
    Stage_Regression_Reason__c: picklist({
      label: 'Stage Regression Reason',
      values: fromValueSet(RegressionReason.name),
      trackHistory: true,
      help: 'Why the deal moved back to an earlier stage, or out of Closed Won. Choose it with each move.',
    }),
    Stage_Advance_Reason__c: picklist({
      label: 'Stage Advance Reason',
      values: fromValueSet(AdvanceReason.name),
      help: 'Why the deal skipped a stage. Choose it with each move that skips one.',
    }),
    Loss_Reason__c: picklist({ label: 'Loss Reason', values: fromValueSet(LossReason.name), trackHistory: true }),
    Win_Reason__c: picklist({ label: 'Win Reason', values: fromValueSet(WinReason.name) }),
    // Forecast: the stage sets the category; a sales manager may override it, with a reason.
    Forecast_Override_Reason__c: picklist({
      label: 'Forecast Override Reason',
      values: fromValueSet(ForecastOverrideReason.name),
      trackHistory: true,
      help: "Why a sales manager put the deal in another forecast category than its stage's. Choose it with each override.",
    }),
    Forecast_Category__c: formula('Text', FORECAST_CATEGORY_FORMULA, {
      label: 'Forecast Category (Blueprint)',
      description:
        "The forecast category in blueprint 002's terms: Upside for an early-stage deal Salesforce forecasts as Pipeline, otherwise the deal's Forecast Category.",
      blanks: 'blank',
    }),
    // Velocity and time in stage
    Discovery_Entered_On__c: stageEntered('Discovery'),
    Value_Demo_Entered_On__c: stageEntered('Value Demo'),
    Validation_Entered_On__c: stageEntered('Validation'),
    Business_Case_Entered_On__c: stageEntered('Business Case'),
    Commercials_Entered_On__c: stageEntered('Commercials'),
    // Attribution snapshot carried over from the lead
    Lead_Source_Original__c: text({ label: 'Original Lead Source', length: 80, locked: true }),
    Last_Governance_Bypass__c: bypassStamp(),
    External_Id__c: externalId(),
    // Deal risk and the forecast models (model/forecasting)
    ...dealRiskFields,
    ...forecastModelFields,
  },
});

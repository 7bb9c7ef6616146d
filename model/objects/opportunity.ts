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
import { Competitor, LossReason, SlipReason } from '../governance/reason-codes.ts';
import { externalId } from './shared.ts';
import { dealRiskFields } from '../forecasting/deal-risk.ts';
import { forecastModelFields } from '../forecasting/forecast-models.ts';

/** `{Family}:{Package}:{Metric}`, e.g. `Platform:Enterprise:Seat` (blueprint 000 §1). */
export const SKU_PATTERN = '[A-Z][A-Za-z0-9]*:[A-Z][A-Za-z0-9]*:[A-Z][A-Za-z0-9]*';

/** A customer decision process with a buying committee and a budget path (blueprint 000 §1). */
export const Opportunity = standardObject('Opportunity', {
  locked: true,
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
    Slip_Reason__c: picklist({ label: 'Slip Reason', values: fromValueSet(SlipReason.name) }),
    Push_Count__c: number({
      label: 'Push Count',
      precision: 3,
      scale: 0,
      help: 'How many times the close date moved later.',
    }),
    Last_Slip_Date__c: date({ label: 'Last Slip Date' }),
    Stage_Regression_Reason__c: text({
      label: 'Stage Regression Reason',
      help: 'Why the deal moved back to an earlier stage.',
    }),
    Loss_Reason__c: picklist({ label: 'Loss Reason', values: fromValueSet(LossReason.name), trackHistory: true }),
    // Attribution snapshot carried over from the lead
    Lead_Source_Original__c: text({ label: 'Original Lead Source', length: 80, locked: true }),
    External_Id__c: externalId(),
    // Deal risk and the forecast models (model/forecasting)
    ...dealRiskFields,
    ...forecastModelFields,
  },
});

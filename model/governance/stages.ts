import { closedLost, closedWon, defineStages, required, stage } from '../../scripts/dsl/index.ts';
import { Opportunity as Opp } from '../objects/opportunity.ts';
import { GovernanceBypass } from './permissions.ts';

/**
 * The five-step sales process of the blueprint (001 §Epic 3): Discovery → Value Demo →
 * Validation (tech + security) → Business Case → Commercials. A deal leaves a stage only when
 * that stage's exit criteria are met, and keeps that evidence while it is beyond the stage; the
 * same definition generates the validation rules, the rep's stage-gate checklist and Path.
 *
 * Probabilities are blueprint 004's (10/25/50/75/90); forecast categories follow blueprint 002's
 * confidence bands (Upside below 20%, Pipeline 20-59%, Best Case 60-89%, Commit 90%+). MEDDICC is
 * gated where the blueprints name it: economic buyer and quantified pain before leaving discovery
 * (001 Epic 2), decision criteria and process with the champion (004's qualification stage), risks
 * and paper process before commercials (000 §2). Enterprise deals also need the security review
 * and a written business case (000 §2: criteria per segment; 004: sales-led enterprise motion).
 */
export const opportunityStages = defineStages(
  [
    stage('Discovery', {
      probability: 10,
      forecast: 'Upside',
      guidance: 'Confirm the problem, quantify it, and find who owns the budget.',
      exit: [
        required(Opp.field('Problem_Statement__c'), "Describe the customer's problem in their words."),
        required(Opp.field('Metrics__c'), 'Quantify the pain: the business result the customer expects (Metrics).'),
        required(Opp.field('Economic_Buyer__c'), 'Name the economic buyer who owns the budget.'),
        required(Opp.field('Amount'), 'Enter the estimated deal size (Amount).'),
      ],
    }),
    stage('Value Demo', {
      probability: 25,
      forecast: 'Pipeline',
      guidance: 'Show value against the problem, win a champion and learn how the customer decides.',
      exit: [
        required(Opp.field('Champion__c'), 'Name the champion who will sell internally.'),
        required(Opp.field('Mutual_Action_Plan_Url__c'), 'Link the mutual action plan agreed with the customer.'),
        required(Opp.field('Decision_Criteria__c'), 'Write down how the customer will choose (Decision Criteria).'),
        required(Opp.field('Decision_Process__c'), 'Write down the steps, people and dates to a signed decision.'),
      ],
    }),
    stage('Validation', {
      probability: 50,
      forecast: 'Pipeline',
      guidance: 'Run the technical and security validation in parallel.',
      exit: [
        required(
          Opp.field('Tech_Validation_Complete__c'),
          'Tick Technical Validation Complete once the checklist is signed off.',
        ),
        required(
          Opp.field('Security_Review_Complete__c'),
          'Tick Security Review Complete once security has signed off.',
          { segments: ['ENT'] },
        ),
      ],
    }),
    stage('Business Case', {
      probability: 75,
      forecast: 'Best Case',
      guidance: 'Quantify the value with the economic buyer, agree how the paper will flow and name the risks.',
      exit: [
        required(Opp.field('Business_Case_Url__c'), 'Link the business case the economic buyer reviewed.', {
          segments: ['ENT'],
        }),
        required(Opp.field('Paper_Process__c'), 'Choose the paper process (whose contract, which portal).'),
        required(Opp.field('Risks__c'), 'List the risks to the deal (or "none known").'),
      ],
    }),
    stage('Commercials', {
      probability: 90,
      forecast: 'Commit',
      guidance: 'Negotiate terms; everything needed to bill must be on the deal before it closes.',
      exit: [
        required(Opp.field('Contract_Id__c'), 'Enter the signed contract ID from the CLM system.'),
        required(Opp.field('Signed_Contract__c'), 'Link the Contract record of the signed contract.'),
        required(Opp.field('Contract_Start_Date__c'), 'Enter the contract start date.'),
        required(Opp.field('ARR__c'), 'Enter the ARR of the signed contract.'),
        required(Opp.field('Term_Months__c'), 'Enter the contract term in months.'),
        required(Opp.field('Seats__c'), 'Enter the number of seats sold.'),
        required(Opp.field('Primary_SKU__c'), 'Enter the primary SKU as Family:Package:Metric.'),
        required(Opp.field('Procurement_Path__c'), 'Choose how the customer buys (Procurement Path).'),
        required(Opp.field('Discount_Percent__c'), 'Enter the discount applied (0 if none).'),
      ],
      // Path shows 5 key fields; the stage-gate checklist lists every criterion.
      pathFields: [
        Opp.field('Signed_Contract__c'),
        Opp.field('ARR__c'),
        Opp.field('Term_Months__c'),
        Opp.field('Procurement_Path__c'),
        Opp.field('Discount_Percent__c'),
      ],
    }),
    closedWon(),
    closedLost('Closed Lost'),
    closedLost('Closed No Decision'),
  ],
  { bypassPermission: GovernanceBypass.name, segmentField: 'Account.Segment__c', locked: true },
);

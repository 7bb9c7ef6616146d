import { closedLost, closedWon, defineStages, required, stage } from '../../scripts/dsl/index.ts';
import { Opportunity as Opp } from '../objects/opportunity.ts';
import { GovernanceBypass } from './permissions.ts';

/**
 * The five-step sales process of the blueprint (001 §Epic 3): Discovery → Value Demo →
 * Validation (tech + security) → Business Case → Commercials. A deal leaves a stage only when
 * that stage's exit criteria are met; the same definition generates the validation rules, the
 * rep's stage-gate checklist and Path.
 */
export const opportunityStages = defineStages(
  [
    stage('Discovery', {
      probability: 10,
      forecast: 'Pipeline',
      guidance: 'Confirm the problem and who owns the budget.',
      exit: [
        required(Opp.field('Problem_Statement__c'), "Describe the customer's problem in their words."),
        required(Opp.field('Economic_Buyer__c'), 'Name the economic buyer who owns the budget.'),
      ],
    }),
    stage('Value Demo', {
      probability: 25,
      forecast: 'Pipeline',
      guidance: 'Show value against the problem and win a champion.',
      exit: [
        required(Opp.field('Champion__c'), 'Name the champion who will sell internally.'),
        required(Opp.field('Mutual_Action_Plan_Url__c'), 'Link the mutual action plan agreed with the customer.'),
      ],
    }),
    stage('Validation', {
      probability: 50,
      forecast: 'Best Case',
      guidance: 'Run the technical and security validation in parallel.',
      exit: [
        required(
          Opp.field('Tech_Validation_Complete__c'),
          'Tick Technical Validation Complete once the checklist is signed off.',
        ),
        required(
          Opp.field('Security_Review_Complete__c'),
          'Tick Security Review Complete once security has signed off.',
        ),
      ],
    }),
    stage('Business Case', {
      probability: 70,
      forecast: 'Best Case',
      guidance: 'Quantify the value with the economic buyer and agree how the paper will flow.',
      exit: [
        required(Opp.field('Business_Case_Url__c'), 'Link the business case the economic buyer reviewed.'),
        required(Opp.field('Paper_Process__c'), 'Choose the paper process (whose contract, which portal).'),
      ],
    }),
    stage('Commercials', {
      probability: 90,
      forecast: 'Commit',
      guidance: 'Negotiate terms; everything needed to bill must be on the deal before it closes.',
      exit: [
        required(Opp.field('Contract_Id__c'), 'Enter the signed contract ID from the CLM system.'),
        required(Opp.field('Contract_Start_Date__c'), 'Enter the contract start date.'),
        required(Opp.field('ARR__c'), 'Enter the ARR of the signed contract.'),
        required(Opp.field('Term_Months__c'), 'Enter the contract term in months.'),
        required(Opp.field('Seats__c'), 'Enter the number of seats sold.'),
        required(Opp.field('Primary_SKU__c'), 'Enter the primary SKU as Family:Package:Metric.'),
      ],
      // Path shows 5 key fields; Seats stays on the stage-gate checklist, which lists every criterion.
      pathFields: [
        Opp.field('Contract_Id__c'),
        Opp.field('Contract_Start_Date__c'),
        Opp.field('ARR__c'),
        Opp.field('Term_Months__c'),
        Opp.field('Primary_SKU__c'),
      ],
    }),
    closedWon(),
    closedLost('Closed Lost'),
    closedLost('Closed No Decision'),
  ],
  { bypassPermission: GovernanceBypass.name, locked: true },
);

/** Shared fixtures for the formula tests: a schema with the field types the tests need. */
import {
  evaluate,
  evaluateValue,
  schemaFrom,
  FormulaError,
  type EvaluateOptions,
  type PresentedValue,
} from '../index.ts';
import type { EvalContext } from '../runtime.ts';

export const schema = schemaFrom({
  objects: {
    Opportunity: [
      { name: 'Discount_Percent__c', type: 'percent', precision: 5, scale: 2 },
      { name: 'ARR__c', type: 'currency', precision: 18, scale: 2 },
      { name: 'Term_Months__c', type: 'double', precision: 3, scale: 0 },
      { name: 'Score__c', type: 'double', precision: 18, scale: 4 },
      { name: 'Champion__c', type: 'reference', referenceTo: ['Contact'] },
      { name: 'Economic_Buyer__c', type: 'reference', referenceTo: ['Contact'] },
      { name: 'Problem_Statement__c', type: 'textarea' },
      { name: 'Paper_Process__c', type: 'string' },
      { name: 'Business_Case_Url__c', type: 'url' },
      { name: 'Slip_Reason__c', type: 'picklist', picklistValues: ['Customer Delay', 'Legal', 'Budget'] },
      { name: 'Competitors__c', type: 'multipicklist', picklistValues: ['Acme', 'Globex', 'Initech'] },
      { name: 'Next_Step_Date__c', type: 'date' },
      { name: 'Signed_At__c', type: 'datetime' },
      { name: 'Call_Time__c', type: 'time' },
      { name: 'Is_Strategic__c', type: 'boolean' },
      { name: 'Region__c', type: 'string' },
    ],
    Account: [
      { name: 'Website_Domain__c', type: 'string' },
      { name: 'Tier__c', type: 'picklist', picklistValues: ['Tier 1', 'Tier 2'] },
    ],
    Exception__c: [
      { name: 'Opportunity__c', type: 'reference', referenceTo: ['Opportunity'] },
      { name: 'Expires_On__c', type: 'date' },
    ],
    Stage_Gate__mdt: [
      { name: 'Min_Amount__c', type: 'currency' },
      { name: 'Requires_Champion__c', type: 'boolean' },
      { name: 'Stage__c', type: 'string' },
    ],
  },
  picklists: { 'Opportunity.StageName': ['Discovery', 'Value Demo', 'Commercials', 'Closed Won', 'Closed Lost'] },
  customPermissions: ['Bypass_Stage_Gates', 'Approve_Discounts'],
  customMetadata: {
    Stage_Gate__mdt: {
      Commercials: { Min_Amount__c: 10000, Requires_Champion__c: true, Stage__c: 'Commercials' },
    },
  },
});

type Opts = Partial<EvaluateOptions> & EvalContext;

/** Evaluates a formula on Opportunity and returns the presented `{value, type}`. */
export function ev(formula: string, ctx: Opts = {}): PresentedValue {
  return evaluate(formula, { schema, object: 'Opportunity', ...ctx });
}

/** Just the value. */
export function val(formula: string, ctx: Opts = {}): unknown {
  return evaluateValue(formula, { schema, object: 'Opportunity', ...ctx });
}

/** The FormulaError a formula raises (check, compile or evaluation), or fails the test. */
export function errorOf(formula: string, ctx: Opts = {}): FormulaError {
  try {
    val(formula, ctx);
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  throw new Error(`expected a FormulaError for ${formula}`);
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

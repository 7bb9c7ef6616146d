/**
 * Supporting objects: records a dataset needs beside its business records (the SKU catalogue,
 * opportunity products, quotes and their lines, marketing touches). They are counted outside the
 * record target, so adding them never shrinks the accounts, leads and deals a scale stands for;
 * the manifest lists them with `"supporting": true` and its `records` counts the business records only.
 */
export const SUPPORTING_OBJECTS: ReadonlySet<string> = new Set([
  'Product2',
  'PricebookEntry',
  'OpportunityLineItem',
  'Quote',
  'QuoteLineItem',
  'Touch__c',
]);

export const isSupporting = (object: string): boolean => SUPPORTING_OBJECTS.has(object);

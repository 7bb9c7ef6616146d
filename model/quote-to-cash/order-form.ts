/**
 * The order form a customer signs (blueprint 000 §4, 001 Epic 4; issue 17 "an order form generated
 * from the quote"): one layout, read by both renderers so that they cannot drift —
 * `revops quote order-form` (offline, HTML and PDF from a dataset) and the Visualforce page the AE
 * opens from the quote in the org (PDF, saved to the quote as a QuoteDocument).
 *
 * Field paths start at Quote (or, for line columns, at QuoteLineItem) and follow lookups by their
 * relationship names, as a formula or SOQL does: `Opportunity.Account.Name`, `Product2.ProductCode`.
 * Every path must name fields the schema has (a model check), so the page deploys and the offline
 * form shows what the org's would. The types are the quote-to-cash family's (order-form.ts).
 */
import { orderFormLayout } from '../../scripts/dsl/index.ts';

export const orderForm = orderFormLayout({
  name: 'RevOps_Order_Form',
  title: 'Order Form',
  seller: { name: 'RevOps OS, Inc.', address: '100 Example Street, San Francisco, CA 94105, USA' },
  header: [
    { label: 'Quote', path: 'Name' },
    { label: 'Reference', path: 'External_Id__c' },
    { label: 'Valid until', path: 'ExpirationDate', format: 'date' },
  ],
  sections: [
    {
      title: 'Customer',
      fields: [
        { label: 'Customer', path: 'Opportunity.Account.Name' },
        { label: 'Signer', path: 'Contact.Name' },
        { label: 'Signer email', path: 'Contact.Email' },
      ],
    },
    {
      title: 'Commercial terms',
      fields: [
        { label: 'Standard terms', path: 'Standard_Terms__c' },
        { label: 'Term', path: 'Term_Months__c', format: 'months' },
        { label: 'Payment terms', path: 'Payment_Terms__c' },
        { label: 'Billing frequency', path: 'Billing_Frequency__c' },
        { label: 'Renewal', path: 'Renewal_Type__c' },
        { label: 'Renewal uplift', path: 'Uplift_Percent__c', format: 'percent' },
        { label: 'Uplift cap', path: 'Uplift_Cap_Percent__c', format: 'percent' },
      ],
    },
  ],
  lines: {
    title: 'Subscriptions',
    columns: [
      { label: 'Product', path: 'Product2.Name' },
      { label: 'SKU', path: 'Product2.ProductCode' },
      { label: 'Year', path: 'Contract_Year__c', format: 'number' },
      { label: 'From', path: 'ServiceDate', format: 'date' },
      { label: 'To', path: 'End_Date__c', format: 'date' },
      { label: 'Quantity', path: 'Quantity', format: 'number' },
      { label: 'Annual unit price', path: 'UnitPrice', format: 'currency' },
      { label: 'Amount', path: 'Prorated_Amount__c', format: 'currency' },
    ],
    orderBy: ['Contract_Year__c', 'Product2.ProductCode'],
    totalOf: 'Prorated_Amount__c',
  },
  specialTerms: { label: 'Special terms', path: 'Special_Terms__c' },
  governingClause:
    'This order form is governed by the standard terms named above, which the customer accepts by signing. Nothing else modifies them except the special terms printed here.',
  signature: { parties: ['Customer', 'RevOps OS, Inc.'], lines: ['Signature', 'Name', 'Title', 'Date'] },
});

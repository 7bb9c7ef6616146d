import { classificationTable, classify, personalData } from '../../scripts/dsl/index.ts';

/**
 * Data classification (blueprint 000 §9): every field of the model, by its object's default or
 * its own entry. A default is used only where the object's fields honestly share one class; PII
 * is always classified field by field, with the purpose it is held for, and a retention rule in
 * model/compliance/retention.ts must remove it. validateModel fails on a field missing here.
 *
 * Sensitivity: Public < Internal < Confidential < Restricted < MissionCritical. Lead and Contact
 * fields describe a person, so even their non-identifying fields are personal data under GDPR/CCPA.
 */
const internal = classify('Internal');
const confidential = classify('Confidential');
const aboutAPerson = classify('Internal', { compliance: ['GDPR', 'CCPA'] });
const contactPurpose = 'Reaching the person about the sale they are part of (legitimate interest).';

export const dataClassification = classificationTable({
  defaults: {
    // Firmographics and go-to-market planning
    Account: internal,
    Campaign: internal,
    // About a person (marketing and sales engagement)
    Lead: aboutAPerson,
    Contact: aboutAPerson,
    Touch__c: aboutAPerson,
    // Commercial terms, pricing and forecasts
    Opportunity: confidential,
    Contract: confidential,
    Deal_Exception__c: confidential,
    Concession__c: confidential,
    Commitment__c: confidential,
    Forecast_Period__c: confidential,
    Forecast_Quota__c: confidential,
    Forecast_Submission__c: confidential,
    Forecast_Snapshot__c: confidential,
    // Quote to cash: the price list, what deals sell at what price, and the checks before close
    Product2: confidential,
    PricebookEntry: confidential,
    OpportunityLineItem: confidential,
    Q2C_Failure__c: confidential,
    Quote: confidential,
    QuoteLineItem: confidential,
    // Operational records of the RevOps machinery
    Handoff_Packet__c: internal,
    POC__c: internal,
    Lifecycle_Action__c: internal,
    Routing_Pool_Member__c: internal,
    Routing_Decision__c: internal,
    SLA_Clock__c: internal,
    Reassignment_Request__c: internal,
    User: internal,
    // Audit logs: who did what, kept seven years
    Audit_Event__c: confidential,
    // The council's risk register: open risks and decisions on them
    GTM_Risk__c: confidential,
  },
  fields: {
    'Lead.FirstName': personalData(contactPurpose),
    'Lead.LastName': personalData(contactPurpose),
    'Lead.Email': personalData(contactPurpose),
    'Lead.Phone': personalData(contactPurpose),
    'Contact.FirstName': personalData(contactPurpose),
    'Contact.LastName': personalData(contactPurpose),
    'Contact.Email': personalData(contactPurpose),
    'Contact.Phone': personalData(contactPurpose),
    'Account.Billing_Account_Id__c': classify('Confidential'),
    'Account.Website_Domain__c': classify('Public'),
    'Account.Name': classify('Public'),
  },
});

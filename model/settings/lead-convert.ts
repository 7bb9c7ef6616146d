import { leadConvertMapping, maps } from '../../scripts/dsl/index.ts';
import { Account } from '../objects/account.ts';
import { Contact } from '../objects/contact.ts';
import { Lead } from '../objects/lead.ts';
import { Opportunity } from '../objects/opportunity.ts';

/** The lead-source snapshot survives conversion (blueprint 001: immutable snapshots). */
export const leadConvert = leadConvertMapping({
  mappings: [
    maps(Lead.field('Segment__c'), Account.field('Segment__c')),
    maps(Lead.field('Lead_Source_Original__c'), Contact.field('Original_Source__c')),
    maps(Lead.field('Lead_Source_Original__c'), Opportunity.field('Lead_Source_Original__c')),
    maps(Lead.field('Persona__c'), Contact.field('Persona__c')),
    maps(Lead.field('Most_Recent_Source__c'), Contact.field('Most_Recent_Source__c')),
    // The deal starts from the meeting the SDR booked (model/automation/converted-deal.ts).
    maps(Lead.field('First_Meeting_Date__c'), Opportunity.field('First_Meeting_Date__c')),
  ],
  allowOwnerChange: true,
  opportunityCreation: 'VisibleOptional',
});

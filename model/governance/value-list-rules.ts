import { allowedValues } from '../../scripts/dsl/index.ts';
import { Account } from '../objects/account.ts';
import { Contact } from '../objects/contact.ts';
import { PERSONAS, SEGMENTS } from '../objects/shared.ts';
import { GovernanceBypass } from './permissions.ts';

/**
 * Lead conversion maps Lead.Segment__c and Lead.Persona__c onto these fields, and Salesforce maps
 * onto unrestricted picklists only: these rules keep the values as clean as the restriction did.
 */
export const valueListRules = [
  allowedValues(Account.field('Segment__c'), {
    name: 'Account_Segment_Known',
    label: 'Segment',
    values: SEGMENTS,
    bypass: GovernanceBypass.name,
    locked: true,
  }),
  allowedValues(Contact.field('Persona__c'), {
    name: 'Contact_Persona_Known',
    label: 'Persona',
    values: PERSONAS,
    bypass: GovernanceBypass.name,
    locked: true,
  }),
];

import { duplicateRule, exact, fuzzy, matchingRule } from '../../scripts/dsl/index.ts';
import { Account } from '../objects/account.ts';
import { Contact } from '../objects/contact.ts';
import { Lead } from '../objects/lead.ts';

/** Salesforce has no domain matching method: the normalised Website_Domain__c is matched Exact. */
export const accountDomainMatch = matchingRule(Account, 'Account_Domain_Match', {
  label: 'Account: same domain',
  description: 'Two accounts with the same normalised website domain are the same company.',
  items: [exact(Account.field('Website_Domain__c'))],
});

export const accountNameMatch = matchingRule(Account, 'Account_Name_Match', {
  label: 'Account: similar company name',
  description: 'Fuzzy company-name match, the guardrail for accounts without a domain.',
  items: [fuzzy(Account.field('Name'), 'CompanyName')],
});

export const contactEmailMatch = matchingRule(Contact, 'Contact_Email_Match', {
  label: 'Contact: same email',
  description: 'Two contacts with the same email are the same person.',
  items: [exact(Contact.field('Email'))],
});

export const leadEmailMatch = matchingRule(Lead, 'Lead_Email_Match', {
  label: 'Lead: same email',
  description: 'Two leads with the same email are the same person.',
  items: [exact(Lead.field('Email'))],
});

/** Domain-level dedupe on accounts blocks (blueprint 000 §1); fuzzy and email matches warn and report. */
export const duplicateRules = [
  duplicateRule(Account, 'Account_Domain_Duplicates', {
    label: 'Account: block duplicate domains',
    description: 'Blueprint 000 §1: domain-level dedupe on accounts.',
    onCreate: 'Block',
    onEdit: 'Block',
    alertText: 'An account with this website domain already exists. Use the existing account.',
    matchingRules: [accountDomainMatch],
    order: 1,
  }),
  duplicateRule(Account, 'Account_Name_Duplicates', {
    label: 'Account: warn on similar names',
    description: 'Fuzzy-match guardrail: warns and reports, does not block.',
    onCreate: 'Alert',
    onEdit: 'Alert',
    alertText: 'An account with a similar name exists. Check before creating another.',
    matchingRules: [accountNameMatch],
    order: 2,
  }),
  duplicateRule(Contact, 'Contact_Email_Duplicates', {
    label: 'Contact: warn on duplicate email',
    description: 'Email dedupe on contacts; alerts and reports so merges are deliberate.',
    onCreate: 'Alert',
    onEdit: 'Alert',
    alertText: 'A contact with this email already exists. Use or merge the existing contact.',
    matchingRules: [contactEmailMatch],
    order: 1,
  }),
  duplicateRule(Lead, 'Lead_Email_Duplicates', {
    label: 'Lead: warn on duplicate email',
    description: 'Email dedupe on leads; alerts and reports.',
    onCreate: 'Alert',
    onEdit: 'Alert',
    alertText: 'A lead with this email already exists. Work the existing lead.',
    matchingRules: [leadEmailMatch],
    order: 1,
  }),
];

export const matchingRules = [accountDomainMatch, accountNameMatch, contactEmailMatch, leadEmailMatch];

import { duplicateRule, exact, fuzzy, matchingRule } from '../../scripts/dsl/index.ts';
import { Account } from '../objects/account.ts';

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

export const accountDomainDuplicates = duplicateRule(Account, 'Account_Domain_Duplicates', {
  label: 'Account: block duplicate domains',
  description: 'Blueprint §1: domain-level dedupe on accounts.',
  onCreate: 'Block',
  onEdit: 'Block',
  alertText: 'An account with this website domain already exists. Use the existing account.',
  matchingRules: [accountDomainMatch],
  order: 1,
});

export const accountNameDuplicates = duplicateRule(Account, 'Account_Name_Duplicates', {
  label: 'Account: warn on similar names',
  description: 'Fuzzy-match guardrail: warns and reports, does not block.',
  onCreate: 'Alert',
  onEdit: 'Alert',
  alertText: 'An account with a similar name exists. Check before creating another.',
  matchingRules: [accountNameMatch],
  order: 2,
});

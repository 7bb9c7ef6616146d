import { validationRule, withinRange } from '../../scripts/dsl/index.ts';
import { Account } from '../objects/account.ts';
import { Campaign } from '../objects/campaign.ts';
import { GovernanceBypass, notBypassed } from './permissions.ts';

/** The dedupe key must be a bare, lower-case domain, or matching on it finds nothing (blueprint 000 §1). */
export const domainNormalised = validationRule(Account, 'Website_Domain_Normalised', {
  formula: `AND(
    ${notBypassed},
    NOT(ISBLANK(Website_Domain__c)),
    OR(
        NOT(REGEX(Website_Domain__c, "[a-z0-9-]+(\\\\.[a-z0-9-]+)+")),
        BEGINS(Website_Domain__c, "www.")
    )
)`,
  message: 'Write the website domain bare and in lower case, like acme.com (no https://, no www., no path).',
  errorField: Account.field('Website_Domain__c'),
  locked: true,
});

/** A subsidiary cannot be its own parent's parent's... at least not its own parent. */
export const notOwnParent = validationRule(Account, 'Account_Not_Own_Parent', {
  formula: `AND(\n    NOT(ISBLANK(ParentId)),\n    ParentId = Id\n)`,
  message: 'An account cannot be its own parent.',
  errorField: Account.field('ParentId'),
  locked: true,
});

/** Campaigns follow `{Channel}-{Theme}-{Quarter}-{Audience}` (blueprint 000 §1). */
export const campaignNaming = validationRule(Campaign, 'Campaign_Naming_Convention', {
  formula: `AND(
    ${notBypassed},
    OR(ISNEW(), ISCHANGED(Name)),
    NOT(REGEX(Name, "[A-Za-z]+-[A-Za-z0-9]+-(FY[0-9]{2})?Q[1-4]-[A-Za-z0-9]+"))
)`,
  message: 'Name the campaign {Channel}-{Theme}-{Quarter}-{Audience}, e.g. Webinar-Forecasting-Q3-RevOpsLeaders.',
  errorField: Campaign.field('Name'),
  locked: true,
});

/** Health is a 0-100 score (blueprint 001 Epic 4: usage, support, sentiment, champion). */
export const healthInRange = withinRange(Account.field('Health_Score__c'), {
  name: 'Health_Score_In_Range',
  label: 'Health Score',
  min: 0,
  max: 100,
  bypass: GovernanceBypass.name,
  locked: true,
});

export const accountRules = [domainNormalised, notOwnParent, campaignNaming, healthInRange];

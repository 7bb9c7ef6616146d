import { assign, decision, outcome, recordTriggeredFlow, ref, when } from '../../scripts/dsl/index.ts';

/** Website without scheme and `www.`, in lower case. */
const stripped =
  'LOWER(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM({!$Record.Website}), "https://", ""), "http://", ""), "www.", ""))';

/**
 * Fills Website_Domain__c from Website (`https://www.Acme.com/about` → `acme.com`) before save,
 * so the unique domain and the matching rule work on what reps actually type (blueprint 000 §1).
 */
export const normaliseAccountDomain = recordTriggeredFlow('Account_Normalise_Website_Domain', {
  label: 'Account: Normalise Website Domain',
  description: 'Derives the de-duplication key Website_Domain__c from Website.',
  object: 'Account',
  timing: 'BeforeSave',
  on: 'CreateAndUpdate',
  formulas: {
    NormalisedDomain: {
      dataType: 'String',
      expression: `IF(CONTAINS(${stripped}, "/"), LEFT(${stripped}, FIND("/", ${stripped}) - 1), ${stripped})`,
    },
  },
  steps: [
    decision('Has_Website', 'Website given?', [
      outcome('Website_Given', 'Website given', {
        all: [when('$Record.Website', 'IsNull', false)],
        then: [assign('Set_Domain', 'Set the domain', { '$Record.Website_Domain__c': ref('NormalisedDomain') })],
      }),
    ]),
  ],
  locked: true,
});

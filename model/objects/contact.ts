import { picklist, standardObject, text } from '../../scripts/dsl/index.ts';

export const Contact = standardObject('Contact', {
  locked: true,
  fields: {
    Buying_Role__c: picklist({
      label: 'Buying Role',
      values: ['Economic Buyer', 'Champion', 'Technical Evaluator', 'User', 'Legal', 'Procurement', 'Blocker'],
    }),
    Original_Source__c: text({ label: 'Original Source', length: 80, locked: true }),
  },
});

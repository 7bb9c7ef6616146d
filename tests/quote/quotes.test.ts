/**
 * Quotes (model/quote-to-cash/quotes.ts), the model slice: standard terms chosen from a list, one
 * short free-text field, the order-form terms as lists; quotes enabled in the scratch org; the AE
 * creates quotes, the deal desk reads them, quote lines come with their quote.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import model from '../../model/index.ts';
import { STANDARD_TERMS } from '../../model/quote-to-cash/quotes.ts';
import { ACCESS_FROM_PARENT } from '../../scripts/families/security/checks.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const object = (name: string) => model.objects.find((o) => o.apiName === name)!;

describe('quotes', () => {
  test('standard terms are a required choice; the only free text is one short field', () => {
    const quote = object('Quote');
    const terms = quote.fields.Standard_Terms__c as { type: string; required?: boolean; values?: readonly unknown[] };
    assert.equal(terms.type, 'Picklist');
    assert.equal(terms.required, true);
    assert.ok(STANDARD_TERMS.length >= 2);
    const text = Object.entries(quote.fields).filter(([, f]) =>
      ['Text', 'TextArea', 'LongTextArea', 'Html'].includes(f.type),
    );
    assert.deepEqual(
      text.map(([n]) => n).filter((n) => n !== 'External_Id__c'),
      ['Special_Terms__c'],
    );
    assert.ok(((quote.fields.Special_Terms__c as { length?: number }).length ?? 0) <= 255);
  });

  test("the order-form terms are the contract's lists (renewal type as on Contract)", () => {
    const values = (o: string, f: string) => (object(o).fields[f] as { values?: readonly unknown[] }).values;
    assert.deepEqual(values('Quote', 'Renewal_Type__c'), values('Contract', 'Renewal_Type__c'));
    assert.deepEqual(values('Quote', 'Payment_Terms__c'), values('Opportunity', 'Payment_Terms__c'));
    assert.deepEqual(values('Quote', 'Billing_Frequency__c'), values('Opportunity', 'Billing_Frequency__c'));
  });

  test('the scratch org has quotes enabled', async () => {
    const def = JSON.parse(await readFile(`${ROOT}config/project-scratch-def.json`, 'utf8')) as {
      settings: { quoteSettings?: { enableQuote?: boolean } };
    };
    assert.equal(def.settings.quoteSettings?.enableQuote, true);
  });

  test('the AE and the admin create quotes, the deal desk reads them; quote lines come with the quote', () => {
    const creators = model.permissionSets.filter((s) => s.objects.Quote?.create).map((s) => s.name);
    assert.deepEqual(creators.sort(), ['RevOps_Account_Executive', 'RevOps_Admin']);
    const finance = model.permissionSets.find((s) => s.name === 'RevOps_Finance_Legal')!;
    assert.equal(finance.objects.Quote?.read, true);
    assert.equal(finance.objects.Quote?.edit, false);
    assert.equal(ACCESS_FROM_PARENT.QuoteLineItem, 'Quote');
    for (const s of model.permissionSets) assert.equal(s.objects.QuoteLineItem, undefined, s.name);
  });
});

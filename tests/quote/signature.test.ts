/**
 * Signature → Contract (model/quote-to-cash/signature.ts): the generated flow creates a Contract
 * with exactly the quote's terms, signer and dates, each written into a field that accepts it (a
 * picklist value the quote can hold is one the Contract's picklist has), and what the Contract
 * receives cannot change on the quote once it is accepted.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import model from '../../model/index.ts';
import { acceptedTermsFrozen, createContractAtSignature } from '../../model/quote-to-cash/signature.ts';
import { childrenOf, parseXml, rootOf, textOf, type XmlNode } from '../../scripts/change/diff/xml.ts';
import { emitFlows } from '../../scripts/families/flows/emit.ts';
import { resolveFieldPath } from '../../scripts/schema/resolve.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import type { SchemaField } from '../../scripts/schema/types.ts';

const schema = buildSchema(model);
const contract = schema.object('Contract')!;

/** What the Contract is created with, as issue 17 asks: field → `$Record` reference, formula or literal. */
const EXPECTED: Readonly<Record<string, string>> = {
  AccountId: 'ref:$Record.Opportunity.AccountId',
  Status: 'string:Draft',
  StartDate: 'ref:ContractStartDate',
  ContractTerm: 'ref:$Record.Term_Months__c',
  Renewal_Type__c: 'ref:$Record.Renewal_Type__c',
  Uplift_Percent__c: 'ref:$Record.Uplift_Percent__c',
  Uplift_Cap_Percent__c: 'ref:$Record.Uplift_Cap_Percent__c',
  Standard_Terms__c: 'ref:$Record.Standard_Terms__c',
  Payment_Terms__c: 'ref:$Record.Payment_Terms__c',
  Billing_Frequency__c: 'ref:$Record.Billing_Frequency__c',
  SpecialTerms: 'ref:$Record.Special_Terms__c',
  Source_Quote__c: 'ref:$Record.Id',
  CustomerSignedId: 'ref:$Record.ContactId',
  CustomerSignedDate: 'ref:$Record.Signed_Date__c',
};

async function flowXml(): Promise<XmlNode> {
  const [file] = await emitFlows({ ...model, flows: [createContractAtSignature] }, { apiVersion: '66.0' });
  return rootOf(parseXml(file!.content));
}

/** The Contract create's assignments: field → `ref:X` / `string:X`. */
async function contractAssignments(): Promise<Record<string, string>> {
  const creates = childrenOf(await flowXml(), 'recordCreates');
  assert.equal(creates.length, 1, 'one Create Records element');
  assert.equal(textOf(creates[0], 'object'), 'Contract');
  return Object.fromEntries(
    childrenOf(creates[0], 'inputAssignments').map((a) => {
      const value = a.value as XmlNode;
      const [kind, v] = Object.entries(value)[0]!;
      return [textOf(a, 'field')!, `${kind === 'elementReference' ? 'ref' : kind.replace(/Value$/, '')}:${String(v)}`];
    }),
  );
}

/** Quote field a `$Record.X` assignment reads (not the record's Id, not a parent's field). */
const quoteSource = (value: string): SchemaField | undefined => {
  const m = /^ref:\$Record\.([A-Za-z0-9_]+)$/.exec(value);
  return m && m[1] !== 'Id' ? schema.object('Quote')!.field(m[1]!) : undefined;
};

describe('signature → Contract: the flow', () => {
  test('runs after save when a quote is updated to Accepted, and only then', async () => {
    const start = (await flowXml()).start as XmlNode;
    assert.equal(textOf(start, 'object'), 'Quote');
    assert.equal(textOf(start, 'triggerType'), 'RecordAfterSave');
    assert.equal(textOf(start, 'recordTriggerType'), 'Update');
    assert.equal(textOf(start, 'doesRequireRecordChangedToMeetCriteria'), 'true');
    const filters = childrenOf(start, 'filters');
    assert.deepEqual(
      filters.map((f) => [textOf(f, 'field'), textOf(f, 'operator'), (f.value as XmlNode).stringValue]),
      [['Status', 'EqualTo', 'Accepted']],
    );
  });

  test('creates a Contract with exactly the mapped fields', async () => {
    assert.deepEqual(await contractAssignments(), EXPECTED);
  });

  test('every field it writes is a Contract field that accepts the value', async () => {
    const quote = schema.object('Quote')!;
    // Contract field type → the Quote field types it takes without losing anything.
    const takes: Readonly<Record<string, readonly string[]>> = {
      picklist: ['picklist'],
      date: ['date'],
      reference: ['reference'],
      int: ['int', 'double'],
      percent: ['percent', 'double'],
      textarea: ['string', 'textarea'],
    };
    for (const [field, value] of Object.entries(await contractAssignments())) {
      const target = contract.field(field);
      assert.ok(target, `Contract.${field} exists`);
      const source = quoteSource(value);
      if (!source) continue;
      assert.ok(quote.field(source.name), `Quote.${source.name} exists`);
      assert.ok(
        (takes[target.type] ?? [target.type]).includes(source.type),
        `Contract.${field} (${target.type}) takes Quote.${source.name} (${source.type})`,
      );
      if (target.type === 'int') assert.equal(source.scale, 0, `Quote.${source.name} is whole months`);
      if (source.scale !== undefined && target.scale !== undefined)
        assert.ok(source.scale <= target.scale, `Contract.${field} keeps Quote.${source.name}'s decimals`);
      if (source.referenceTo)
        assert.deepEqual(target.referenceTo, source.referenceTo, `${field} points where ${source.name} does`);
      if (source.length !== undefined && target.length !== undefined)
        assert.ok(
          source.length <= target.length,
          `Contract.${field} holds Quote.${source.name}'s ${source.length} characters`,
        );
    }
    assert.equal(resolveFieldPath(schema, 'Quote', 'Opportunity.AccountId')?.referenceTo?.[0], 'Account');
    assert.deepEqual(contract.field('Source_Quote__c')?.referenceTo, ['Quote']);
  });

  test("every value a quote's picklist can hold is a value of the Contract field it is written to", async () => {
    let compared = 0;
    for (const [field, value] of Object.entries(await contractAssignments())) {
      const source = quoteSource(value);
      if (source?.type !== 'picklist') continue;
      const accepted = new Set(contract.field(field)!.picklistValues);
      for (const v of source.picklistValues ?? [])
        assert.ok(accepted.has(v), `Contract.${field} lacks "${v}" (Quote.${source.name})`);
      compared++;
    }
    assert.equal(compared, 4, 'standard terms, payment terms, billing frequency, renewal type');
    assert.ok(contract.field('Status')!.picklistValues!.includes('Draft'));
  });

  test('what the Contract receives from the quote cannot change once the quote is accepted', async () => {
    const frozen = new Set([...acceptedTermsFrozen.formula.matchAll(/ISCHANGED\((\w+)\)/g)].map((m) => m[1]));
    for (const value of Object.values(await contractAssignments())) {
      const source = quoteSource(value);
      if (source) assert.ok(frozen.has(source.name), `Quote_Accepted_Terms_Frozen guards ${source.name}`);
    }
    assert.ok(frozen.has('Status'), 'an accepted quote stays accepted (no second contract)');
    assert.ok(frozen.has('OpportunityId'), "the contract's account comes through the quote's deal");
  });
});

describe('signature → Contract: the catalogue', () => {
  test('the quote-to-cash page shows every mapped field and every Quote rule', async () => {
    const { readFile } = await import('node:fs/promises');
    const pageText = await readFile(new URL('../../docs/model/quote-to-cash.md', import.meta.url), 'utf8');
    const section = pageText.slice(
      pageText.indexOf('## Signature → Contract'),
      pageText.indexOf('## What only an org'),
    );
    for (const field of Object.keys(EXPECTED)) assert.ok(section.includes(`| \`${field}\` |`), field);
    for (const rule of model.validationRules.filter((r) => r.object === 'Quote'))
      assert.ok(section.includes(`[\`${rule.name}\`](objects/Quote.md#${rule.name.toLowerCase()})`), rule.name);
  });
});

describe('signature → Contract: the seed', () => {
  test("a dataset keeps the deal's lookups to its contract and leaves the contract's lookup to its quote out", async () => {
    const { buildCatalog } = await import('../../scripts/data/catalog.ts');
    const catalog = buildCatalog(model, schema);
    // Contract → Quote → Opportunity → Contract is a cycle the format cannot hold: it breaks at the quote.
    assert.deepEqual(catalog.droppedLookups, ['Contract.Source_Quote__c']);
    const keys = (o: string) => catalog.get(o)!.columns.map((c) => c.field.name);
    assert.ok(keys('Opportunity').includes('Signed_Contract__c'));
    assert.ok(keys('Opportunity').includes('ContractId'));
    assert.ok(!keys('Contract').includes('Source_Quote__c'));
    assert.ok(keys('Contract').includes('Standard_Terms__c'));
  });
});

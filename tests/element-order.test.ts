/**
 * orderElements (scripts/core/element-order.ts): the Metadata API reads every type as its WSDL
 * sequence, so elements must come out in that order: a base type's elements first, then the
 * type's own in alphabetical (code point) order, recursively; elements the schema lacks are
 * supplemented where the sequence puts them; an element a type does not have is an error.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { orderElements, UnknownElementError } from '../scripts/core/element-order.ts';

type Json = Record<string, unknown>;
const keys = (value: unknown): string[] => Object.keys(value as Json);
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
/** Reverses an object's key order, so that a test never passes because the input was already ordered. */
const reversed = (o: Json): Json => Object.fromEntries(Object.entries(o).reverse());

const require = createRequire(import.meta.url);
const { ApiSchemas } = require('jsforce/lib/api/metadata/schema.js') as {
  ApiSchemas: Record<string, { props: Record<string, unknown>; extends?: string }>;
};
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('base type elements first', () => {
  test('StandardValue: fullName (Metadata), then CustomValue, then its own elements', () => {
    const value = reversed({
      fullName: 'Closed Won',
      default: false,
      label: 'Closed Won',
      closed: true,
      forecastCategory: 'Closed',
      probability: 100,
      won: true,
    });
    assert.deepEqual(keys(orderElements('StandardValue', value)), [
      'fullName',
      'default',
      'label',
      'closed',
      'forecastCategory',
      'probability',
      'won',
    ]);
  });

  test('StandardValue with every CustomValue element: color, default, description, isActive, label before the own ones', () => {
    const value = reversed({
      fullName: 'Open',
      color: '#000000',
      default: true,
      description: 'd',
      isActive: true,
      label: 'Open',
      allowEmail: false,
      converted: false,
      reviewed: false,
    });
    assert.deepEqual(keys(orderElements('StandardValue', value)), [
      'fullName',
      'color',
      'default',
      'description',
      'isActive',
      'label',
      'allowEmail',
      'converted',
      'reviewed',
    ]);
  });

  test('ValidationRule: fullName first, then alphabetical', () => {
    const rule = reversed({
      fullName: 'R',
      active: true,
      description: 'd',
      errorConditionFormula: 'f',
      errorDisplayField: 'F__c',
      errorMessage: 'm',
    });
    assert.deepEqual(keys(orderElements('ValidationRule', rule)), [
      'fullName',
      'active',
      'description',
      'errorConditionFormula',
      'errorDisplayField',
      'errorMessage',
    ]);
  });

  test('flow nodes: FlowElement (name) before FlowNode (label, locationX, locationY) before the own elements', () => {
    const assignment = reversed({
      name: 'A',
      label: 'A',
      locationX: 1,
      locationY: 2,
      assignmentItems: [],
      connector: { targetReference: 'B' },
    });
    assert.deepEqual(keys(orderElements('FlowAssignment', assignment)), [
      'name',
      'label',
      'locationX',
      'locationY',
      'assignmentItems',
      'connector',
    ]);
  });
});

describe('nested types', () => {
  test('CustomField.valueSet.valueSetDefinition.value is ordered as CustomValue at every level', () => {
    const field = reversed({
      fullName: 'Color__c',
      label: 'Color',
      required: false,
      type: 'Picklist',
      valueSet: reversed({
        restricted: true,
        valueSetDefinition: reversed({
          sorted: false,
          value: [
            reversed({ fullName: 'Red', default: true, description: 'r', label: 'Red' }),
            reversed({ fullName: 'Blue', label: 'Blue', default: false }),
          ],
        }),
      }),
      visibleLines: 4,
    });
    const ordered = orderElements('CustomField', field);
    assert.deepEqual(keys(ordered), ['fullName', 'label', 'required', 'type', 'valueSet', 'visibleLines']);
    assert.deepEqual(keys(at(ordered, 'valueSet')), ['restricted', 'valueSetDefinition']);
    assert.deepEqual(keys(at(ordered, 'valueSet', 'valueSetDefinition')), ['sorted', 'value']);
    assert.deepEqual(keys(at(ordered, 'valueSet', 'valueSetDefinition', 'value', 0)), [
      'fullName',
      'default',
      'description',
      'label',
    ]);
    assert.deepEqual(keys(at(ordered, 'valueSet', 'valueSetDefinition', 'value', 1)), ['fullName', 'default', 'label']);
  });

  test('StandardValueSet: arrays of StandardValue are ordered element by element, array order kept', () => {
    const set = reversed({
      sorted: false,
      standardValue: [
        reversed({ fullName: 'B', default: false, label: 'B', won: false, closed: false }),
        reversed({ fullName: 'A', default: false, label: 'A', won: true, closed: true }),
      ],
    });
    const ordered = orderElements('StandardValueSet', set);
    assert.deepEqual(keys(ordered), ['sorted', 'standardValue']);
    assert.deepEqual(
      (at(ordered, 'standardValue') as Json[]).map((v) => v.fullName),
      ['B', 'A'],
    );
    for (const v of at(ordered, 'standardValue') as Json[])
      assert.deepEqual(keys(v), ['fullName', 'default', 'label', 'closed', 'won']);
  });

  test('Flow: decisions.rules.conditions.rightValue are ordered through four levels', () => {
    const flow = {
      decisions: [
        reversed({
          name: 'D',
          label: 'D',
          locationX: 0,
          locationY: 0,
          defaultConnectorLabel: 'Otherwise',
          rules: [
            reversed({
              name: 'R',
              conditionLogic: 'and',
              conditions: [
                reversed({
                  leftValueReference: '$Record.X',
                  operator: 'EqualTo',
                  rightValue: reversed({ stringValue: 'a', booleanValue: true }),
                }),
              ],
              connector: { targetReference: 'T' },
              label: 'R',
            }),
          ],
        }),
      ],
    };
    const ordered = orderElements('Flow', flow);
    assert.deepEqual(keys(at(ordered, 'decisions', 0)), [
      'name',
      'label',
      'locationX',
      'locationY',
      'defaultConnectorLabel',
      'rules',
    ]);
    assert.deepEqual(keys(at(ordered, 'decisions', 0, 'rules', 0)), [
      'name',
      'conditionLogic',
      'conditions',
      'connector',
      'label',
    ]);
    assert.deepEqual(keys(at(ordered, 'decisions', 0, 'rules', 0, 'conditions', 0)), [
      'leftValueReference',
      'operator',
      'rightValue',
    ]);
    assert.deepEqual(keys(at(ordered, 'decisions', 0, 'rules', 0, 'conditions', 0, 'rightValue')), [
      'booleanValue',
      'stringValue',
    ]);
  });

  test('the WSDL order is code-point order: DuplicateRuleMatchRule puts matchRuleSObjectType before matchingRule', () => {
    const rule = {
      duplicateRuleMatchRules: [{ matchingRule: 'M', matchRuleSObjectType: 'Account' }],
      actionOnInsert: 'Allow',
    };
    assert.deepEqual(keys(at(orderElements('DuplicateRule', rule), 'duplicateRuleMatchRules', 0)), [
      'matchRuleSObjectType',
      'matchingRule',
    ]);
  });
});

describe('elements the schema lacks (SUPPLEMENT)', () => {
  test('FlowStart: recordTriggerType sits between object and schedule, in alphabetical order with the rest', () => {
    const start = reversed({
      locationX: 50,
      locationY: 0,
      connector: { targetReference: 'A' },
      doesRequireRecordChangedToMeetCriteria: true,
      filterFormula: 'f',
      filterLogic: 'and',
      filters: [],
      object: 'Opportunity',
      recordTriggerType: 'Update',
      schedule: { frequency: 'Daily', startDate: '2025-01-01', startTime: '00:00:00.000Z' },
      scheduledPaths: [],
      triggerType: 'RecordAfterSave',
    });
    const ordered = keys(orderElements('FlowStart', start));
    assert.deepEqual(ordered, [
      'locationX',
      'locationY',
      'connector',
      'doesRequireRecordChangedToMeetCriteria',
      'filterFormula',
      'filterLogic',
      'filters',
      'object',
      'recordTriggerType',
      'schedule',
      'scheduledPaths',
      'triggerType',
    ]);
    const own = ordered.slice(2);
    assert.deepEqual(own, [...own].sort(byCodePoint), "FlowStart's own elements are alphabetical");
  });

  test('Flow: apiVersion, environments and triggerOrder land in alphabetical position among the schema elements', () => {
    const flow = reversed({
      actionCalls: [],
      apexPluginCalls: [],
      apiVersion: '66.0',
      assignments: [],
      dynamicChoiceSets: [],
      environments: 'Default',
      formulas: [],
      textTemplates: [],
      triggerOrder: 10,
      variables: [],
      label: 'L',
    });
    assert.deepEqual(keys(orderElements('Flow', flow)), [
      'actionCalls',
      'apexPluginCalls',
      'apiVersion',
      'assignments',
      'dynamicChoiceSets',
      'environments',
      'formulas',
      'label',
      'textTemplates',
      'triggerOrder',
      'variables',
    ]);
  });

  test('other supplements: PermissionSet.hasActivationRequired, CustomPermission.isLicensed, FlowRecordCreate.storeOutputAutomatically, FlowRecordUpdate.filterLogic, FlowRule.doesRequireRecordChangedToMeetCriteria', () => {
    assert.deepEqual(
      keys(orderElements('PermissionSet', reversed({ flowAccesses: [], hasActivationRequired: false, label: 'L' }))),
      ['flowAccesses', 'hasActivationRequired', 'label'],
    );
    assert.deepEqual(
      keys(orderElements('CustomPermission', reversed({ description: 'd', isLicensed: false, label: 'L' }))),
      ['description', 'isLicensed', 'label'],
    );
    assert.deepEqual(
      keys(
        orderElements(
          'FlowRecordCreate',
          reversed({ name: 'C', inputAssignments: [], object: 'Account', storeOutputAutomatically: true }),
        ),
      ),
      ['name', 'inputAssignments', 'object', 'storeOutputAutomatically'],
    );
    assert.deepEqual(
      keys(
        orderElements(
          'FlowRecordUpdate',
          reversed({
            name: 'U',
            connector: {},
            filterLogic: 'and',
            filters: [],
            inputAssignments: [],
            object: 'Account',
          }),
        ),
      ),
      ['name', 'connector', 'filterLogic', 'filters', 'inputAssignments', 'object'],
    );
    assert.deepEqual(
      keys(
        orderElements(
          'FlowRule',
          reversed({
            name: 'R',
            conditionLogic: 'and',
            connector: {},
            doesRequireRecordChangedToMeetCriteria: true,
            label: 'R',
          }),
        ),
      ),
      ['name', 'conditionLogic', 'connector', 'doesRequireRecordChangedToMeetCriteria', 'label'],
    );
  });

  test("every supplemented type's own elements come out in code-point order, the WSDL's convention", () => {
    const supplemented: Record<string, string[]> = {
      Flow: ['apiVersion', 'environments', 'triggerOrder'],
      FlowStart: [
        'doesRequireRecordChangedToMeetCriteria',
        'filterFormula',
        'filterLogic',
        'recordTriggerType',
        'scheduledPaths',
      ],
      FlowRule: ['doesRequireRecordChangedToMeetCriteria'],
      FlowRecordUpdate: ['filterLogic'],
      FlowRecordCreate: ['storeOutputAutomatically'],
      CustomPermission: ['isLicensed'],
      PermissionSet: ['hasActivationRequired'],
    };
    for (const [type, extra] of Object.entries(supplemented)) {
      const own = [...Object.keys(ApiSchemas[type]!.props), ...extra];
      const ordered = keys(orderElements(type, Object.fromEntries(own.reverse().map((k) => [k, 'x']))));
      assert.deepEqual(ordered, [...ordered].sort(byCodePoint), type);
    }
  });
});

describe('values', () => {
  test('attributes (@_) and text (#text) stay first; an any-typed value is not reordered', () => {
    const metadata = {
      values: [reversed({ field: 'F__c', value: { '#text': '1', '@_xsi:type': 'xsd:double' } })],
      label: 'L',
      '@_xmlns': 'ns',
    };
    const ordered = orderElements('CustomMetadata', metadata);
    assert.deepEqual(keys(ordered), ['@_xmlns', 'label', 'values']);
    assert.deepEqual(keys(at(ordered, 'values', 0)), ['field', 'value']);
    assert.deepEqual(at(ordered, 'values', 0, 'value'), { '#text': '1', '@_xsi:type': 'xsd:double' });
  });

  test('undefined elements are dropped, scalars and string arrays kept, the input is not changed', () => {
    const input = { status: 'Updated', permissionSets: ['B', 'A'], label: 'L', description: undefined };
    const copy = structuredClone(input);
    const ordered = orderElements('PermissionSetGroup', input);
    assert.deepEqual(ordered, { label: 'L', permissionSets: ['B', 'A'], status: 'Updated' });
    assert.deepEqual(keys(ordered), ['label', 'permissionSets', 'status']);
    assert.deepEqual(input, copy);
  });
});

describe('unknown elements', () => {
  test('an element the type does not have throws UnknownElementError naming the path', () => {
    const field = {
      fullName: 'Color__c',
      valueSet: { valueSetDefinition: { value: [{ fullName: 'Red' }, { fullName: 'Blue', colour: 'blue' }] } },
    };
    assert.throws(
      () => orderElements('CustomField', field),
      (e: unknown) => {
        assert.ok(e instanceof UnknownElementError);
        assert.equal(
          e.message,
          'CustomField.valueSet.valueSetDefinition.value[1]: <colour> is not an element of CustomValue',
        );
        return true;
      },
    );
  });

  test('a misspelt top-level element', () => {
    assert.throws(() => orderElements('Flow', { label: 'L', stauts: 'Active' }), {
      message: 'Flow: <stauts> is not an element of Flow',
    });
    assert.throws(() => orderElements('Flow', { label: 'L', stauts: 'Active' }), UnknownElementError);
  });

  test('an element of the derived type is not accepted on its base type', () => {
    assert.throws(
      () => orderElements('CustomValue', { fullName: 'A', probability: 10 }),
      /CustomValue: <probability> is not an element of CustomValue/,
    );
  });

  test('an unknown metadata type', () => {
    assert.throws(
      () => orderElements('CustomWidget', { a: 1 }),
      (e: unknown) =>
        e instanceof UnknownElementError && /CustomWidget is not in the Metadata API schema/.test(e.message),
    );
  });
});

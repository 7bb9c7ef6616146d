import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compile,
  conditionRows,
  evaluate,
  treeFromRows,
  type Condition,
  type LeadValues,
} from '../../scripts/routing/conditions.ts';
import { BusinessCalendar, parseWindows } from '../../scripts/routing/calendar.ts';
import { leadDomainKeys } from '../../scripts/routing/domains.ts';

const clock = Date.parse('2026-06-10T12:00:00Z');

describe('condition trees', () => {
  const tree: Condition = {
    all: [
      {
        any: [
          { field: 'Segment__c', op: 'in', value: ['mm', 'ENT'] },
          { field: 'NumberOfEmployees', op: 'gte', value: 500 },
        ],
      },
      { not: { field: 'Email', op: 'domainIn', value: ['edu'] } },
      { field: 'Last_Engaged_At__c', op: 'withinDays', value: 30 },
    ],
  };
  const leads: LeadValues[] = [
    { Segment__c: 'MM', Email: 'a@acme.com', Last_Engaged_At__c: '2026-06-01T00:00:00Z' },
    { Segment__c: 'SMB', NumberOfEmployees: 800, Email: 'b@acme.com', Last_Engaged_At__c: '2026-06-01T00:00:00Z' },
    { Segment__c: 'SMB', NumberOfEmployees: 20, Email: 'c@acme.com', Last_Engaged_At__c: '2026-06-01T00:00:00Z' },
    { Segment__c: 'ENT', Email: 'kid@cs.mit.edu', Last_Engaged_At__c: '2026-06-01T00:00:00Z' },
    { Segment__c: 'ENT', Email: 'd@acme.com', Last_Engaged_At__c: '2026-04-01T00:00:00Z' },
    { Segment__c: null, NumberOfEmployees: '', Email: null, Last_Engaged_At__c: null },
  ];

  it('interprets all / any / not, case-insensitive text, numbers, domains and days', () => {
    assert.deepEqual(
      leads.map((l) => evaluate(tree, l, clock)),
      [true, true, false, false, false, false],
    );
  });

  it('compiles to closures that answer as the interpreter does', () => {
    const compiled = compile(tree);
    for (const lead of leads) assert.equal(compiled(lead, clock), evaluate(tree, lead, clock), JSON.stringify(lead));
  });

  it('treats blank as false except for ne, notIn and blank, and a blank checkbox as false', () => {
    const blank: LeadValues = { X: '' };
    assert.equal(evaluate({ field: 'X', op: 'eq', value: 'a' }, blank, clock), false);
    assert.equal(evaluate({ field: 'X', op: 'ne', value: 'a' }, blank, clock), true);
    assert.equal(evaluate({ field: 'X', op: 'notIn', value: ['a'] }, blank, clock), true);
    assert.equal(evaluate({ field: 'X', op: 'blank' }, blank, clock), true);
    assert.equal(evaluate({ field: 'X', op: 'lt', value: 5 }, blank, clock), false);
    assert.equal(evaluate({ field: 'X', op: 'eq', value: false }, blank, clock), true);
  });

  it('survives the trip through Routing_Condition__mdt rows, children in numeric order', () => {
    const wide: Condition = {
      any: Array.from({ length: 11 }, (_, i) => ({ field: `F${i}`, op: 'eq' as const, value: i })),
    };
    for (const t of [tree, wide]) assert.deepEqual(treeFromRows('Rule.X', [...conditionRows(t)].reverse()), t);
  });

  it('names the owner and node when rows do not form a tree', () => {
    assert.throws(
      () => treeFromRows('Rule.Broken', [{ node: '1.1', logic: 'Field', field: 'A', operator: 'eq', value: '1' }]),
      /condition Rule.Broken: node 1 is missing/,
    );
  });
});

describe('domain keys', () => {
  it('takes the email domain and its parents, then the website, never free mail or a public suffix', () => {
    const free = new Set(['gmail.com']);
    const suffixes = new Set(['co.uk']);
    assert.deepEqual(leadDomainKeys('x@mail.eu.Acme.co.uk', 'https://www.acme.com/a', free, suffixes), [
      'mail.eu.acme.co.uk',
      'eu.acme.co.uk',
      'acme.co.uk',
      'acme.com',
    ]);
    assert.deepEqual(leadDomainKeys('x@gmail.com', null, free, suffixes), []);
  });
});

describe('business calendars', () => {
  const ny = new BusinessCalendar('NY', 'America/New_York', [
    ...Array.from({ length: 5 }, () => parseWindows('09:00-17:00')),
    [],
    [],
  ]);

  it('counts business minutes across a weekend and the DST change', () => {
    // Friday 6 March 2026 16:55 EST; Monday 9 March is on EDT: 09:00 EDT is 13:00Z.
    assert.equal(
      new Date(ny.addBusinessMinutes(Date.parse('2026-03-06T21:55:00Z'), 15)!).toISOString(),
      '2026-03-09T13:10:00.000Z',
    );
  });

  it('keys days and weeks in local time', () => {
    assert.equal(ny.dayKeyAt(Date.parse('2026-06-11T03:00:00Z')), '2026-06-10');
    assert.equal(ny.weekKeyAt(Date.parse('2026-06-14T12:00:00Z')), '2026-06-08');
    assert.equal(ny.isWorking(Date.parse('2026-06-10T14:00:00Z')), true);
    assert.equal(ny.isWorking(Date.parse('2026-06-13T14:00:00Z')), false);
  });

  it('rejects working hours it cannot read', () => {
    assert.throws(() => parseWindows('9-17'), /expected HH:MM-HH:MM/);
    assert.throws(() => parseWindows('17:00-09:00'), /start must come before the end/);
  });
});

/**
 * Permission sets, profiles, permission set groups and custom permissions: every grant that
 * goes from off to on is a broadening (high risk: a person can now do or see more), every
 * grant that goes away a narrowing — object access (create/read/edit/delete/view all/modify
 * all), field access (read/edit), user, custom, Apex, page, flow, tab, record type and app access.
 */
import type { Describe, Detail, Risk } from '../types.ts';
import { childrenOf, textOf, type XmlNode } from '../xml.ts';

/** A section of the file: the element naming an entry, and its boolean grants. */
interface Section {
  readonly tag: string;
  readonly key: string;
  readonly noun: string;
  readonly grants: readonly (readonly [tag: string, label: string])[];
}

const SECTIONS: readonly Section[] = [
  {
    tag: 'objectPermissions',
    key: 'object',
    noun: 'object',
    grants: [
      ['allowRead', 'read'],
      ['allowCreate', 'create'],
      ['allowEdit', 'edit'],
      ['allowDelete', 'delete'],
      ['viewAllRecords', 'view all'],
      ['modifyAllRecords', 'modify all'],
      ['viewAllFields', 'view all fields'],
    ],
  },
  {
    tag: 'fieldPermissions',
    key: 'field',
    noun: 'field',
    grants: [
      ['readable', 'read'],
      ['editable', 'edit'],
    ],
  },
  { tag: 'userPermissions', key: 'name', noun: 'user permission', grants: [['enabled', 'enabled']] },
  { tag: 'customPermissions', key: 'name', noun: 'custom permission', grants: [['enabled', 'enabled']] },
  { tag: 'classAccesses', key: 'apexClass', noun: 'Apex class', grants: [['enabled', 'enabled']] },
  { tag: 'pageAccesses', key: 'apexPage', noun: 'Visualforce page', grants: [['enabled', 'enabled']] },
  { tag: 'flowAccesses', key: 'flow', noun: 'flow', grants: [['enabled', 'enabled']] },
  { tag: 'customMetadataTypeAccesses', key: 'name', noun: 'custom metadata type', grants: [['enabled', 'enabled']] },
  { tag: 'customSettingAccesses', key: 'name', noun: 'custom setting', grants: [['enabled', 'enabled']] },
  { tag: 'recordTypeVisibilities', key: 'recordType', noun: 'record type', grants: [['visible', 'visible']] },
  { tag: 'applicationVisibilities', key: 'application', noun: 'app', grants: [['visible', 'visible']] },
];

const TAB_LEVEL: Readonly<Record<string, number>> = {
  None: 0,
  Hidden: 0,
  DefaultOff: 1,
  Available: 1,
  DefaultOn: 2,
  Visible: 2,
};

const broadened = (what: string): Risk => ({
  level: 'high',
  category: 'permission-broadened',
  reason: `broadens access (${what})`,
});

function grantsOf(node: XmlNode | undefined, section: Section): Set<string> {
  return new Set(section.grants.filter(([tag]) => textOf(node, tag) === 'true').map(([, label]) => label));
}

function diffSection(before: XmlNode, after: XmlNode, section: Section, holder: string): Detail[] {
  const index = (root: XmlNode) => new Map(childrenOf(root, section.tag).map((e) => [textOf(e, section.key) ?? '', e]));
  const old = index(before);
  const now = index(after);
  const details: Detail[] = [];
  for (const name of new Set([...old.keys(), ...now.keys()])) {
    const was = grantsOf(old.get(name), section);
    const is = grantsOf(now.get(name), section);
    const gained = [...is].filter((g) => !was.has(g));
    const lost = [...was].filter((g) => !is.has(g));
    const label =
      section.grants.length === 1
        ? `${section.noun} ${name}`
        : `${section.noun} ${name} (${[...gained, ...lost].join(', ')})`;
    if (gained.length)
      details.push({
        kind: 'permission',
        text:
          section.grants.length === 1
            ? `grants ${section.noun} ${name}`
            : `grants ${gained.join(', ')} on ${section.noun} ${name}`,
        data: { section: section.tag, name, gained, direction: 'broadened' },
        risk: broadened(`${holder}`),
      });
    if (lost.length)
      details.push({
        kind: 'permission',
        text:
          section.grants.length === 1
            ? `no longer grants ${section.noun} ${name}`
            : `no longer grants ${lost.join(', ')} on ${section.noun} ${name}`,
        data: { section: section.tag, name, lost, direction: 'narrowed' },
        risk: { level: 'low', category: 'access-narrowed', reason: `people relying on ${label} lose it` },
      });
  }
  return details;
}

function diffTabs(before: XmlNode, after: XmlNode, holder: string): Detail[] {
  const tabs = (root: XmlNode) =>
    new Map(
      [...childrenOf(root, 'tabSettings'), ...childrenOf(root, 'tabVisibilities')].map((t) => [
        textOf(t, 'tab') ?? '',
        textOf(t, 'visibility') ?? 'None',
      ]),
    );
  const old = tabs(before);
  const now = tabs(after);
  const details: Detail[] = [];
  for (const tab of new Set([...old.keys(), ...now.keys()])) {
    const was = old.get(tab) ?? 'None';
    const is = now.get(tab) ?? 'None';
    if (was === is) continue;
    const wider = (TAB_LEVEL[is] ?? 0) > (TAB_LEVEL[was] ?? 0);
    details.push({
      kind: 'permission',
      text: `tab ${tab}: ${was} → ${is}`,
      data: { section: 'tabSettings', name: tab, direction: wider ? 'broadened' : 'narrowed' },
      risk: wider ? broadened(`${holder} shows tab ${tab}`) : undefined,
    });
  }
  return details;
}

export const describePermissionSet: Describe = (c) => {
  const holder = `${c.type} ${c.fullName}`;
  if (c.change === 'deleted')
    return [
      {
        kind: 'permission',
        text: 'deleted: its assignments go with it',
        risk: { level: 'low', category: 'access-narrowed', reason: `users holding ${holder} lose what it granted` },
      },
    ];
  const details = [
    ...SECTIONS.flatMap((s) => diffSection(c.before, c.after, s, holder)),
    ...diffTabs(c.before, c.after, holder),
  ];
  for (const tag of ['label', 'description', 'license', 'hasActivationRequired'])
    if (textOf(c.before, tag) !== textOf(c.after, tag) && c.change !== 'added')
      details.push({
        kind: 'setting',
        text: `${tag}: "${textOf(c.before, tag) ?? ''}" → "${textOf(c.after, tag) ?? ''}"`,
      });
  return details;
};

export const describePermissionSetGroup: Describe = (c) => {
  const sets = (root: XmlNode, tag: string) => new Set(childrenOf(root, tag).map((n) => String(n)));
  const details: Detail[] = [];
  const oldSets = sets(c.before, 'permissionSets');
  const newSets = sets(c.after, 'permissionSets');
  for (const s of newSets)
    if (!oldSets.has(s))
      details.push({
        kind: 'permission',
        text: `includes permission set ${s}`,
        risk: broadened(`${c.fullName} now includes ${s}`),
      });
  for (const s of oldSets)
    if (!newSets.has(s)) details.push({ kind: 'permission', text: `no longer includes permission set ${s}` });
  const oldMutes = sets(c.before, 'mutingPermissionSets');
  for (const s of sets(c.after, 'mutingPermissionSets'))
    if (!oldMutes.has(s)) details.push({ kind: 'permission', text: `mutes with ${s}` });
  for (const s of oldMutes)
    if (!sets(c.after, 'mutingPermissionSets').has(s))
      details.push({
        kind: 'permission',
        text: `no longer mutes with ${s}`,
        risk: broadened(`${c.fullName} stops muting ${s}`),
      });
  return details;
};

export const describeCustomPermission: Describe = (c) =>
  c.change === 'added'
    ? [{ kind: 'permission', text: 'new custom permission (nobody holds it until a permission set grants it)' }]
    : c.change === 'deleted'
      ? [{ kind: 'permission', text: 'custom permission deleted: formulas and code checking it see false' }]
      : [];

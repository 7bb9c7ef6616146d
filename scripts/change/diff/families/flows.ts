/** Flows: elements added, removed and changed, by name; the trigger; the status. */
import type { Describe, Detail } from '../types.ts';
import { childrenOf, sameXml, textOf, type XmlNode } from '../xml.ts';

/** Every element list of a flow that holds named elements (the Metadata API's Flow type). */
const ELEMENTS = [
  'actionCalls',
  'apexPluginCalls',
  'assignments',
  'choices',
  'collectionProcessors',
  'constants',
  'customErrors',
  'decisions',
  'dynamicChoiceSets',
  'formulas',
  'loops',
  'recordCreates',
  'recordDeletes',
  'recordLookups',
  'recordRollbacks',
  'recordUpdates',
  'screens',
  'stages',
  'steps',
  'subflows',
  'textTemplates',
  'transforms',
  'variables',
  'waits',
] as const;

const AUTOMATION = { level: 'medium', category: 'automation' } as const;

function elements(root: XmlNode): Map<string, { list: string; node: XmlNode }> {
  const out = new Map<string, { list: string; node: XmlNode }>();
  for (const list of ELEMENTS)
    for (const node of childrenOf(root, list)) out.set(textOf(node, 'name') ?? '', { list, node });
  return out;
}

/** `recordUpdates` → `record update`. */
const noun = (list: string) =>
  list
    .replace(/s$/, '')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();

/** What changed inside an element: its child elements that differ, by tag. */
function changedParts(a: XmlNode, b: XmlNode): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => !['locationX', 'locationY', 'name'].includes(k) && !sameXml(a[k], b[k]),
  );
}

export const describeFlow: Describe = (c) => {
  if (c.change === 'deleted')
    return [
      {
        kind: 'flow',
        text: 'flow deleted',
        risk: {
          level: 'high',
          category: 'destructive',
          reason: 'the automation stops; an active flow must be deactivated before a deploy can delete it',
        },
      },
    ];
  const details: Detail[] = [];
  const status = (root: XmlNode) => textOf(root, 'status');
  if (c.change === 'added') {
    details.push({
      kind: 'flow',
      text: `new ${status(c.after) ?? ''} flow (${textOf(c.after, 'processType') ?? 'flow'})`,
      risk: { ...AUTOMATION, reason: 'new automation runs on save once active' },
    });
    return details;
  }
  if (status(c.before) !== status(c.after))
    details.push({
      kind: 'flow-status',
      text: `status ${status(c.before)} → ${status(c.after)}`,
      risk: { ...AUTOMATION, reason: 'the flow starts or stops running' },
    });
  const start = (root: XmlNode) => (root.start ?? {}) as XmlNode;
  const trigger = changedParts(start(c.before), start(c.after)).filter((k) => k !== 'connector');
  if (trigger.length)
    details.push({
      kind: 'flow-trigger',
      text: `trigger changed: ${trigger.join(', ')}`,
      risk: { ...AUTOMATION, reason: 'the flow runs on different records or events' },
    });
  const old = elements(c.before);
  const now = elements(c.after);
  for (const [name, { list, node }] of now) {
    const was = old.get(name);
    if (!was)
      details.push({
        kind: 'flow-element',
        text: `added ${noun(list)} ${name}`,
        data: { element: name, list, change: 'added' },
      });
    else if (!sameXml(was.node, node)) {
      const parts = changedParts(was.node, node);
      if (parts.length)
        details.push({
          kind: 'flow-element',
          text: `changed ${noun(list)} ${name} (${parts.join(', ')})`,
          data: { element: name, list, change: 'modified', parts },
        });
    }
  }
  for (const [name, { list }] of old)
    if (!now.has(name))
      details.push({
        kind: 'flow-element',
        text: `removed ${noun(list)} ${name}`,
        data: { element: name, list, change: 'removed' },
      });
  if (details.some((d) => d.kind === 'flow-element'))
    details.push({
      kind: 'flow',
      text: 'the flow’s logic changed',
      risk: { ...AUTOMATION, reason: 'records saved after the deploy take the new path' },
    });
  return details;
};

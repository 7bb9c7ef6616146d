/** Reports and dashboards: columns, filters, groupings, report type; dashboard components and who they run as. */
import type { Describe, Detail } from '../types.ts';
import { childrenOf, textOf, type XmlNode } from '../xml.ts';

const names = (root: XmlNode, tag: string, key: string) => childrenOf(root, tag).map((n) => textOf(n, key) ?? '');

function listChange(noun: string, before: readonly string[], after: readonly string[]): Detail[] {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  const details: Detail[] = [];
  if (added.length) details.push({ kind: 'report', text: `${noun} added: ${added.join(', ')}` });
  if (removed.length) details.push({ kind: 'report', text: `${noun} removed: ${removed.join(', ')}` });
  if (!added.length && !removed.length && before.join() !== after.join())
    details.push({ kind: 'report', text: `${noun} reordered` });
  return details;
}

const filters = (root: XmlNode) =>
  childrenOf((root.filter ?? {}) as XmlNode, 'criteriaItems').map((f) =>
    `${textOf(f, 'column')} ${textOf(f, 'operator')} ${textOf(f, 'value') ?? ''}`.trim(),
  );

export const describeReport: Describe = (c) => {
  if (c.change !== 'modified')
    return [
      {
        kind: 'report',
        text: c.change === 'added' ? `new report (${textOf(c.after, 'reportType')})` : 'report deleted',
      },
    ];
  const details: Detail[] = [
    ...listChange('columns', names(c.before, 'columns', 'field'), names(c.after, 'columns', 'field')),
    ...listChange('filters', filters(c.before), filters(c.after)),
    ...listChange('row groupings', names(c.before, 'groupingsDown', 'field'), names(c.after, 'groupingsDown', 'field')),
    ...listChange(
      'column groupings',
      names(c.before, 'groupingsAcross', 'field'),
      names(c.after, 'groupingsAcross', 'field'),
    ),
  ];
  for (const tag of ['reportType', 'format', 'scope', 'name', 'showDetails'])
    if (textOf(c.before, tag) !== textOf(c.after, tag))
      details.push({
        kind: 'report',
        text: `${tag}: ${textOf(c.before, tag) ?? '-'} → ${textOf(c.after, tag) ?? '-'}`,
      });
  const period = (r: XmlNode) => textOf((r.timeFrameFilter ?? {}) as XmlNode, 'interval');
  if (period(c.before) !== period(c.after))
    details.push({ kind: 'report', text: `period: ${period(c.before) ?? '-'} → ${period(c.after) ?? '-'}` });
  return details;
};

/** A dashboard's components, by the report they show and their title. */
function components(root: XmlNode): string[] {
  const grid = (root.dashboardGridLayout ?? {}) as XmlNode;
  const fromGrid = childrenOf(grid, 'dashboardGridComponents').map((g) => (g.dashboardComponent ?? {}) as XmlNode);
  const fromSections = ['leftSection', 'middleSection', 'rightSection'].flatMap((s) =>
    childrenOf((root[s] ?? {}) as XmlNode, 'components'),
  );
  return [...fromGrid, ...fromSections].map(
    (d) =>
      `${textOf(d, 'componentType') ?? 'component'} "${textOf(d, 'header') ?? textOf(d, 'title') ?? ''}" (${textOf(d, 'report') ?? '-'})`,
  );
}

export const describeDashboard: Describe = (c) => {
  if (c.change !== 'modified')
    return [{ kind: 'dashboard', text: c.change === 'added' ? 'new dashboard' : 'dashboard deleted' }];
  const details = listChange('components', components(c.before), components(c.after)).map((d) => ({
    ...d,
    kind: 'dashboard',
  }));
  const runAs = (r: XmlNode) => textOf(r, 'dashboardType') ?? 'SpecifiedUser';
  if (runAs(c.before) !== runAs(c.after))
    details.push({
      kind: 'dashboard',
      text: `runs as ${runAs(c.before)} → ${runAs(c.after)}`,
      risk:
        runAs(c.after) !== 'LoggedInUser'
          ? {
              level: 'high',
              category: 'permission-broadened',
              reason: 'viewers see data as another user, not with their own access',
            }
          : undefined,
    });
  for (const tag of ['title', 'runningUser', 'description'])
    if (textOf(c.before, tag) !== textOf(c.after, tag))
      details.push({
        kind: 'dashboard',
        text: `${tag}: ${textOf(c.before, tag) ?? '-'} → ${textOf(c.after, tag) ?? '-'}`,
      });
  return details;
};

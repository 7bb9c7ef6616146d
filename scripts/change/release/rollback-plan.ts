/**
 * The rollback plan of a release, from the diff and what the org had before it: what the org
 * had is restored (the retrieved source), what the release added is deleted (flows deactivated
 * first), and what cannot come back is said in words — a deleted field's data, values a
 * conversion truncated, a deleted component the org did not have to retrieve.
 */
import type { DiffReport } from '../diff/index.ts';
import { byType, membersOf } from './package.ts';
import type { Component } from './org.ts';
import type { RollbackPlan } from './record.ts';

const key = (c: Component) => `${c.type}:${c.fullName}`;

/** Types Salesforce does not delete through destructive changes: a rollback can only restore them. */
const NOT_DELETABLE = new Set(['StandardValueSet', 'Settings', 'CustomObjectTranslation', 'Profile']);

/** The components to retrieve before the release: everything it changes or deletes that the org may have. */
export function rollbackRetrieveList(report: DiffReport): Component[] {
  const touched = [...membersOf(report.package), ...membersOf(report.destructive)];
  return [...new Map(touched.map((c) => [key(c), c])).values()];
}

function irreversibleOf(report: DiffReport, had: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  for (const c of report.components) {
    const name = `${c.type} ${c.fullName}`;
    if (c.change === 'deleted' && (c.type === 'CustomField' || c.type === 'CustomObject'))
      lines.push(
        `${name}: its data is deleted with it; the rollback recreates it empty (undelete it from the org's recycle bin within 15 days to get the data back)`,
      );
    else if (c.change === 'deleted' && !had.has(`${c.type}:${c.fullName}`))
      lines.push(`${name}: deleted, and the org did not have it to retrieve: nothing to restore`);
    for (const d of c.details)
      if (d.risk?.category === 'data-loss' && c.change !== 'deleted')
        lines.push(`${name}: ${d.text} — values lost in the conversion do not come back with the old definition`);
  }
  return lines;
}

/** `had`: the components the rollback retrieve found in the org. */
export function rollbackPlan(report: DiffReport, had: readonly Component[]): RollbackPlan {
  const present = new Set(had.map(key));
  const added = membersOf(report.package).filter((c) => !present.has(key(c)));
  const remove = added.filter((c) => !NOT_DELETABLE.has(c.type));
  const irreversible = irreversibleOf(report, present);
  for (const c of added.filter((x) => NOT_DELETABLE.has(x.type)))
    irreversible.push(`${c.type} ${c.fullName}: added by the release; Salesforce does not delete a ${c.type}`);
  return {
    restore: byType(had),
    remove: byType(remove),
    deactivateFlows: remove.filter((c) => c.type === 'Flow').map((c) => c.fullName),
    irreversible,
  };
}

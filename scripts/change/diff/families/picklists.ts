/**
 * Picklist values, wherever they are defined (a field's own value set, a global value set, a
 * standard value set such as OpportunityStage): added, removed, renamed (an API name replaced
 * at the same place, or under the same label) and reordered.
 */
import type { Detail } from '../types.ts';
import { childrenOf, textOf, type XmlNode } from '../xml.ts';

interface Value {
  readonly name: string;
  readonly label: string;
}

const valuesOf = (holder: XmlNode | undefined, tag: string): Value[] =>
  childrenOf(holder, tag).map((v) => ({ name: textOf(v, 'fullName') ?? '', label: textOf(v, 'label') ?? '' }));

/** The values of a field (`valueSet/valueSetDefinition/value`) or a value set (`customValue` / `standardValue`). */
export function picklistValues(root: XmlNode): Value[] {
  const definition = (root.valueSet as XmlNode | undefined)?.valueSetDefinition as XmlNode | undefined;
  if (definition) return valuesOf(definition, 'value');
  return [...valuesOf(root, 'customValue'), ...valuesOf(root, 'standardValue')];
}

export function diffPicklist(before: readonly Value[], after: readonly Value[]): Detail[] {
  const oldNames = new Set(before.map((v) => v.name));
  const newNames = new Set(after.map((v) => v.name));
  let removed = before.filter((v) => !newNames.has(v.name));
  let added = after.filter((v) => !oldNames.has(v.name));
  const renamed: { from: string; to: string }[] = [];
  for (const r of [...removed]) {
    const match =
      added.find((a) => a.label === r.label) ??
      (removed.length === added.length ? added.find((a) => after.indexOf(a) === before.indexOf(r)) : undefined);
    if (!match) continue;
    renamed.push({ from: r.name, to: match.name });
    removed = removed.filter((v) => v !== r);
    added = added.filter((v) => v !== match);
  }
  const details: Detail[] = [];
  if (added.length)
    details.push({
      kind: 'picklist',
      text: `picklist values added: ${added.map((v) => v.name).join(', ')}`,
      data: { added: added.map((v) => v.name) },
    });
  if (removed.length)
    details.push({
      kind: 'picklist',
      text: `picklist values removed: ${removed.map((v) => v.name).join(', ')}`,
      data: { removed: removed.map((v) => v.name) },
      risk: {
        level: 'medium',
        category: 'data-loss',
        reason: `records holding ${removed.map((v) => v.name).join(', ')} keep a value that is no longer in the list (reports and filters stop matching it; a restricted picklist rejects it on the next save)`,
      },
    });
  for (const r of renamed)
    details.push({
      kind: 'picklist',
      text: `picklist value renamed: ${r.from} → ${r.to}`,
      data: { renamed: r },
      risk: {
        level: 'medium',
        category: 'data-loss',
        reason: `renaming an API name in metadata does not update records: those holding ${r.from} keep it (replace it in the org first, or migrate the data)`,
      },
    });
  const kept = (list: readonly Value[]) => list.map((v) => v.name).filter((n) => oldNames.has(n) && newNames.has(n));
  if (!added.length && !removed.length && !renamed.length && kept(before).join() !== kept(after).join())
    details.push({ kind: 'picklist', text: `picklist values reordered: ${kept(after).join(', ')}` });
  const relabelled = after.filter((v) => before.some((b) => b.name === v.name && b.label !== v.label));
  if (relabelled.length)
    details.push({
      kind: 'picklist',
      text: `picklist labels changed: ${relabelled.map((v) => `${v.name} → "${v.label}"`).join(', ')}`,
    });
  return details;
}

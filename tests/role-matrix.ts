/**
 * The role model as the permission sets grant it, in the shape docs/roles.md documents it: per
 * role (permission set group), each object's access as letters (C create, R read, E edit,
 * D delete, V view all, M modify all), the governed fields' access (edit, read or none) and the
 * custom permissions. tests/roles.test.ts compares the two.
 */
import type { RevOpsModel } from '../scripts/dsl/index.ts';

export interface Role {
  readonly group: string;
  readonly objects: Map<string, string>;
  readonly fields: Map<string, 'edit' | 'read'>;
  readonly customPermissions: Set<string>;
  readonly userPermissions: Set<string>;
}

const LETTERS = [
  ['create', 'C'],
  ['read', 'R'],
  ['edit', 'E'],
  ['delete', 'D'],
  ['viewAll', 'V'],
  ['modifyAll', 'M'],
] as const;

/** Every role of the model: the union of its group's permission sets. */
export function rolesOf(model: RevOpsModel): Role[] {
  return model.permissionSetGroups.map((g) => {
    const sets = model.permissionSets.filter((s) => g.permissionSets.includes(s.name));
    const objects = new Map<string, string>();
    const fields = new Map<string, 'edit' | 'read'>();
    for (const set of sets) {
      for (const [object, access] of Object.entries(set.objects)) {
        const had = objects.get(object) ?? '';
        objects.set(
          object,
          LETTERS.filter(([key, letter]) => access[key] || had.includes(letter))
            .map(([, letter]) => letter)
            .join(''),
        );
      }
      for (const f of set.fields) {
        const key = `${f.field.object}.${f.field.field}`;
        if (f.edit || !fields.has(key)) fields.set(key, f.edit ? 'edit' : 'read');
      }
    }
    return {
      group: g.name,
      objects,
      fields,
      customPermissions: new Set(sets.flatMap((s) => s.customPermissions)),
      userPermissions: new Set(sets.flatMap((s) => s.userPermissions)),
    };
  });
}

/** The first Markdown table after `heading` in `markdown`: its header row, then its body rows. */
export function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`docs/roles.md has no "${heading}" heading`);
  const rows: string[][] = [];
  let i = start + 1;
  while (i < lines.length && !lines[i]!.startsWith('|')) i++;
  for (; i < lines.length && lines[i]!.startsWith('|'); i++)
    rows.push(
      lines[i]!.slice(1, -1)
        .split('|')
        .map((c) => c.trim().replace(/`/g, '')),
    );
  // The header, then the body (the |---| rule skipped); "—" is an empty cell.
  return [rows[0] ?? [], ...rows.slice(2)].map((r) => r.map((c) => (c === '—' ? '' : c)));
}

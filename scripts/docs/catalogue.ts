/**
 * The model catalogue: Markdown pages under docs/model/ that the change-control board reads.
 * A pure function of the model (no I/O, no clock), so the pages are byte-stable and the drift
 * check covers them like the generated metadata. Each family of the registry writes its pages
 * and its pieces of the front page and of the object pages; this module builds the context
 * they share and the front page.
 */
import {
  DOCS_ROOT,
  INDEX_PAGE,
  LOCK,
  byRank,
  byString,
  objectPage,
  sortBy,
  type Catalogue,
  type CataloguePage,
} from '../core/catalogue.ts';
import type { AnyFamily } from '../core/family.ts';
import { bullets, code, heading, href, link, page, table } from '../core/markdown.ts';
import type { ObjectDef } from '../core/model-types.ts';
import { originOf } from '../core/origin.ts';
import { FAMILIES, type RevOpsModel } from '../families/registry.ts';
import { buildSchema } from '../schema/build.ts';

export { DOCS_ROOT } from '../core/catalogue.ts';

/** One catalogue file: path relative to the project root (POSIX), Markdown content. */
export type CatalogueFile = CataloguePage;

/** Every page of the catalogue, sorted by path. */
export function renderCatalogue(model: RevOpsModel, families: readonly AnyFamily[] = FAMILIES): CatalogueFile[] {
  const cat = catalogue(model, families);
  const pages = [indexPage(cat, families), ...families.flatMap((f) => f.catalogue?.pages?.(cat) ?? [])];
  return pages
    .map((p) => ({ path: `${DOCS_ROOT}/${p.path}`, content: p.content }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The front page: every family's links and summary rows, in registry order, then their sections. */
function indexPage(cat: Catalogue<RevOpsModel>, families: readonly AnyFamily[]): CataloguePage {
  const parts = families.map((f) => f.catalogue?.index?.(cat) ?? {});
  return {
    path: INDEX_PAGE,
    content: page([
      heading(1, 'RevOps model catalogue'),
      `Every definition of the RevOps model, as the change-control board reviews it. Generated from ${code('model/')} by ${code('revops generate')}: do not edit these pages (the drift check fails on any hand edit). ${LOCK} marks a locked definition: changing it needs an approved governance RFC.`,
      heading(2, 'Pages'),
      bullets(parts.flatMap((p) => p.links ?? [])),
      heading(2, 'Summary'),
      table(
        ['Definitions', 'Count', 'Locked'],
        parts.flatMap((p) => p.summary ?? []),
      ),
      ...parts.flatMap((p) => p.sections ?? []),
    ]),
  };
}

function catalogue(model: RevOpsModel, families: readonly AnyFamily[]): Catalogue<RevOpsModel> {
  const schema = buildSchema(model, families);
  const objects = sortBy(model.objects, (o) => o.apiName);
  const byName = new Map(objects.map((o) => [o.apiName.toLowerCase(), o]));
  const permissionNames = new Map(schema.customPermissionNames().map((p) => [p.toLowerCase(), p]));
  const fieldDef = (object: string, field: string) => {
    const def = byName.get(object.toLowerCase());
    return def
      ? Object.entries(def.fields).find(([name]) => name.toLowerCase() === field.toLowerCase())?.[1]
      : undefined;
  };
  const cat: Catalogue<RevOpsModel> = {
    model,
    schema,
    objects,
    object: (apiName) => byName.get(apiName.toLowerCase()),
    origin: (definition) => originOf(definition)?.replace(/:\d+$/, ''),
    permissionsIn: (formula) =>
      [
        ...new Set(
          [...formula.matchAll(/\$Permission\.([A-Za-z0-9_]+)/gi)].map(
            (m) => permissionNames.get(m[1]!.toLowerCase()) ?? m[1]!,
          ),
        ),
      ].sort(byString),
    fieldLabel: (object, field) => fieldDef(object, field)?.label ?? schema.object(object)?.field(field)?.label,
    fieldDef,
    objectLink: (from, apiName) => {
      const def = byName.get(apiName.toLowerCase());
      return def ? link(code(def.apiName), href(from, objectPage(def.apiName)), { raw: true }) : code(apiName);
    },
    fieldLink: (from, object, field, o = {}) => {
      const label = code(o.qualified === false ? field : `${object}.${field}`);
      const def = byName.get(object.toLowerCase());
      return def ? link(label, href(from, objectPage(def.apiName), 'fields'), { raw: true }) : label;
    },
    objectSections: (object: ObjectDef, from: string) =>
      byRank(families.flatMap((f) => f.catalogue?.objectSections?.(cat, object, from) ?? [])).flat(),
    related: (object: ObjectDef, from: string) =>
      byRank(families.flatMap((f) => f.catalogue?.related?.(cat, object, from) ?? [])),
  };
  return cat;
}

/**
 * What every catalogue page (docs/model/) needs beyond the model's own lists: where pages live,
 * how to link to an object or a field, labels of standard fields, which custom permissions a
 * formula checks, and the sections other families add to an object's page. The pipeline
 * (scripts/docs/catalogue.ts) builds one Catalogue from the model and the registry.
 */
import type { ModelSchema } from '../schema/builder.ts';
import { href, link, text, type Cell } from './markdown.ts';
import type { FieldDef, ObjectDef } from './model-types.ts';

/** The catalogue's folder: owned by the generator like force-app/generated. */
export const DOCS_ROOT = 'docs/model';

/** The front page, relative to DOCS_ROOT. */
export const INDEX_PAGE = 'README.md';

export const objectPage = (apiName: string): string => `objects/${apiName}.md`;

/** One catalogue page: path relative to DOCS_ROOT, Markdown content. */
export interface CataloguePage {
  readonly path: string;
  readonly content: string;
}

/** A piece of a page placed among other families' pieces: lower ranks come first. */
export interface Ranked<T> {
  readonly rank: number;
  readonly value: T;
}

/** Case-insensitive, then code-point order: the same on every machine and locale. */
export const byString = (a: string, b: string): number => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};
export const sortBy = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => byString(key(a), key(b)));

export const LOCK = '🔒';
export const lockBadge = (what: string): string =>
  `${LOCK} **Locked.** Changing this ${what} needs an approved governance RFC.`;

const SYSTEM_AUDIT = new Set(['CreatedById', 'LastModifiedById', 'RecordTypeId']);
export const isAuditField = (name: string): boolean => SYSTEM_AUDIT.has(name);

export interface Catalogue<M = unknown> {
  readonly model: M;
  readonly schema: ModelSchema;
  /** Model objects, by API name. */
  readonly objects: readonly ObjectDef[];
  object(apiName: string): ObjectDef | undefined;
  /** Model file that defined a definition (no line number: lines move with every edit). */
  origin(definition: object): string | undefined;
  /** Custom permissions a formula checks through `$Permission`, in the model's spelling. */
  permissionsIn(formula: string): string[];
  fieldLabel(object: string, field: string): string | undefined;
  /** Custom field definition, if the field is a model field. */
  fieldDef(object: string, field: string): FieldDef | undefined;
  /** Link to an object page, or the API name in code when the model does not define it. */
  objectLink(from: string, apiName: string): string;
  /** `Object.Field` in code, linked to the object's field list. */
  fieldLink(from: string, object: string, field: string, o?: { qualified?: boolean }): string;
  /** Every family's sections for an object's page, in rank order. */
  objectSections(object: ObjectDef, from: string): string[];
  /** Every family's "related definitions" bullets for an object's page, in rank order. */
  related(object: ObjectDef, from: string): string[];
}

/** Ranked pieces in rank order (stable among equal ranks). */
export const byRank = <T>(pieces: readonly Ranked<T>[]): T[] =>
  [...pieces].sort((a, b) => a.rank - b.rank).map((p) => p.value);

/** A row of the front page's summary table: how many definitions of a kind, how many locked, where to read them. */
export function summaryRow(what: string, items: readonly { readonly locked?: boolean }[], target?: string): Cell[] {
  const locked = items.filter((i) => i.locked).length;
  return [target ? link(what, href(INDEX_PAGE, target)) : text(what), items.length, locked ? `${LOCK} ${locked}` : ''];
}

/** A summary row for a definition that holds a list (stages, lead statuses): its length, locked as a whole. */
export function summarySingle(
  what: string,
  item: { readonly locked?: boolean; readonly length: number } | undefined,
  target: string,
): Cell[] {
  return [link(what, href(INDEX_PAGE, target)), item?.length ?? 0, item?.locked ? `${LOCK} all` : ''];
}

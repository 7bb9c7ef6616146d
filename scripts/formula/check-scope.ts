/**
 * What the parts of the type checker share: the checker's scope (the formula, the schema, the
 * object, the record of what the formula uses) and small helpers over checked nodes. The field
 * resolver, the operator rules and the function dispatch depend on this interface, not on the
 * Checker class, so none of them imports another.
 */
import type { FormulaAst } from './ast.ts';
import type { FormulaError } from './errors.ts';
import type { TLiteral, TNode } from './typed-ast.ts';
import type { FormulaContext, FormulaType } from './types.ts';
import type { Schema, SchemaObject } from '../schema/types.ts';

/** One field a formula reads. */
export interface FieldReference {
  /** As written in the formula, e.g. `account.name`. */
  readonly written: string;
  /** `Object.Field` of the field's own object, canonical spelling, e.g. `Account.Name`. */
  readonly qualified: string;
  /** Canonical path from the formula's root, e.g. `Opportunity.Account.Name` or `$User.Email`. */
  readonly path: string;
  readonly type: FormulaType;
  /** Read through PRIORVALUE / ISCHANGED. */
  readonly prior: boolean;
  readonly start: number;
  readonly end: number;
}

/** What a formula uses, collected while it is checked. */
export interface Usage {
  readonly fields: FieldReference[];
  readonly permissions: Set<string>;
  readonly customMetadata: Set<string>;
  readonly functions: Set<string>;
  usesClock: boolean;
  usesPrior: boolean;
}

export interface Expect {
  /** Whether Picklist / MultiPicklist values may appear here. */
  readonly picklist?: boolean;
}

export type Span = { readonly start: number; readonly end: number };

export interface CheckScope {
  readonly source: string;
  readonly schema: Schema;
  /** The object the formula belongs to. */
  readonly root: SchemaObject;
  readonly context: FormulaContext;
  readonly blankAsZero: boolean;
  readonly usage: Usage;
  /** Above zero while checking the argument of PRIORVALUE / ISCHANGED: fields read the prior record. */
  priorDepth: number;
  err(kind: FormulaError['kind'], message: string, at: Span): FormulaError;
  /** Checks a node; Picklist values are rejected unless `expect` allows them. */
  node(ast: FormulaAst, expect: Expect): TNode;
  expectType(t: TNode, accepted: readonly FormulaType[], where: string, at: Span): TNode;
  unifyType(a: FormulaType, b: FormulaType, where: string, at: Span): FormulaType;
  unify(x: TNode, y: TNode, where: string): [TNode, TNode, FormulaType];
}

export function lit(type: FormulaType, value: number | string | boolean | null, at: Span): TLiteral {
  return { k: 'literal', type, value, nullable: value === null, start: at.start, end: at.end };
}

/** NULL where text is expected is the empty text. */
export function asText(t: TNode): TNode {
  return t.type === 'Null' ? lit('Text', '', t) : t;
}

export function unparen(a: FormulaAst): FormulaAst {
  return a.kind === 'paren' ? unparen(a.inner) : a;
}

export function suggest(names: readonly string[]): string {
  return names.length > 0 ? ` Did you mean ${names.join(', ')}?` : '';
}

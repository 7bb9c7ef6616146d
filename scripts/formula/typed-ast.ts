import type { BinaryOperator } from './ast.ts';
import type { DescribeFieldType } from '../schema/types.ts';
import type { FormulaType } from './types.ts';

/**
 * The checked tree the compiler consumes. Every node knows its formula type and whether it can
 * evaluate to null at run time (Text is never null: a blank text is ""; Checkbox fields are never
 * null; numbers, dates and comparisons over them can be).
 */
interface TBase {
  readonly type: FormulaType;
  readonly nullable: boolean;
  readonly start: number;
  readonly end: number;
}

export interface TLiteral extends TBase {
  readonly k: 'literal';
  /** Internal representation: number, string, boolean, or null. */
  readonly value: number | string | boolean | null;
}

/** Where a merge field is read from at run time. */
export type FieldScope = 'record' | 'prior' | 'user' | 'profile' | 'userRole' | 'recordType' | 'organization';

export interface TField extends TBase {
  readonly k: 'field';
  readonly scope: FieldScope;
  /** Canonical names: relationship names, then the field's API name. */
  readonly path: readonly string[];
  readonly fieldType: DescribeFieldType;
  /** `Object.Field` of the field's own object (for references). */
  readonly qualified: string;
}

export interface TPermission extends TBase {
  readonly k: 'permission';
  readonly name: string;
}

export interface TCustomMetadata extends TBase {
  readonly k: 'customMetadata';
  readonly typeName: string;
  readonly recordName: string;
  readonly fieldName: string;
  /** The value from the schema, in the internal representation. */
  readonly value: number | string | boolean | null;
  readonly fieldType: DescribeFieldType | undefined;
}

export interface TCall extends TBase {
  readonly k: 'call';
  readonly name: string;
  readonly args: readonly TNode[];
}

export interface TUnary extends TBase {
  readonly k: 'unary';
  readonly op: '-' | '!';
  readonly operand: TNode;
}

export interface TBinary extends TBase {
  readonly k: 'binary';
  readonly op: BinaryOperator;
  readonly left: TNode;
  readonly right: TNode;
}

export type TNode = TLiteral | TField | TPermission | TCustomMetadata | TCall | TUnary | TBinary;

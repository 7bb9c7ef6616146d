/** The syntax tree `parse` produces. Offsets are 0-based character positions into the source. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=' | '&&' | '||';

export type UnaryOperator = '-' | '+' | '!';

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface NumberLiteral extends Span {
  readonly kind: 'number';
  readonly value: number;
  readonly raw: string;
}
export interface StringLiteral extends Span {
  readonly kind: 'string';
  readonly value: string;
}
export interface BooleanLiteral extends Span {
  readonly kind: 'boolean';
  readonly value: boolean;
}
export interface NullLiteral extends Span {
  readonly kind: 'null';
}
/**
 * A merge field: `Field__c`, `Account.Name`, `Champion__r.Email`, `$User.Email`,
 * `$CustomMetadata.Type__mdt.Record.Field__c`, or the flow form `{!$Record.StageName}`.
 * `path` keeps the formula's spelling; `segments` holds each segment's start offset.
 */
export interface FieldRef extends Span {
  readonly kind: 'field';
  readonly path: readonly string[];
  readonly segments: readonly number[];
}
export interface Call extends Span {
  readonly kind: 'call';
  /** Upper-cased function name. */
  readonly name: string;
  /** The name as written. */
  readonly rawName: string;
  readonly args: readonly FormulaAst[];
}
export interface Unary extends Span {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly operand: FormulaAst;
}
export interface Binary extends Span {
  readonly kind: 'binary';
  /** `==` is normalised to `=`, `!=` to `<>`. */
  readonly op: BinaryOperator;
  readonly left: FormulaAst;
  readonly right: FormulaAst;
  /** Offset of the operator itself. */
  readonly opStart: number;
  readonly opText: string;
}
export interface Paren extends Span {
  readonly kind: 'paren';
  readonly inner: FormulaAst;
}

export type FormulaAst =
  NumberLiteral | StringLiteral | BooleanLiteral | NullLiteral | FieldRef | Call | Unary | Binary | Paren;

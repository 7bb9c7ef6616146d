import type { Call, FieldRef, FormulaAst, Binary } from './ast.ts';
import { FormulaError } from './errors.ts';
import { CLOCK_FUNCTIONS, FUNCTIONS, UNSUPPORTED_FUNCTIONS } from './functions.ts';
import { parse, sourceOf } from './parser.ts';
import { javaRegex, RegexTranslationError } from './regex.ts';
import { closestNames } from './suggest.ts';
import type { TCall, TField, TLiteral, TNode, FieldScope } from './typed-ast.ts';
import {
  formulaTypeOf,
  isNumeric,
  normaliseReturnType,
  typeLabel,
  type FormulaContext,
  type FormulaType,
  type ReturnTypeName,
} from './types.ts';
import type { Schema, SchemaField, SchemaObject } from '../schema/types.ts';
import { parseDateText, parseDateTimeText } from './datetime.ts';

export interface CheckOptions {
  readonly schema: Schema;
  /** The object the formula belongs to (API name, case-insensitive). */
  readonly object: string;
  /** Where the formula runs. Validation rules must return Checkbox. Default `any`. */
  readonly context?: FormulaContext;
  /** The declared result type (formula fields, flow formulas). Validation rules imply Checkbox. */
  readonly returnType?: ReturnTypeName | FormulaType;
  /** Treat blank number, currency and percent fields as zero (formula fields' "Treat blank fields as zeroes"). */
  readonly blankAsZero?: boolean;
  /** Decimal places of a Number/Currency/Percent result (formula fields); the result is rounded half up. */
  readonly scale?: number;
  /** Source text when `check` is given a tree that did not come from `parse`. */
  readonly source?: string;
}

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

export interface CheckedFormula {
  readonly source: string;
  readonly ast: FormulaAst;
  readonly typed: TNode;
  readonly object: string;
  readonly context: FormulaContext;
  readonly blankAsZero: boolean;
  /** The type the expression computes. */
  readonly type: FormulaType;
  /** The type the compiled function returns (declared, or inferred). */
  readonly returnType: Exclude<FormulaType, 'Null' | 'Picklist' | 'MultiPicklist'>;
  readonly scale: number | undefined;
  /** Distinct `Object.Field` names the formula reads (relationship fields included), sorted. */
  readonly references: readonly string[];
  readonly fields: readonly FieldReference[];
  /** Custom permissions referenced through `$Permission`. */
  readonly permissions: readonly string[];
  /** `Type__mdt.Record.Field__c` referenced through `$CustomMetadata`. */
  readonly customMetadata: readonly string[];
  /** Upper-cased function names used. */
  readonly functions: readonly string[];
  /** Uses TODAY / NOW / TIMENOW (needs `now` to evaluate). */
  readonly usesClock: boolean;
  /** Uses ISCHANGED / PRIORVALUE / ISNEW / ISCLONE. */
  readonly usesPrior: boolean;
}

const NOT_IN_FORMULA_FIELDS: ReadonlySet<FormulaContext> = new Set(['formulaField', 'defaultValue']);

/** Type-checks a formula against the schema; every problem is a positioned FormulaError. */
export function check(formula: string | FormulaAst, options: CheckOptions): CheckedFormula {
  const ast = typeof formula === 'string' ? parse(formula) : formula;
  const source = typeof formula === 'string' ? formula : (options.source ?? sourceOf(formula) ?? '');
  try {
    return new Checker(source, options).run(ast);
  } catch (e) {
    if (e instanceof RangeError)
      throw new FormulaError('syntax', 'The formula is too complex (nested too deeply)', source, 0, source.length);
    throw e;
  }
}

interface Expect {
  /** Whether Picklist / MultiPicklist values may appear here. */
  readonly picklist?: boolean;
}

class Checker {
  private readonly source: string;
  private readonly schema: Schema;
  private readonly root: SchemaObject;
  private readonly context: FormulaContext;
  private readonly blankAsZero: boolean;
  private readonly options: CheckOptions;
  private readonly fieldRefs: FieldReference[] = [];
  private readonly permissions = new Set<string>();
  private readonly customMetadata = new Set<string>();
  private readonly functions = new Set<string>();
  private usesClock = false;
  private usesPrior = false;
  private priorDepth = 0;

  constructor(source: string, options: CheckOptions) {
    this.source = source;
    this.options = options;
    this.schema = options.schema;
    const root = options.schema.object(options.object);
    if (!root)
      throw new FormulaError(
        'reference',
        `Object ${options.object} does not exist in the schema`,
        source,
        0,
        source.length,
      );
    this.root = root;
    this.context = options.context ?? 'any';
    this.blankAsZero = options.blankAsZero ?? false;
  }

  run(ast: FormulaAst): CheckedFormula {
    const typed = this.node(ast, {});
    const declared = this.declaredReturnType(ast);
    let returnType: CheckedFormula['returnType'];
    if (declared) {
      if (!compatibleResult(typed.type, declared)) {
        const expected = this.context === 'validationRule' ? 'true or false' : typeLabel(declared);
        throw this.err(
          'type',
          `Formula result is data type (${typeLabel(typed.type)}), incompatible with expected data type (${expected}).`,
          ast,
        );
      }
      returnType = declared;
    } else {
      const t = typed.type;
      returnType = t === 'Null' || t === 'Picklist' || t === 'MultiPicklist' ? 'Text' : t;
    }
    const scale = this.options.scale;
    const references = [...new Set(this.fieldRefs.flatMap((r) => referencesOf(r)))].sort();
    return {
      source: this.source,
      ast,
      typed,
      object: this.root.name,
      context: this.context,
      blankAsZero: this.blankAsZero,
      type: typed.type,
      returnType,
      scale,
      references,
      fields: this.fieldRefs,
      permissions: [...this.permissions].sort(),
      customMetadata: [...this.customMetadata].sort(),
      functions: [...this.functions].sort(),
      usesClock: this.usesClock,
      usesPrior: this.usesPrior,
    };
  }

  private declaredReturnType(ast: FormulaAst): CheckedFormula['returnType'] | undefined {
    if (this.context === 'validationRule') {
      if (this.options.returnType !== undefined && normaliseReturnType(this.options.returnType) !== 'Checkbox') {
        throw this.err('type', 'Validation rules must return Checkbox', ast);
      }
      return 'Checkbox';
    }
    if (this.options.returnType === undefined) return undefined;
    const t = normaliseReturnType(this.options.returnType);
    if (!t || t === 'Null' || t === 'Picklist' || t === 'MultiPicklist') {
      throw new FormulaError('type', `Unknown formula return type '${this.options.returnType}'`, this.source, 0, 1);
    }
    return t;
  }

  // ---------------------------------------------------------------- helpers

  private err(kind: FormulaError['kind'], message: string, at: { start: number; end: number }): FormulaError {
    return new FormulaError(kind, message, this.source, at.start, Math.max(1, at.end - at.start));
  }

  /** Checks a node; Picklist values are rejected unless the caller allows them. */
  private node(ast: FormulaAst, expect: Expect): TNode {
    const t = this.nodeInner(ast, expect);
    if ((t.type === 'Picklist' || t.type === 'MultiPicklist') && !expect.picklist) {
      const kind = t.type === 'Picklist' ? 'picklist' : 'multi-select picklist';
      const what =
        ast.kind === 'field'
          ? `Field ${ast.path.join('.')} is a ${kind} field`
          : `${this.source.slice(ast.start, ast.end) || 'The expression'} is a ${kind} value`;
      const allowed =
        t.type === 'Picklist'
          ? 'ISPICKVAL, TEXT, CASE, ISBLANK, ISNULL, PRIORVALUE, ISCHANGED'
          : 'INCLUDES, ISBLANK, ISNULL, PRIORVALUE, ISCHANGED, PICKLISTCOUNT';
      throw this.err('type', `${what}. Picklist fields are only supported in certain functions (${allowed}).`, ast);
    }
    return t;
  }

  private nodeInner(ast: FormulaAst, expect: Expect): TNode {
    switch (ast.kind) {
      case 'number':
        return lit('Number', ast.value, ast);
      case 'string':
        return lit('Text', ast.value, ast);
      case 'boolean':
        return lit('Checkbox', ast.value, ast);
      case 'null':
        return { k: 'literal', type: 'Null', value: null, nullable: true, start: ast.start, end: ast.end };
      case 'paren': {
        const inner = this.node(ast.inner, expect);
        return { ...inner, start: ast.start, end: ast.end };
      }
      case 'field':
        return this.field(ast, this.priorDepth > 0 ? 'prior' : undefined);
      case 'unary': {
        if (ast.op === '!') {
          const operand = this.expectType(this.node(ast.operand, {}), ['Checkbox'], `operator '!'`, ast.operand);
          return {
            k: 'unary',
            op: '!',
            operand,
            type: 'Checkbox',
            nullable: operand.nullable,
            start: ast.start,
            end: ast.end,
          };
        }
        const operand = this.node(ast.operand, {});
        if (!isNumeric(operand.type) && operand.type !== 'Null') {
          throw this.err(
            'type',
            `Incorrect parameter type for operator '${ast.op}'. Expected Number, received ${typeLabel(operand.type)}`,
            ast.operand,
          );
        }
        if (ast.op === '+') return { ...operand, start: ast.start, end: ast.end };
        if (operand.k === 'literal' && typeof operand.value === 'number') {
          return lit(operand.type, -operand.value, ast);
        }
        const type = operand.type === 'Null' ? 'Number' : operand.type;
        return { k: 'unary', op: '-', operand, type, nullable: operand.nullable, start: ast.start, end: ast.end };
      }
      case 'binary':
        return this.binary(ast);
      case 'call':
        return this.call(ast, expect);
    }
  }

  private expectType(
    t: TNode,
    accepted: readonly FormulaType[],
    where: string,
    at: { start: number; end: number },
  ): TNode {
    if (t.type === 'Null') {
      if (accepted.includes('Text')) return lit('Text', '', t);
      return t;
    }
    if (accepted.includes(t.type)) return t;
    if (accepted.includes('Number') && isNumeric(t.type)) return t;
    const expected = [...new Set(accepted.map(typeLabel))].join(', ');
    throw this.err(
      'type',
      `Incorrect parameter type for ${where}. Expected ${expected}, received ${typeLabel(t.type)}`,
      at,
    );
  }

  // ---------------------------------------------------------------- fields

  private field(ast: FieldRef, forcedScope: 'prior' | undefined): TNode {
    const path = ast.path;
    const head = path[0] as string;
    if (head.startsWith('$')) return this.global(ast, forcedScope);
    return this.walk(ast, forcedScope ?? 'record', this.root, 0, this.root.name);
  }

  private global(ast: FieldRef, forcedScope: 'prior' | undefined): TNode {
    const head = (ast.path[0] as string).toUpperCase();
    const segAt = (i: number) => ({
      start: ast.segments[i] ?? ast.start,
      end: (ast.segments[i] ?? ast.start) + (ast.path[i]?.length ?? 1),
    });
    const objectScope = (scope: FieldScope, objectName: string, label: string): TNode => {
      const obj = this.schema.object(objectName);
      if (!obj) throw this.err('reference', `${label} is not available: the schema has no ${objectName} object`, ast);
      if (ast.path.length < 2) throw this.err('reference', `${label} needs a field, e.g. ${label}.Name`, ast);
      return this.walk(ast, scope, obj, 1, label);
    };
    switch (head) {
      case '$USER':
        return objectScope('user', 'User', '$User');
      case '$PROFILE':
        return objectScope('profile', 'Profile', '$Profile');
      case '$USERROLE':
        return objectScope('userRole', 'UserRole', '$UserRole');
      case '$RECORDTYPE':
        return objectScope('recordType', 'RecordType', '$RecordType');
      case '$ORGANIZATION':
        return objectScope('organization', 'Organization', '$Organization');
      case '$RECORD':
        if (ast.path.length < 2) throw this.err('reference', '$Record needs a field, e.g. $Record.Name', ast);
        return this.walk(ast, forcedScope ?? 'record', this.root, 1, this.root.name);
      case '$RECORD__PRIOR':
        if (ast.path.length < 2)
          throw this.err('reference', '$Record__Prior needs a field, e.g. $Record__Prior.Name', ast);
        this.usesPrior = true;
        return this.walk(ast, 'prior', this.root, 1, this.root.name);
      case '$PERMISSION': {
        if (ast.path.length !== 2)
          throw this.err(
            'reference',
            '$Permission takes one custom permission name, e.g. $Permission.Bypass_Validation',
            ast,
          );
        const name = ast.path[1] as string;
        if (!this.schema.hasCustomPermission(name)) {
          throw this.err('reference', `Custom permission ${name} does not exist ($Permission.${name})`, segAt(1));
        }
        this.permissions.add(name);
        return { k: 'permission', name, type: 'Checkbox', nullable: false, start: ast.start, end: ast.end };
      }
      case '$CUSTOMMETADATA':
        return this.customMetadataRef(ast, segAt);
      case '$SYSTEM': {
        if (ast.path.length === 2 && (ast.path[1] as string).toLowerCase() === 'origindatetime') {
          return lit('DateTime', Date.UTC(1900, 0, 1), ast);
        }
        throw this.err('reference', `Unknown field ${ast.path.join('.')} ($System supports OriginDateTime)`, ast);
      }
      case '$API':
      case '$LABEL':
      case '$SETUP':
      case '$SITE':
      case '$NETWORK':
      case '$OBJECTTYPE':
      case '$COMPONENT':
      case '$RESOURCE':
      case '$ACTION':
      case '$CURRENTPAGE':
      case '$USERPREFERENCE':
      case '$FLOW':
        throw this.err(
          'unsupported',
          `Global variable ${ast.path[0]} is not supported by this formula engine`,
          segAt(0),
        );
      default:
        throw this.err('reference', `Unknown global variable ${ast.path[0]}`, segAt(0));
    }
  }

  private customMetadataRef(ast: FieldRef, segAt: (i: number) => { start: number; end: number }): TNode {
    if (ast.path.length !== 4) {
      throw this.err('reference', '$CustomMetadata needs Type__mdt.Record.Field__c', ast);
    }
    const [, typeName, recordName, fieldName] = ast.path as [string, string, string, string];
    if (!/__mdt$/i.test(typeName))
      throw this.err('reference', `${typeName} is not a custom metadata type (names end in __mdt)`, segAt(1));
    const values = this.schema.customMetadataRecord(typeName, recordName);
    if (!values) {
      throw this.err('reference', `Custom metadata record ${typeName}.${recordName} does not exist`, {
        start: segAt(1).start,
        end: segAt(2).end,
      });
    }
    const typeObj = this.schema.object(typeName);
    const schemaField = typeObj?.field(fieldName);
    const key = Object.keys(values).find((k) => k.toLowerCase() === fieldName.toLowerCase());
    if (!schemaField && key === undefined) {
      const suggestions = closestNames(fieldName, [
        ...Object.keys(values),
        ...(typeObj?.fields().map((f) => f.name) ?? []),
      ]);
      throw this.err('reference', `Field ${fieldName} does not exist on ${typeName}.${suggest(suggestions)}`, segAt(3));
    }
    const raw = key === undefined ? null : values[key];
    let type: FormulaType;
    if (schemaField) {
      const ft = formulaTypeOf(schemaField.type);
      if (!ft)
        throw this.err('type', `Field ${fieldName} of type ${schemaField.type} cannot be used in formulas`, segAt(3));
      type = ft === 'Picklist' ? 'Text' : ft; // custom metadata picklists read as text values
    } else {
      type = typeof raw === 'boolean' ? 'Checkbox' : typeof raw === 'number' ? 'Number' : 'Text';
    }
    const value = constantValue(raw, type);
    this.customMetadata.add(`${typeName}.${recordName}.${schemaField?.name ?? key ?? fieldName}`);
    return {
      k: 'customMetadata',
      typeName,
      recordName,
      fieldName: schemaField?.name ?? key ?? fieldName,
      value,
      fieldType: schemaField?.type,
      type,
      nullable: value === null && type !== 'Text',
      start: ast.start,
      end: ast.end,
    };
  }

  /** Resolves `path[from..]` starting at `obj`, following relationships. */
  private walk(ast: FieldRef, scope: FieldScope, start: SchemaObject, from: number, rootLabel: string): TNode {
    let obj = start;
    const canonical: string[] = [];
    const path = ast.path;
    const segAt = (i: number) => ({
      start: ast.segments[i] ?? ast.start,
      end: (ast.segments[i] ?? ast.start) + (path[i]?.length ?? 1),
    });
    for (let i = from; i < path.length - 1; i++) {
      const seg = path[i] as string;
      const rel = obj.relationship(seg);
      if (!rel) {
        const asField = obj.field(seg);
        const hint =
          asField?.type === 'reference' && asField.relationshipName
            ? ` To read a field of the related record use ${asField.relationshipName}.`
            : '';
        const candidates = obj.fields().flatMap((f) => (f.relationshipName ? [f.relationshipName] : []));
        throw this.err(
          'reference',
          `Relationship ${seg} does not exist on ${obj.name}.${hint}${suggest(closestNames(seg, candidates))}`,
          segAt(i),
        );
      }
      const targetName = rel.referenceTo?.[0];
      const target = targetName ? this.schema.object(targetName) : undefined;
      if (!target)
        throw this.err(
          'reference',
          `Object ${targetName ?? '?'} (via ${obj.name}.${rel.relationshipName}) does not exist in the schema`,
          segAt(i),
        );
      canonical.push(rel.relationshipName ?? seg);
      obj = target;
    }
    const last = path[path.length - 1] as string;
    const field = obj.field(last);
    if (!field) {
      const rel = obj.relationship(last);
      if (rel) {
        throw this.err(
          'reference',
          `${last} is a relationship on ${obj.name}; reference one of its fields (e.g. ${rel.relationshipName}.Name) or the ID field ${rel.name}`,
          segAt(path.length - 1),
        );
      }
      const candidates = [
        ...obj.fields().map((f) => f.name),
        ...obj.fields().flatMap((f) => (f.relationshipName ? [f.relationshipName] : [])),
      ];
      const where = canonical.length > 0 || scope !== 'record' ? ` on ${obj.name}` : '';
      throw this.err(
        'reference',
        `Field ${last} does not exist${where}. Check spelling.${suggest(closestNames(last, candidates))}`,
        segAt(path.length - 1),
      );
    }
    const type = formulaTypeOf(field.type);
    if (!type) {
      throw this.err(
        'type',
        `Field ${field.name} is a compound ${field.type} field; formulas read its components (e.g. BillingCity)`,
        segAt(path.length - 1),
      );
    }
    canonical.push(field.name);
    const nullable = isNumeric(type) ? !this.blankAsZero : type === 'Date' || type === 'DateTime' || type === 'Time';
    const qualified = `${obj.name}.${field.name}`;
    const prefix = scope === 'record' || scope === 'prior' ? this.root.name : rootLabel;
    this.fieldRefs.push({
      written: path.join('.'),
      qualified,
      path: [prefix, ...canonical].join('.'),
      type,
      prior: scope === 'prior',
      start: ast.start,
      end: ast.end,
    });
    this.recordTraversal(start, path.slice(from, -1), scope);
    const node: TField = {
      k: 'field',
      scope,
      path: canonical,
      fieldType: field.type,
      qualified,
      type,
      nullable,
      start: ast.start,
      end: ast.end,
    };
    return node;
  }

  /** Records the relationship ID fields a traversal goes through (Opportunity.AccountId for Account.Name). */
  private recordTraversal(start: SchemaObject, rels: readonly string[], scope: FieldScope): void {
    let obj: SchemaObject | undefined = start;
    for (const r of rels) {
      const rel: SchemaField | undefined = obj?.relationship(r);
      if (!obj || !rel) return;
      this.fieldRefs.push({
        written: r,
        qualified: `${obj.name}.${rel.name}`,
        path: `${obj.name}.${rel.name}`,
        type: 'Text',
        prior: scope === 'prior',
        start: 0,
        end: 0,
      });
      obj = rel.referenceTo?.[0] ? this.schema.object(rel.referenceTo[0]) : undefined;
    }
  }

  // ---------------------------------------------------------------- operators

  private binary(ast: Binary): TNode {
    const op = ast.op;
    const opAt = { start: ast.opStart, end: ast.opStart + ast.opText.length };
    if (op === '&&' || op === '||') {
      const left = this.expectType(this.node(ast.left, {}), ['Checkbox'], `operator '${ast.opText}'`, ast.left);
      const right = this.expectType(this.node(ast.right, {}), ['Checkbox'], `operator '${ast.opText}'`, ast.right);
      return {
        k: 'binary',
        op,
        left,
        right,
        type: 'Checkbox',
        nullable: left.nullable || right.nullable,
        start: ast.start,
        end: ast.end,
      };
    }
    const left = this.node(ast.left, {});
    const right = this.node(ast.right, {});
    const lt = left.type;
    const rt = right.type;
    const bad = (expected: string): never => {
      const culprit = expectedMatches(expected, lt) ? right : left;
      const received = culprit === right ? rt : lt;
      throw this.err(
        'type',
        `Incorrect parameter type for operator '${ast.opText}'. Expected ${expected}, received ${typeLabel(received)}`,
        culprit,
      );
    };
    const nullable = left.nullable || right.nullable;
    const mk = (type: FormulaType, l = left, r = right, n = nullable): TNode => ({
      k: 'binary',
      op,
      left: l,
      right: r,
      type,
      nullable: n,
      start: ast.start,
      end: ast.end,
    });
    // Null operands take the other side's type.
    const eff = (a: FormulaType, b: FormulaType): FormulaType => (a === 'Null' ? (b === 'Null' ? 'Number' : b) : a);
    const L = eff(lt, rt);
    const R = eff(rt, lt);
    switch (op) {
      case '&': {
        if (L !== 'Text') bad('Text');
        if (R !== 'Text') bad('Text');
        return mk('Text', asText(left), asText(right), false);
      }
      case '+': {
        if (L === 'Text' && R === 'Text') {
          return {
            k: 'binary',
            op: '&',
            left: asText(left),
            right: asText(right),
            type: 'Text',
            nullable: false,
            start: ast.start,
            end: ast.end,
          };
        }
        if (isNumeric(L) && isNumeric(R)) return mk(arithmeticType(L, R, op));
        if ((L === 'Date' || L === 'DateTime' || L === 'Time') && isNumeric(R)) return mk(L);
        if (isNumeric(L) && (R === 'Date' || R === 'DateTime' || R === 'Time')) return mk(R, right, left);
        return bad(L === 'Text' ? 'Text' : 'Number, Date, Date/Time, Time');
      }
      case '-': {
        if (isNumeric(L) && isNumeric(R)) return mk(arithmeticType(L, R, op));
        if ((L === 'Date' || L === 'DateTime' || L === 'Time') && isNumeric(R)) return mk(L);
        if ((L === 'Date' || L === 'DateTime' || L === 'Time') && R === L) return mk('Number');
        if (L === 'Date' || L === 'DateTime' || L === 'Time') return bad(`Number, ${typeLabel(L)}`);
        return bad('Number, Date, Date/Time, Time');
      }
      case '*':
      case '/':
      case '^': {
        if (!isNumeric(L)) bad('Number');
        if (!isNumeric(R)) bad('Number');
        return mk(arithmeticType(L, R, op));
      }
      case '=':
      case '<>': {
        if (L === 'Text' && R === 'Text') return mk('Checkbox', asText(left), asText(right), false);
        if (isNumeric(L) && isNumeric(R)) return mk('Checkbox');
        if (L === R && (L === 'Date' || L === 'DateTime' || L === 'Time' || L === 'Checkbox')) return mk('Checkbox');
        if (lt === 'Null' && rt === 'Null') return mk('Checkbox', left, right, true);
        return bad(typeLabel(L));
      }
      case '<':
      case '>':
      case '<=':
      case '>=': {
        if (isNumeric(L) && isNumeric(R)) return mk('Checkbox');
        if (L === R && (L === 'Date' || L === 'DateTime' || L === 'Time')) return mk('Checkbox');
        if (L === 'Text' || L === 'Checkbox') {
          throw this.err(
            'type',
            `Incorrect parameter type for operator '${ast.opText}'. Expected Number, Date, Date/Time, Time, received ${typeLabel(L)}`,
            left,
          );
        }
        return bad(typeLabel(L));
      }
    }
    void opAt;
    throw this.err('type', `Unsupported operator ${ast.opText}`, opAt);
  }

  // ---------------------------------------------------------------- functions

  private call(ast: Call, expect: Expect): TNode {
    const name = ast.name;
    const info = FUNCTIONS[name];
    const nameAt = { start: ast.start, end: ast.start + ast.rawName.length };
    if (!info) {
      if (UNSUPPORTED_FUNCTIONS.has(name)) {
        throw this.err('unsupported', `Function ${name} is not supported by this formula engine`, nameAt);
      }
      const suggestions = closestNames(name, Object.keys(FUNCTIONS));
      throw this.err('reference', `Unknown function ${name}. Check spelling.${suggest(suggestions)}`, nameAt);
    }
    const n = ast.args.length;
    if (n < info.min || n > info.max) {
      const expected =
        info.min === info.max
          ? `${info.min}`
          : info.max >= 1000
            ? `at least ${info.min}`
            : `${info.min} to ${info.max}`;
      throw this.err(
        'type',
        `Incorrect number of parameters for function '${name}()'. Expected ${expected}, received ${n}`,
        ast,
      );
    }
    if (info.recordChange && NOT_IN_FORMULA_FIELDS.has(this.context)) {
      throw this.err('type', `Function ${name} may not be used in this type of formula`, nameAt);
    }
    this.functions.add(name);
    if (CLOCK_FUNCTIONS.has(name)) this.usesClock = true;
    if (info.recordChange) this.usesPrior = true;
    const where = `function '${name}()'`;
    const a = ast.args;
    const arg = (i: number, types: readonly FormulaType[], e: Expect = {}): TNode =>
      this.expectType(this.node(a[i] as FormulaAst, e), types, where, a[i] as FormulaAst);
    const mk = (type: FormulaType, args: TNode[], nullable: boolean): TCall => ({
      k: 'call',
      name,
      args,
      type,
      nullable,
      start: ast.start,
      end: ast.end,
    });
    const anyNullable = (args: readonly TNode[]) => args.some((x) => x.nullable);
    const NUM: FormulaType[] = ['Number', 'Currency', 'Percent'];
    switch (name) {
      case 'AND':
      case 'OR': {
        const args = a.map((_, i) => arg(i, ['Checkbox']));
        return mk('Checkbox', args, anyNullable(args));
      }
      case 'NOT': {
        const x = arg(0, ['Checkbox']);
        return mk('Checkbox', [x], x.nullable);
      }
      case 'IF': {
        const c = arg(0, ['Checkbox']);
        const [t, f, type] = this.unify(this.node(a[1] as FormulaAst, {}), this.node(a[2] as FormulaAst, {}), where);
        return mk(type, [c, t, f], t.nullable || f.nullable);
      }
      case 'CASE': {
        if (n % 2 !== 0) {
          throw this.err(
            'type',
            `Incorrect number of parameters for function 'CASE()'. Expected an even number (expression, value/result pairs, else result), received ${n}`,
            ast,
          );
        }
        let subject = this.node(a[0] as FormulaAst, { picklist: true });
        if (subject.type === 'MultiPicklist')
          throw this.err(
            'type',
            `Incorrect parameter type for ${where}. Multi-select picklists are not supported in CASE`,
            a[0] as FormulaAst,
          );
        const matchType: FormulaType = subject.type === 'Picklist' ? 'Text' : subject.type;
        if (subject.type === 'Null') subject = lit('Text', '', subject);
        const args: TNode[] = [subject];
        let result: TNode | undefined;
        let resultType: FormulaType = 'Null';
        const results: TNode[] = [];
        for (let i = 1; i < n; i++) {
          const isValue = i % 2 === 1 && i < n - 1;
          if (isValue) {
            const v = this.node(a[i] as FormulaAst, {});
            const accepted: FormulaType[] = isNumeric(matchType) ? NUM : [matchType === 'Null' ? 'Text' : matchType];
            args.push(this.expectType(v, accepted, where, a[i] as FormulaAst));
          } else {
            result = this.node(a[i] as FormulaAst, {});
            resultType = this.unifyType(resultType, result.type, where, a[i] as FormulaAst);
            results.push(result);
            args.push(result);
          }
        }
        // Results become the unified type (NULL becomes "" where the result is Text).
        const fixed = args.map((x, i) =>
          i > 0 && (i % 2 === 0 || i === n - 1) && resultType === 'Text' ? asText(x) : x,
        );
        return mk(
          resultType,
          fixed,
          results.some((r) => r.nullable && !(resultType === 'Text')),
        );
      }
      case 'ISBLANK':
      case 'ISNULL': {
        const x = this.node(a[0] as FormulaAst, { picklist: true });
        return mk('Checkbox', [x], false);
      }
      case 'BLANKVALUE':
      case 'NULLVALUE': {
        const [x, y, type] = this.unify(this.node(a[0] as FormulaAst, {}), this.node(a[1] as FormulaAst, {}), where);
        return mk(type, [x, y], x.nullable && y.nullable);
      }
      case 'ISNUMBER':
        return mk('Checkbox', [arg(0, ['Text'])], false);
      case 'ISCHANGED':
      case 'PRIORVALUE': {
        const target = unparen(a[0] as FormulaAst);
        if (target.kind !== 'field' || !this.isOwnField(target)) {
          throw this.err(
            'type',
            `${name}() takes a field of the ${this.root.name} record, e.g. ${name}(StageName)`,
            a[0] as FormulaAst,
          );
        }
        this.priorDepth++;
        let prior: TNode;
        try {
          prior = this.node(target, { picklist: true });
        } finally {
          this.priorDepth--;
        }
        if (name === 'ISCHANGED') {
          const current = this.node(target, { picklist: true });
          return mk('Checkbox', [current, prior], false);
        }
        return { ...mk(prior.type, [prior], prior.nullable) };
      }
      case 'ISNEW':
      case 'ISCLONE':
        return mk('Checkbox', [], false);
      case 'ISPICKVAL': {
        const p = this.node(a[0] as FormulaAst, { picklist: true });
        if (p.type !== 'Picklist') {
          throw this.err(
            'type',
            `Incorrect parameter type for ${where}. Expected Picklist, received ${typeLabel(p.type)}`,
            a[0] as FormulaAst,
          );
        }
        return mk('Checkbox', [p, arg(1, ['Text'])], false);
      }
      case 'INCLUDES': {
        const p = this.node(a[0] as FormulaAst, { picklist: true });
        if (p.type !== 'MultiPicklist') {
          throw this.err(
            'type',
            `Incorrect parameter type for ${where}. Expected Multi-Select Picklist, received ${typeLabel(p.type)}`,
            a[0] as FormulaAst,
          );
        }
        return mk('Checkbox', [p, arg(1, ['Text'])], false);
      }
      case 'PICKLISTCOUNT': {
        const p = this.node(a[0] as FormulaAst, { picklist: true });
        if (p.type !== 'MultiPicklist' && p.type !== 'Picklist') {
          throw this.err(
            'type',
            `Incorrect parameter type for ${where}. Expected Multi-Select Picklist, received ${typeLabel(p.type)}`,
            a[0] as FormulaAst,
          );
        }
        return mk('Number', [p], false);
      }
      case 'REGEX': {
        const text = arg(0, ['Text']);
        const pattern = arg(1, ['Text']);
        if (pattern.k === 'literal' && typeof pattern.value === 'string') {
          try {
            javaRegex(pattern.value);
          } catch (e) {
            const detail = e instanceof RegexTranslationError ? e.message : (e as Error).message;
            const pat = a[1] as FormulaAst;
            const offset =
              e instanceof RegexTranslationError ? Math.min(pat.end - 1, pat.start + 1 + e.index) : pat.start;
            throw new FormulaError('type', `Invalid regular expression in REGEX(): ${detail}`, this.source, offset, 1);
          }
        }
        return mk('Checkbox', [text, pattern], false);
      }
      case 'BEGINS':
      case 'CONTAINS':
        return mk('Checkbox', [arg(0, ['Text']), arg(1, ['Text'])], false);
      case 'FIND': {
        const args = [arg(0, ['Text']), arg(1, ['Text'])];
        if (n === 3) args.push(arg(2, NUM));
        return mk('Number', args, false);
      }
      case 'LEFT':
      case 'RIGHT':
        return mk('Text', [arg(0, ['Text']), arg(1, NUM)], false);
      case 'MID':
        return mk('Text', [arg(0, ['Text']), arg(1, NUM), arg(2, NUM)], false);
      case 'LEN':
        return mk('Number', [arg(0, ['Text'])], false);
      case 'LOWER':
      case 'UPPER':
      case 'TRIM':
      case 'INITCAP':
      case 'REVERSE':
      case 'CASESAFEID':
        return mk(
          'Text',
          a.map((_, i) => arg(i, ['Text'])),
          false,
        );
      case 'LPAD':
      case 'RPAD': {
        const args = [arg(0, ['Text']), arg(1, NUM)];
        if (n === 3) args.push(arg(2, ['Text']));
        return mk('Text', args, false);
      }
      case 'SUBSTITUTE':
        return mk('Text', [arg(0, ['Text']), arg(1, ['Text']), arg(2, ['Text'])], false);
      case 'TEXT': {
        const x = this.node(a[0] as FormulaAst, { picklist: true });
        if (x.type === 'Null') return mk('Text', [lit('Text', '', x)], false);
        if (!(
          isNumeric(x.type) ||
          x.type === 'Date' ||
          x.type === 'DateTime' ||
          x.type === 'Time' ||
          x.type === 'Picklist' ||
          x.type === 'Text'
        )) {
          throw this.err(
            'type',
            `Incorrect parameter type for ${where}. Expected Number, Currency, Percent, Date, Date/Time, Time, Picklist, received ${typeLabel(x.type)}`,
            a[0] as FormulaAst,
          );
        }
        return mk('Text', [x], false);
      }
      case 'VALUE': {
        const x = arg(0, ['Text']);
        return mk('Number', [x], true);
      }
      case 'HYPERLINK': {
        const args = [arg(0, ['Text']), arg(1, ['Text'])];
        if (n === 3) args.push(arg(2, ['Text']));
        return mk('Text', args, false);
      }
      case 'IMAGE': {
        const args = [arg(0, ['Text']), arg(1, ['Text'])];
        if (n >= 3) args.push(arg(2, NUM));
        if (n >= 4) args.push(arg(3, NUM));
        return mk('Text', args, false);
      }
      case 'BR':
        return mk('Text', [], false);
      case 'ASCII':
        return mk('Number', [arg(0, ['Text'])], true);
      case 'CHR':
        return mk('Text', [arg(0, NUM)], false);
      case 'ABS':
      case 'CEILING':
      case 'FLOOR':
      case 'MCEILING':
      case 'MFLOOR': {
        const x = arg(0, NUM);
        return mk(x.type === 'Null' ? 'Number' : x.type, [x], x.nullable);
      }
      case 'ROUND':
      case 'TRUNC': {
        const args = a.map((_, i) => arg(i, NUM));
        const first = args[0] as TNode;
        return mk(first.type === 'Null' ? 'Number' : first.type, args, anyNullable(args));
      }
      case 'MAX':
      case 'MIN': {
        const args = a.map((_, i) => arg(i, NUM));
        let type: FormulaType = 'Null';
        args.forEach((x, i) => (type = this.unifyType(type, x.type, where, a[i] as FormulaAst)));
        return mk(type === 'Null' ? 'Number' : type, args, anyNullable(args));
      }
      case 'MOD': {
        const args = [arg(0, NUM), arg(1, NUM)];
        const first = args[0] as TNode;
        return mk(first.type === 'Null' ? 'Number' : first.type, args, anyNullable(args));
      }
      case 'SQRT':
      case 'EXP':
      case 'LN':
      case 'LOG': {
        const x = arg(0, NUM);
        return mk('Number', [x], x.nullable);
      }
      case 'DATE': {
        const args = [arg(0, NUM), arg(1, NUM), arg(2, NUM)];
        return mk('Date', args, true);
      }
      case 'DATEVALUE': {
        const x = arg(0, ['Text', 'DateTime', 'Date']);
        this.checkDateLiteral(x, 'Date', a[0] as FormulaAst);
        return mk('Date', [x], true);
      }
      case 'DATETIMEVALUE': {
        const x = arg(0, ['Text', 'Date', 'DateTime']);
        this.checkDateLiteral(x, 'DateTime', a[0] as FormulaAst);
        return mk('DateTime', [x], true);
      }
      case 'TIMEVALUE': {
        const x = arg(0, ['Text', 'DateTime', 'Time']);
        return mk('Time', [x], true);
      }
      case 'TODAY':
        return mk('Date', [], false);
      case 'NOW':
        return mk('DateTime', [], false);
      case 'TIMENOW':
        return mk('Time', [], false);
      case 'YEAR':
      case 'MONTH':
      case 'DAY':
      case 'WEEKDAY':
      case 'DAYOFYEAR':
      case 'ISOWEEK':
      case 'ISOYEAR': {
        const x = arg(0, ['Date']);
        return mk('Number', [x], x.nullable);
      }
      case 'ADDMONTHS': {
        const d = arg(0, ['Date', 'DateTime']);
        const m = arg(1, NUM);
        return mk(d.type === 'Null' ? 'Date' : d.type, [d, m], d.nullable || m.nullable);
      }
      case 'HOUR':
      case 'MINUTE':
      case 'SECOND':
      case 'MILLISECOND': {
        const x = arg(0, ['Time']);
        return mk('Number', [x], x.nullable);
      }
      case 'UNIXTIMESTAMP': {
        const x = arg(0, ['Date', 'DateTime']);
        return mk('Number', [x], x.nullable);
      }
      case 'FROMUNIXTIME': {
        const x = arg(0, NUM);
        return mk('DateTime', [x], x.nullable);
      }
    }
    void expect;
    throw this.err('unsupported', `Function ${name} is not supported by this formula engine`, nameAt);
  }

  /** A constant text argument of DATEVALUE / DATETIMEVALUE must be a valid date: Salesforce rejects it when saving. */
  private checkDateLiteral(x: TNode, target: 'Date' | 'DateTime', at: FormulaAst): void {
    if (x.k !== 'literal' || typeof x.value !== 'string') return;
    const ok = target === 'Date' ? parseDateText(x.value) !== null : parseDateTimeText(x.value) !== null;
    if (!ok)
      throw this.err(
        'type',
        `Invalid ${target === 'Date' ? 'date' : 'date/time'} text "${x.value}" (expected ${target === 'Date' ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:MM:SS'})`,
        at,
      );
  }

  private isOwnField(f: FieldRef): boolean {
    const head = (f.path[0] as string).toUpperCase();
    if (head === '$RECORD') return f.path.length === 2;
    return f.path.length === 1 && !head.startsWith('$');
  }

  private unifyType(a: FormulaType, b: FormulaType, where: string, at: { start: number; end: number }): FormulaType {
    if (a === 'Null') return b;
    if (b === 'Null') return a;
    if (a === b) return a;
    if (isNumeric(a) && isNumeric(b)) return 'Number';
    throw this.err(
      'type',
      `Incorrect parameter type for ${where}. Expected ${typeLabel(a)}, received ${typeLabel(b)}`,
      at,
    );
  }

  private unify(x: TNode, y: TNode, where: string): [TNode, TNode, FormulaType] {
    const type = this.unifyType(x.type, y.type, where, y);
    if (type === 'Text') return [asText(x), asText(y), type];
    return [x, y, type];
  }
}

// ------------------------------------------------------------------ helpers

function lit(type: FormulaType, value: number | string | boolean | null, at: { start: number; end: number }): TLiteral {
  return { k: 'literal', type, value, nullable: value === null, start: at.start, end: at.end };
}

function asText(t: TNode): TNode {
  return t.type === 'Null' ? lit('Text', '', t) : t;
}

function unparen(a: FormulaAst): FormulaAst {
  return a.kind === 'paren' ? unparen(a.inner) : a;
}

function suggest(names: readonly string[]): string {
  return names.length > 0 ? ` Did you mean ${names.join(', ')}?` : '';
}

function expectedMatches(expected: string, t: FormulaType): boolean {
  return expected.split(', ').some((e) => e === typeLabel(t) || (e === 'Number' && isNumeric(t)));
}

function arithmeticType(a: FormulaType, b: FormulaType, op: string): FormulaType {
  if (op === '+' || op === '-') {
    if (a === b) return a;
    if (a === 'Currency' || b === 'Currency') return 'Currency';
    return 'Number';
  }
  if (op === '*' || op === '/') {
    if (a === 'Currency' && b !== 'Currency') return 'Currency';
    if (b === 'Currency' && a !== 'Currency' && op === '*') return 'Currency';
  }
  return 'Number';
}

/** Whether a computed type may be returned as the declared type. */
function compatibleResult(actual: FormulaType, declared: FormulaType): boolean {
  if (actual === 'Null' || actual === declared) return true;
  return isNumeric(actual) && isNumeric(declared);
}

function referencesOf(r: FieldReference): string[] {
  return [r.qualified];
}

/** A custom-metadata value from the schema, converted to the internal representation. */
function constantValue(raw: unknown, type: FormulaType): number | string | boolean | null {
  if (raw === null || raw === undefined) return type === 'Text' ? '' : type === 'Checkbox' ? false : null;
  switch (type) {
    case 'Checkbox':
      return raw === true || raw === 'true';
    case 'Number':
    case 'Currency':
      return typeof raw === 'number' ? raw : Number.isFinite(Number(raw)) ? Number(raw) : null;
    case 'Percent': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(n) ? n / 100 : null;
    }
    case 'Date':
      return typeof raw === 'string' ? parseDateText(raw) : null;
    case 'DateTime':
      return typeof raw === 'string' ? parseDateTimeText(raw) : null;
    default:
      return String(raw);
  }
}

/**
 * Merge fields in general: record fields go to check-fields.ts; `$` globals are resolved here —
 * `$User`, `$Profile`, `$UserRole`, `$RecordType`, `$Organization` (objects of the schema),
 * `$Record` / `$Record__Prior` (flows), `$Permission`, `$CustomMetadata`, `$System`.
 */
import type { FieldRef } from './ast.ts';
import { resolveFieldPath, segmentAt } from './check-fields.ts';
import { lit, suggest, type CheckScope } from './check-scope.ts';
import { parseDateText, parseDateTimeText } from './datetime.ts';
import { closestNames } from './suggest.ts';
import type { FieldScope, TCustomMetadata, TNode } from './typed-ast.ts';
import { formulaTypeOf, type FormulaType } from './types.ts';

/** A merge field; `forcedScope` is `prior` inside PRIORVALUE / ISCHANGED. */
export function resolveMergeField(scope: CheckScope, ast: FieldRef, forcedScope: 'prior' | undefined): TNode {
  const head = ast.path[0] as string;
  if (head.startsWith('$')) return resolveGlobal(scope, ast, forcedScope);
  return resolveFieldPath(scope, ast, forcedScope ?? 'record', scope.root, 0, scope.root.name);
}

/** Globals that are an object of the schema: `$User.Email` reads the User object's Email. */
const OBJECT_GLOBALS: Readonly<Record<string, readonly [FieldScope, string, string]>> = {
  $USER: ['user', 'User', '$User'],
  $PROFILE: ['profile', 'Profile', '$Profile'],
  $USERROLE: ['userRole', 'UserRole', '$UserRole'],
  $RECORDTYPE: ['recordType', 'RecordType', '$RecordType'],
  $ORGANIZATION: ['organization', 'Organization', '$Organization'],
};

/** Salesforce globals that exist outside this engine's contexts (Visualforce, flows' screens …). */
const UNSUPPORTED_GLOBALS: ReadonlySet<string> = new Set([
  '$API',
  '$LABEL',
  '$SETUP',
  '$SITE',
  '$NETWORK',
  '$OBJECTTYPE',
  '$COMPONENT',
  '$RESOURCE',
  '$ACTION',
  '$CURRENTPAGE',
  '$USERPREFERENCE',
  '$FLOW',
]);

function resolveGlobal(scope: CheckScope, ast: FieldRef, forcedScope: 'prior' | undefined): TNode {
  const head = (ast.path[0] as string).toUpperCase();
  const objectGlobal = OBJECT_GLOBALS[head];
  if (objectGlobal) {
    const [fieldScope, objectName, label] = objectGlobal;
    const obj = scope.schema.object(objectName);
    if (!obj) throw scope.err('reference', `${label} is not available: the schema has no ${objectName} object`, ast);
    if (ast.path.length < 2) throw scope.err('reference', `${label} needs a field, e.g. ${label}.Name`, ast);
    return resolveFieldPath(scope, ast, fieldScope, obj, 1, label);
  }
  switch (head) {
    case '$RECORD':
    case '$RECORD__PRIOR': {
      const label = head === '$RECORD' ? '$Record' : '$Record__Prior';
      if (ast.path.length < 2) throw scope.err('reference', `${label} needs a field, e.g. ${label}.Name`, ast);
      if (head === '$RECORD__PRIOR') scope.usage.usesPrior = true;
      const fieldScope = head === '$RECORD__PRIOR' ? 'prior' : (forcedScope ?? 'record');
      return resolveFieldPath(scope, ast, fieldScope, scope.root, 1, scope.root.name);
    }
    case '$PERMISSION':
      return permission(scope, ast);
    case '$CUSTOMMETADATA':
      return customMetadata(scope, ast);
    case '$SYSTEM':
      if (ast.path.length === 2 && (ast.path[1] as string).toLowerCase() === 'origindatetime') {
        return lit('DateTime', Date.UTC(1900, 0, 1), ast);
      }
      throw scope.err('reference', `Unknown field ${ast.path.join('.')} ($System supports OriginDateTime)`, ast);
  }
  if (UNSUPPORTED_GLOBALS.has(head)) {
    throw scope.err(
      'unsupported',
      `Global variable ${ast.path[0]} is not supported by this formula engine`,
      segmentAt(ast, 0),
    );
  }
  throw scope.err('reference', `Unknown global variable ${ast.path[0]}`, segmentAt(ast, 0));
}

function permission(scope: CheckScope, ast: FieldRef): TNode {
  if (ast.path.length !== 2)
    throw scope.err(
      'reference',
      '$Permission takes one custom permission name, e.g. $Permission.Bypass_Validation',
      ast,
    );
  const name = ast.path[1] as string;
  if (!scope.schema.hasCustomPermission(name)) {
    throw scope.err('reference', `Custom permission ${name} does not exist ($Permission.${name})`, segmentAt(ast, 1));
  }
  scope.usage.permissions.add(name);
  return { k: 'permission', name, type: 'Checkbox', nullable: false, start: ast.start, end: ast.end };
}

/** `$CustomMetadata.Type__mdt.Record.Field__c`: a constant from the schema (the context may override it). */
function customMetadata(scope: CheckScope, ast: FieldRef): TCustomMetadata {
  if (ast.path.length !== 4) throw scope.err('reference', '$CustomMetadata needs Type__mdt.Record.Field__c', ast);
  const [, typeName, recordName, fieldName] = ast.path as [string, string, string, string];
  if (!/__mdt$/i.test(typeName))
    throw scope.err('reference', `${typeName} is not a custom metadata type (names end in __mdt)`, segmentAt(ast, 1));
  const values = scope.schema.customMetadataRecord(typeName, recordName);
  if (!values) {
    throw scope.err('reference', `Custom metadata record ${typeName}.${recordName} does not exist`, {
      start: segmentAt(ast, 1).start,
      end: segmentAt(ast, 2).end,
    });
  }
  const schemaField = scope.schema.object(typeName)?.field(fieldName);
  const key = Object.keys(values).find((k) => k.toLowerCase() === fieldName.toLowerCase());
  if (!schemaField && key === undefined) {
    const candidates = [
      ...Object.keys(values),
      ...(scope.schema
        .object(typeName)
        ?.fields()
        .map((f) => f.name) ?? []),
    ];
    throw scope.err(
      'reference',
      `Field ${fieldName} does not exist on ${typeName}.${suggest(closestNames(fieldName, candidates))}`,
      segmentAt(ast, 3),
    );
  }
  const raw = key === undefined ? null : values[key];
  let type: FormulaType;
  if (schemaField) {
    const ft = formulaTypeOf(schemaField.type);
    if (!ft)
      throw scope.err(
        'type',
        `Field ${fieldName} of type ${schemaField.type} cannot be used in formulas`,
        segmentAt(ast, 3),
      );
    type = ft === 'Picklist' ? 'Text' : ft; // custom metadata picklists read as text values
  } else {
    type = typeof raw === 'boolean' ? 'Checkbox' : typeof raw === 'number' ? 'Number' : 'Text';
  }
  const value = constantValue(raw, type);
  const canonicalField = schemaField?.name ?? key ?? fieldName;
  scope.usage.customMetadata.add(`${typeName}.${recordName}.${canonicalField}`);
  return {
    k: 'customMetadata',
    typeName,
    recordName,
    fieldName: canonicalField,
    value,
    fieldType: schemaField?.type,
    type,
    nullable: value === null && type !== 'Text',
    start: ast.start,
    end: ast.end,
  };
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

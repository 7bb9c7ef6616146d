/**
 * Rule vectors (data/rule-vectors/, format in its README.md): for every validation rule of the
 * model, records that must pass and records that must fail, evaluated here by the formula
 * engine against the rule as model/ defines it. The same files are meant for Apex tests in a
 * real org, so besides the rule's own result the test checks what makes a case meaningful
 * there: every other rule of the object lets the records through, priors can be created,
 * required fields are present, field names and picklist values exist.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ObjectDef, ValidationRuleDef } from '../scripts/dsl/index.ts';
import { compileFormula, type CompiledFormula } from '../scripts/formula/index.ts';
import { buildSchema } from '../scripts/schema/build.ts';
import type { SchemaField } from '../scripts/schema/types.ts';
import model from '../model/index.ts';

const DIR = fileURLToPath(new URL('../data/rule-vectors/', import.meta.url));
const BASELINES = 'baselines.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Values = Record<string, Json>;

interface VectorCase {
  readonly name: string;
  readonly expect: 'pass' | 'fail';
  readonly record: Values;
  readonly prior: Values | null;
  readonly permissions: readonly string[];
  readonly user: Values;
  readonly now: string;
  readonly knownIssue?: string;
}

interface VectorFile {
  readonly file: string;
  readonly rule: string;
  readonly object: string;
  readonly error: { readonly message: string; readonly field: string | null };
  readonly cases: readonly VectorCase[];
}

/** Fields Salesforce requires on create that the model does not declare (standard objects). */
const STANDARD_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  Account: ['Name'],
  Campaign: ['Name'],
  Contact: ['LastName'],
  Contract: ['AccountId', 'Status'],
  Lead: ['LastName', 'Company', 'Status'],
  Opportunity: ['Name', 'StageName', 'CloseDate'],
  Quote: ['Name', 'OpportunityId'],
};

const schema = buildSchema(model);
const permissionNames = model.customPermissions.map((p) => p.name);
const isObject = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);
const isoInstant = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v);
const problemList = (problems: readonly string[]) => problems.map((p) => `  - ${p}`).join('\n');

// ------------------------------------------------------------------------------ loading

async function readJson(file: string): Promise<{ json?: unknown; problem?: string }> {
  try {
    return { json: JSON.parse(await readFile(`${DIR}${file}`, 'utf8')) };
  } catch (e) {
    return { problem: `${file}: not valid JSON (${(e as Error).message})` };
  }
}

const baselineJson = (await readJson(BASELINES)).json;
const baselines = {
  now: isObject(baselineJson) && typeof baselineJson.now === 'string' ? baselineJson.now : '',
  records:
    isObject(baselineJson) && isObject(baselineJson.records) ? (baselineJson.records as Record<string, Values>) : {},
};

const FILE_KEYS = new Set(['$comment', 'rule', 'object', 'description', 'error', 'now', 'base', 'cases']);
const CASE_KEYS = new Set([
  'name',
  'description',
  'expect',
  'record',
  'prior',
  'permissions',
  'user',
  'now',
  'knownIssue',
]);

/** Reads one vector file into its effective cases (baseline + base + case), or lists what is wrong with its shape. */
function parseVector(file: string, json: unknown): { vector?: VectorFile; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(json)) return { problems: ['the file is not a JSON object'] };
  for (const key of Object.keys(json)) if (!FILE_KEYS.has(key)) problems.push(`unknown key "${key}"`);
  const { rule, object, error, base = {}, cases } = json;
  const now = json.now ?? baselines.now;
  if (typeof rule !== 'string' || typeof object !== 'string') problems.push('"rule" and "object" must be strings');
  else if (file !== `${object}.${rule}.json`) problems.push(`the file must be named ${object}.${rule}.json`);
  if (
    !isObject(error) ||
    typeof error.message !== 'string' ||
    !(typeof error.field === 'string' || error.field === null)
  )
    problems.push('"error" must be { "message": string, "field": string | null }');
  if (!isObject(base)) problems.push('"base" must be an object of field values');
  if (!isoInstant(now)) problems.push('"now" (here or in baselines.json) must be an ISO 8601 instant with a zone');
  if (!Array.isArray(cases) || cases.length === 0) problems.push('"cases" must be a non-empty array');
  if (problems.length) return { problems };

  const start = { ...(baselines.records[object as string] ?? {}), ...(base as Values) };
  const parsed: VectorCase[] = [];
  const names = new Set<string>();
  (cases as Json[]).forEach((c, i) => {
    const where = `case ${i + 1}`;
    if (!isObject(c)) return problems.push(`${where}: must be an object`);
    for (const key of Object.keys(c)) if (!CASE_KEYS.has(key)) problems.push(`${where}: unknown key "${key}"`);
    if (typeof c.name !== 'string' || c.name === '') problems.push(`${where}: "name" must be a non-empty string`);
    else if (names.has(c.name)) problems.push(`${where}: the name "${c.name}" is used twice`);
    else names.add(c.name);
    if (c.expect !== 'pass' && c.expect !== 'fail') problems.push(`${where}: "expect" must be "pass" or "fail"`);
    if (!isObject(c.record)) problems.push(`${where}: "record" must be an object`);
    if (!(c.prior === null || isObject(c.prior)))
      problems.push(`${where}: "prior" must be null (insert) or an object (update)`);
    const permissions = c.permissions ?? [];
    if (!Array.isArray(permissions) || permissions.some((p) => typeof p !== 'string'))
      problems.push(`${where}: "permissions" must be an array of custom permission names`);
    else
      for (const p of permissions as string[])
        if (!permissionNames.some((n) => n.toLowerCase() === p.toLowerCase()))
          problems.push(`${where}: the model has no custom permission ${p}`);
    if (c.user !== undefined && !isObject(c.user)) problems.push(`${where}: "user" must be an object`);
    const caseNow = c.now ?? now;
    if (!isoInstant(caseNow)) problems.push(`${where}: "now" must be an ISO 8601 instant with a zone`);
    if (c.knownIssue !== undefined && typeof c.knownIssue !== 'string')
      problems.push(`${where}: "knownIssue" must be a string`);
    if (problems.length) return;
    // An update starts from the prior record: `record` holds what the save changes.
    const prior = c.prior === null ? null : { ...start, ...(c.prior as Values) };
    parsed.push({
      name: c.name as string,
      expect: c.expect as 'pass' | 'fail',
      record: { ...(prior ?? start), ...(c.record as Values) },
      prior,
      permissions: permissions as string[],
      user: (c.user as Values | undefined) ?? {},
      now: caseNow as string,
      ...(typeof c.knownIssue === 'string' ? { knownIssue: c.knownIssue } : {}),
    });
  });
  if (problems.length) return { problems };
  return {
    vector: {
      file,
      rule: rule as string,
      object: object as string,
      error: error as VectorFile['error'],
      cases: parsed,
    },
    problems,
  };
}

const fileNames = (await readdir(DIR).catch(() => [] as string[]))
  .filter((f) => f.endsWith('.json') && f !== BASELINES)
  .sort();
const loaded = await Promise.all(
  fileNames.map(async (file) => {
    const { json, problem } = await readJson(file);
    return problem ? { file, problems: [problem] } : { file, ...parseVector(file, json) };
  }),
);

// ------------------------------------------------------------------------------ evaluating

const modelObject = (name: string): ObjectDef | undefined =>
  model.objects.find((o) => o.apiName.toLowerCase() === name.toLowerCase());
const ruleOf = (object: string, name: string): ValidationRuleDef | undefined =>
  model.validationRules.find((r) => r.object === object && r.name === name);
const compiled = (rule: ValidationRuleDef): CompiledFormula =>
  compileFormula(rule.formula, { schema, object: rule.object, context: 'validationRule' });

interface Save {
  readonly record: Values;
  readonly prior: Values | null;
  readonly permissions: readonly string[];
  readonly user: Values;
  readonly now: string;
}

/** The record with its formula fields computed (and those of nested related records), as the org reads them. */
function withFormulas(objectName: string, values: Values, save: Save): Values {
  const out: Values = { ...values };
  for (const [key, value] of Object.entries(values)) {
    const rel = schema.object(objectName)?.relationship(key);
    const target = rel?.referenceTo?.[0];
    if (target && isObject(value)) out[key] = withFormulas(target, value, save);
  }
  for (const [name, field] of Object.entries(modelObject(objectName)?.fields ?? {})) {
    if (field.type !== 'Formula') continue;
    const formula = compileFormula(field.formula, {
      schema,
      object: objectName,
      context: 'formulaField',
      returnType: field.returns,
      blankAsZero: field.blanks === 'zero',
    });
    out[name] = formula({ record: out, now: save.now, user: save.user, permissions: save.permissions }) as Json;
  }
  return out;
}

/** Whether `rule` blocks the save (its formula is true). */
function blocks(rule: ValidationRuleDef, save: Save): boolean {
  const record = withFormulas(rule.object, save.record, save);
  const prior = save.prior === null ? null : withFormulas(rule.object, save.prior, save);
  return compiled(rule)({ record, prior, permissions: save.permissions, user: save.user, now: save.now }) === true;
}

const activeRulesOf = (object: string) => model.validationRules.filter((r) => r.object === object && r.active);

// ------------------------------------------------------------------------------ record checks

function checkValue(path: string, field: SchemaField, value: Json): string | undefined {
  if (field.calculated) return `${path} is a formula field: leave it out, the test computes it from the record`;
  if (value === null) return field.type === 'boolean' ? `${path} is a checkbox: use false, not null` : undefined;
  const expect = (ok: boolean, what: string) =>
    ok ? undefined : `${path} must be ${what}, got ${JSON.stringify(value)}`;
  switch (field.type) {
    case 'boolean':
      return expect(typeof value === 'boolean', 'true or false');
    case 'double':
    case 'int':
    case 'currency':
    case 'percent':
      return expect(typeof value === 'number', 'a number');
    case 'date':
      return expect(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value), 'a date "YYYY-MM-DD"');
    case 'datetime':
      return expect(isoInstant(value), 'an ISO 8601 date/time with a zone');
    case 'time':
      return expect(typeof value === 'string' && /^\d{2}:\d{2}(:\d{2}(\.\d{3})?)?$/.test(value), 'a time "HH:MM:SS"');
    case 'picklist':
    case 'multipicklist': {
      if (typeof value !== 'string') return expect(false, 'a string');
      const allowed = field.picklistValues ?? [];
      const chosen = field.type === 'multipicklist' ? value.split(';') : [value];
      // An unrestricted picklist stores any value (that is what its allowed-value rule is tested with).
      const unknown =
        allowed.length && field.restrictedPicklist !== false ? chosen.filter((v) => !allowed.includes(v)) : [];
      return unknown.length
        ? `${path}: ${unknown.map((v) => `"${v}"`).join(', ')} is not a value of the picklist`
        : undefined;
    }
    default:
      return expect(typeof value === 'string', 'a string');
  }
}

/** Field names, value types and picklist values of a record (and its nested related records). */
function checkRecord(objectName: string, values: Values, path: string): string[] {
  const object = schema.object(objectName);
  if (!object) return [`${path}: the schema has no object ${objectName}`];
  return Object.entries(values).flatMap(([key, value]) => {
    const at = `${path}.${key}`;
    if (isObject(value)) {
      const rel = object.relationship(key);
      const target = rel?.referenceTo?.[0];
      if (!rel || !target)
        return [`${at}: ${objectName} has no relationship ${key} (related records nest under the relationship name)`];
      return checkRecord(target, value, at);
    }
    const field = object.field(key);
    if (!field) return [`${at}: ${objectName} has no field ${key}`];
    if (field.name !== key) return [`${at}: write the field as ${field.name}`];
    const problem = checkValue(at, field, value);
    return problem ? [problem] : [];
  });
}

function requiredFields(objectName: string): string[] {
  const object = modelObject(objectName);
  const custom = Object.entries(object?.fields ?? {})
    .filter(([, f]) => f.required && f.type !== 'Formula')
    .map(([name]) => name);
  const name = object && !object.standard && !object.customMetadata && object.nameField.type === 'Text' ? ['Name'] : [];
  return [...(STANDARD_REQUIRED[objectName] ?? []), ...name, ...custom];
}

function missingRequired(objectName: string, values: Values, path: string): string[] {
  return requiredFields(objectName)
    .filter((f) => values[f] === null || values[f] === undefined || values[f] === '')
    .map((f) => `${path}.${f} is required by Salesforce on create: set it (in baselines.json, "base" or the case)`);
}

const ruleResult = (blocked: boolean) => (blocked ? 'fail (blocked)' : 'pass');

/** Everything that must hold for one case, as a list of problems (empty = the case is right). */
function checkCase(vector: VectorFile, rule: ValidationRuleDef, c: VectorCase): string[] {
  const problems = [
    ...checkRecord(vector.object, c.record, 'record'),
    ...(c.prior ? checkRecord(vector.object, c.prior, 'prior') : []),
    ...missingRequired(vector.object, c.record, 'record'),
    ...(c.prior ? missingRequired(vector.object, c.prior, 'prior') : []),
  ];
  if (problems.length) return problems;
  const save: Save = c;
  const blocked = blocks(rule, save);
  if (blocked !== (c.expect === 'fail'))
    problems.push(`${vector.rule} returns ${ruleResult(blocked)}, the case expects ${c.expect}`);
  for (const other of activeRulesOf(vector.object).filter((r) => r.name !== rule.name)) {
    if (blocks(other, save))
      problems.push(
        `${other.name} also blocks this save: every other rule of ${vector.object} must let the case through (adjust the records so only ${vector.rule} is tested)`,
      );
  }
  if (c.prior) {
    const setup: Save = { ...c, record: c.prior, prior: null, permissions: permissionNames };
    for (const r of activeRulesOf(vector.object))
      if (blocks(r, setup))
        problems.push(
          `prior cannot be created (even with every custom permission, ${r.name} blocks it): fix the prior`,
        );
  }
  return problems;
}

/** File-level problems: the rule exists, the error matches the model, pass/fail/bypass cases exist. */
function checkFile(vector: VectorFile): string[] {
  const rule = ruleOf(vector.object, vector.rule);
  if (!rule)
    return [
      `the model has no validation rule ${vector.object}.${vector.rule} (renamed or removed? rename or delete the file)`,
    ];
  const problems: string[] = [];
  const expected = { message: rule.message, field: rule.errorField ?? null };
  if (vector.error.message !== expected.message || vector.error.field !== expected.field)
    problems.push(`"error" must match the model: ${JSON.stringify(expected)}`);
  if (!vector.cases.some((c) => c.expect === 'pass')) problems.push('no passing case');
  if (!vector.cases.some((c) => c.expect === 'fail')) problems.push('no failing case');
  for (const permission of compiled(rule).checked.permissions) {
    const bypass = vector.cases.some((c) => {
      const held = c.permissions.some((p) => p.toLowerCase() === permission.toLowerCase());
      if (c.expect !== 'pass' || !held) return false;
      const without = c.permissions.filter((p) => p.toLowerCase() !== permission.toLowerCase());
      return blocks(rule, { ...c, permissions: without });
    });
    if (!bypass)
      problems.push(
        `no bypass case for $Permission.${permission}: a "pass" case whose user holds it, and which the rule blocks without it`,
      );
  }
  return problems;
}

// ------------------------------------------------------------------------------ tests

describe('rule vectors', () => {
  test('every validation rule of the model has a vector file', () => {
    const present = new Set(fileNames);
    const missing = model.validationRules.map((r) => `${r.object}.${r.name}.json`).filter((f) => !present.has(f));
    assert.deepEqual(
      missing,
      [],
      'write data/rule-vectors/<Object>.<Rule>.json for these (format: data/rule-vectors/README.md)',
    );
  });

  test('every vector file names a validation rule of the model', () => {
    const rules = new Set(model.validationRules.map((r) => `${r.object}.${r.name}.json`));
    const stale = fileNames.filter((f) => !rules.has(f));
    assert.deepEqual(stale, [], 'these files name rules the model no longer has: rename or delete them');
  });

  test('baselines.json: one record per object that passes every rule of its object on insert', () => {
    const problems: string[] = [];
    if (!isoInstant(baselines.now)) problems.push('"now" must be an ISO 8601 instant with a zone');
    for (const [object, record] of Object.entries(baselines.records)) {
      problems.push(...checkRecord(object, record, object), ...missingRequired(object, record, object));
      if (problems.length) continue;
      for (const rule of activeRulesOf(object)) {
        if (blocks(rule, { record, prior: null, permissions: [], user: {}, now: baselines.now }))
          problems.push(`${object}: ${rule.name} blocks the baseline record`);
      }
    }
    assert.ok(problems.length === 0, `baselines.json:\n${problemList(problems)}`);
  });

  for (const entry of loaded) {
    describe(entry.file, () => {
      const vector = entry.vector;
      const rule = vector && ruleOf(vector.object, vector.rule);
      test('is well-formed and covers pass, fail and every bypass', () => {
        const problems = vector ? checkFile(vector) : entry.problems;
        assert.ok(problems.length === 0, `${entry.file}:\n${problemList(problems)}`);
      });
      if (!vector || !rule) return;
      for (const c of vector.cases) {
        test(`${c.expect}: ${c.name}`, (t) => {
          const problems = checkCase(vector, rule, c);
          if (c.knownIssue) {
            assert.ok(
              problems.length > 0,
              `the known issue no longer reproduces: remove "knownIssue" from this case (${c.knownIssue})`,
            );
            t.todo(`known issue: ${c.knownIssue}`);
          }
          assert.ok(problems.length === 0, `${entry.file}, "${c.name}":\n${problemList(problems)}`);
        });
      }
    });
  }
});

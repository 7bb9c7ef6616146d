/**
 * Formula engine benchmark: realistic Opportunity validation rules over generated records.
 *
 *   node bench/formula.bench.ts [--records 1000000] [--sformula-records 50000] [--formulon-records 3000]
 *                               [--formulon-ast-records 50000] [--model-records 1000000]
 *
 * Prints evaluations/second (one evaluation = one rule on one record) for
 *   - this engine on the full rule set (ISCHANGED, PRIORVALUE, TODAY, $Permission, REGEX …),
 *   - this engine on the "peer" rule set (the same rules rewritten to what both peers support:
 *     prior values, today and permissions as plain fields; the REGEX naming rule as CONTAINS),
 *   - sformula (compiled once, evaluated per record) on the peer rules,
 *   - formulon parsing per call (its public API) on the peer rules,
 *   - formulon with the AST parsed once, evaluated through its internal traverse/replace,
 * and the ratios against this engine on the same peer rules. The peers run on fewer records
 * (they are 100–1000× slower); their rates are measured on that sample, and the sample size is printed.
 * All engines must find the same number of violations on the records they share (exit code 1 if not).
 * Finally the model's own Opportunity validation rules (model/index.ts) run on this engine alone.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { check, compile, schemaFrom } from '../scripts/formula/index.ts';
import type { EvalContext } from '../scripts/formula/index.ts';
import type { Schema } from '../scripts/schema/types.ts';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- options

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}
const RECORDS = arg('records', 1_000_000);
const SFORMULA_RECORDS = Math.min(RECORDS, arg('sformula-records', 50_000));
const FORMULON_RECORDS = Math.min(RECORDS, arg('formulon-records', 3_000));
const FORMULON_AST_RECORDS = Math.min(RECORDS, arg('formulon-ast-records', 50_000));

// ---------------------------------------------------------------- rules

const FULL_RULES: Record<string, string> = {
  'stage gate: Commercials entry': `AND(
    ISCHANGED(StageName),
    ISPICKVAL(StageName, "Commercials"),
    OR(ISBLANK(Paper_Process__c), ISBLANK(Business_Case_Url__c)),
    NOT($Permission.Bypass_Stage_Gates)
  )`,
  'stage gate: no skipping to Closed Won': `AND(
    ISCHANGED(StageName),
    ISPICKVAL(PRIORVALUE(StageName), "Discovery"),
    ISPICKVAL(StageName, "Closed Won"),
    NOT($Permission.Bypass_Stage_Gates)
  )`,
  'next step + date on open deals': `AND(
    NOT(IsClosed),
    OR(ISBLANK(NextStep), ISBLANK(Next_Step_Date__c), Next_Step_Date__c < TODAY())
  )`,
  'discount threshold': `AND(Discount_Rate__c > 0.2, Amount > 0, NOT($Permission.Approve_Discounts))`,
  'close date slip needs a reason': `AND(
    ISCHANGED(CloseDate),
    CloseDate > PRIORVALUE(CloseDate),
    ISBLANK(TEXT(Slip_Reason__c))
  )`,
  'naming convention': `NOT(REGEX(Name, "[A-Z][A-Za-z0-9&.' ]+ - (New|Renewal|Upsell) - \\\\d{4}-Q[1-4]"))`,
};

/** The same rules in the subset both peers support. */
const PEER_RULES: Record<string, string> = {
  'stage gate: Commercials entry': `AND(TEXT(StageName) <> Prior_Stage__c, ISPICKVAL(StageName, "Commercials"), OR(ISBLANK(Paper_Process__c), ISBLANK(Business_Case_Url__c)), NOT(Has_Bypass__c))`,
  'stage gate: no skipping to Closed Won': `AND(TEXT(StageName) <> Prior_Stage__c, Prior_Stage__c = "Discovery", ISPICKVAL(StageName, "Closed Won"), NOT(Has_Bypass__c))`,
  'next step + date on open deals': `AND(NOT(IsClosed), OR(ISBLANK(NextStep), ISBLANK(Next_Step_Date__c), Next_Step_Date__c < Today__c))`,
  'discount threshold': `AND(Discount_Rate__c > 0.2, Amount > 0, NOT(Has_Discount_Approval__c))`,
  'close date slip needs a reason': `AND(CloseDate <> Prior_Close_Date__c, CloseDate > Prior_Close_Date__c, ISBLANK(TEXT(Slip_Reason__c)))`,
  // REGEX-free equivalent on the generated names: capitalised, a known deal kind, a year-quarter.
  'naming convention': `NOT(AND(CONTAINS("ABCDEFGHIJKLMNOPQRSTUVWXYZ", LEFT(Name, 1)), OR(CONTAINS(Name, " - New - "), CONTAINS(Name, " - Renewal - "), CONTAINS(Name, " - Upsell - ")), CONTAINS(Name, "-Q")))`,
};

const STAGES = ['Discovery', 'Value Demo', 'Commercials', 'Closed Won', 'Closed Lost'];

const schema = schemaFrom({
  objects: {
    Opportunity: [
      { name: 'Paper_Process__c', type: 'string' },
      { name: 'Business_Case_Url__c', type: 'url' },
      { name: 'Next_Step_Date__c', type: 'date' },
      { name: 'Discount_Rate__c', type: 'double', scale: 4 },
      { name: 'Slip_Reason__c', type: 'picklist', picklistValues: ['Customer Delay', 'Legal', 'Budget'] },
      // peer-only helper fields: what ISCHANGED / PRIORVALUE / TODAY / $Permission become for the peers
      { name: 'Prior_Stage__c', type: 'string' },
      { name: 'Prior_Close_Date__c', type: 'date' },
      { name: 'Today__c', type: 'date' },
      { name: 'Has_Bypass__c', type: 'boolean' },
      { name: 'Has_Discount_Approval__c', type: 'boolean' },
    ],
  },
  picklists: { 'Opportunity.StageName': STAGES },
  customPermissions: ['Bypass_Stage_Gates', 'Approve_Discounts'],
});

// ---------------------------------------------------------------- data

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = Record<string, string | number | boolean | null>;
interface Case {
  readonly record: Row;
  readonly ctx: EvalContext;
}

const NOW = '2024-05-01T15:00:00Z';
const TODAY = '2024-05-01';
const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark & Co',
  "O'Neil Ltd",
  'vandelay',
  'Wayne Ent.',
];
const KINDS = ['New', 'Renewal', 'Upsell', 'Expansion'];
const DATES = Array.from({ length: 400 }, (_, i) =>
  new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
);
const PERMS_NONE: readonly string[] = [];
const PERMS_BYPASS = ['Bypass_Stage_Gates'];
const PERMS_DISCOUNT = ['Approve_Discounts'];

function generate(n: number): Case[] {
  const r = mulberry32(20240501);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const cases: Case[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const stage = pick(STAGES);
    const priorStage = r() < 0.6 ? stage : pick(STAGES);
    const close = pick(DATES);
    const priorClose = r() < 0.7 ? close : pick(DATES);
    const perm = r();
    const permissions = perm < 0.05 ? PERMS_BYPASS : perm < 0.15 ? PERMS_DISCOUNT : PERMS_NONE;
    const name =
      r() < 0.8
        ? `${pick(COMPANIES)} - ${pick(KINDS)} - ${2023 + Math.floor(r() * 3)}-Q${1 + Math.floor(r() * 4)}`
        : `${pick(COMPANIES)} deal`;
    const record: Row = {
      Name: name,
      StageName: stage,
      IsClosed: stage.startsWith('Closed'),
      Amount: r() < 0.1 ? null : Math.round(r() * 20_000_000) / 100,
      CloseDate: close,
      NextStep: r() < 0.2 ? null : 'Send proposal',
      Next_Step_Date__c: r() < 0.15 ? null : pick(DATES),
      Paper_Process__c: r() < 0.3 ? null : 'DocuSign',
      Business_Case_Url__c: r() < 0.3 ? null : 'https://docs.example.com/bc',
      Discount_Rate__c: r() < 0.2 ? null : Math.round(r() * 40) / 100,
      Slip_Reason__c: r() < 0.5 ? null : 'Legal',
      Prior_Stage__c: priorStage,
      Prior_Close_Date__c: priorClose,
      Today__c: TODAY,
      Has_Bypass__c: permissions === PERMS_BYPASS,
      Has_Discount_Approval__c: permissions === PERMS_DISCOUNT,
    };
    const prior: Row = { StageName: priorStage, CloseDate: priorClose };
    cases[i] = { record, ctx: { record, prior, permissions, now: NOW } };
  }
  return cases;
}

// ---------------------------------------------------------------- harness

interface Result {
  readonly evals: number;
  readonly ms: number;
  readonly violations: number;
}

function time(label: string, evals: number, body: () => number): Result {
  const start = performance.now();
  const violations = body();
  const ms = performance.now() - start;
  return { evals, ms, violations };
}

const rate = (r: Result): number => r.evals / (r.ms / 1000);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

// ---------------------------------------------------------------- engines

function ours(rules: Record<string, string>): Array<(ctx: EvalContext) => unknown> {
  return Object.values(rules).map((f) =>
    compile(check(f, { schema, object: 'Opportunity', context: 'validationRule' })),
  );
}

function runOurs(fns: ReadonlyArray<(ctx: EvalContext) => unknown>, cases: readonly Case[], n: number): number {
  let violations = 0;
  for (let i = 0; i < n; i++) {
    const ctx = (cases[i] as Case).ctx;
    for (let k = 0; k < fns.length; k++) if ((fns[k] as (c: EvalContext) => unknown)(ctx) === true) violations++;
  }
  return violations;
}

interface SFormula {
  parseSync(f: string, o: object): { evaluate(ctx: object): unknown };
}
const SF_TYPES = {
  Name: { type: 'string' },
  StageName: { type: 'picklist' },
  IsClosed: { type: 'boolean' },
  Amount: { type: 'currency', precision: 18, scale: 2 },
  CloseDate: { type: 'date' },
  NextStep: { type: 'string' },
  Next_Step_Date__c: { type: 'date' },
  Paper_Process__c: { type: 'string' },
  Business_Case_Url__c: { type: 'string' },
  Discount_Rate__c: { type: 'number', precision: 18, scale: 4 },
  Slip_Reason__c: { type: 'picklist' },
  Prior_Stage__c: { type: 'string' },
  Prior_Close_Date__c: { type: 'date' },
  Today__c: { type: 'date' },
  Has_Bypass__c: { type: 'boolean' },
  Has_Discount_Approval__c: { type: 'boolean' },
};

interface FormulonLiteral {
  type: 'literal';
  dataType: string;
  value: unknown;
  options?: object;
}
interface Formulon {
  parse(f: string, subs: object): { type: string; value?: unknown };
  ast(f: string): object;
}
interface FormulonInternals {
  traverse(ast: object): { type: string; value?: unknown };
  replace(ast: object, subs: object): object;
  coerceLiteral(lit: FormulonLiteral): object;
}

const FORMULON_TYPES: Record<string, string> = {
  Name: 'text',
  StageName: 'picklist',
  IsClosed: 'checkbox',
  Amount: 'number',
  CloseDate: 'date',
  NextStep: 'text',
  Next_Step_Date__c: 'date',
  Paper_Process__c: 'text',
  Business_Case_Url__c: 'text',
  Discount_Rate__c: 'number',
  Slip_Reason__c: 'picklist',
  Prior_Stage__c: 'text',
  Prior_Close_Date__c: 'date',
  Today__c: 'date',
  Has_Bypass__c: 'checkbox',
  Has_Discount_Approval__c: 'checkbox',
};

function formulonSubstitutions(record: Row): Record<string, FormulonLiteral> {
  const subs: Record<string, FormulonLiteral> = {};
  for (const [name, dataType] of Object.entries(FORMULON_TYPES)) {
    const v = record[name] ?? null;
    // formulon reads a blank picklist as the text "NULL" in TEXT(); give it the empty value instead.
    let value: unknown = dataType === 'picklist' && v === null ? '' : v;
    let options: object | undefined;
    if (dataType === 'date') value = v === null ? null : new Date(`${String(v)}T00:00:00Z`);
    if (dataType === 'number') options = { length: 16, scale: 4 };
    if (dataType === 'text') options = { length: 255 };
    if (dataType === 'picklist')
      options = { values: name === 'StageName' ? STAGES : ['Customer Delay', 'Legal', 'Budget'] };
    subs[name] = { type: 'literal', dataType, value, ...(options ? { options } : {}) };
  }
  return subs;
}

/** formulon keeps its traverse/replace internal: load its CommonJS bundle with those exported too. */
function formulonInternals(): FormulonInternals | undefined {
  try {
    const file = require.resolve('formulon');
    const src = readFileSync(file, 'utf8');
    const mod = { exports: {} as Record<string, unknown> };
    const wrapped = new Function(
      'module',
      'exports',
      'require',
      `${src}\n;exports.__traverse = traverse; exports.__replace = replace; exports.__coerceLiteral = coerceLiteral;`,
    );
    wrapped(mod, mod.exports, require);
    const e = mod.exports;
    if (typeof e.__traverse !== 'function') return undefined;
    return {
      traverse: e.__traverse as FormulonInternals['traverse'],
      replace: e.__replace as FormulonInternals['replace'],
      coerceLiteral: e.__coerceLiteral as FormulonInternals['coerceLiteral'],
    };
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- the model's own rules

/**
 * The model's Opportunity validation rules (model/index.ts, schema from scripts/schema/build.ts),
 * over records generated from the fields they reference. Only this engine can run them (they use
 * ISCHANGED, ISNEW, PRIORVALUE, TODAY and $Permission). Skipped with a note if the model cannot load.
 */
async function modelRules(n: number): Promise<{ rules: number; result: Result } | string> {
  try {
    const [{ default: model }, { buildSchema }] = await Promise.all([
      import('../model/index.ts'),
      import('../scripts/schema/build.ts'),
    ]);
    const modelSchema: Schema = buildSchema(model);
    const rules = model.validationRules.filter((r) => r.object === 'Opportunity' && r.active);
    const compiled = rules.map((r) =>
      compile(check(r.formula, { schema: modelSchema, object: 'Opportunity', context: 'validationRule' })),
    );
    const opp = modelSchema.object('Opportunity');
    if (!opp) return 'no Opportunity in the model schema';
    const fields = [...new Set(compiled.flatMap((c) => c.checked.references))]
      .filter((q) => q.startsWith('Opportunity.'))
      .map((q) => opp.field(q.slice('Opportunity.'.length)))
      .filter((f) => f !== undefined);
    const r = mulberry32(7);
    const value = (type: string, values: readonly string[] | undefined): string | number | boolean | null => {
      if (type === 'boolean') return r() < 0.5;
      if (r() < 0.2) return null;
      switch (type) {
        case 'picklist':
          return values && values.length > 0 ? (values[Math.floor(r() * values.length)] as string) : 'Value';
        case 'date':
          return DATES[Math.floor(r() * DATES.length)] as string;
        case 'datetime':
          return `${DATES[Math.floor(r() * DATES.length)] as string}T10:00:00Z`;
        case 'double':
        case 'int':
        case 'currency':
        case 'percent':
          return Math.round(r() * 100_000) / 100;
        case 'reference':
        case 'id':
          return '0063000000AbCdEAAZ';
        default:
          return 'text';
      }
    };
    const contexts: EvalContext[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const record: Row = {};
      const prior: Row = {};
      for (const f of fields) {
        record[f.name] = value(f.type, f.picklistValues);
        prior[f.name] = r() < 0.7 ? (record[f.name] ?? null) : value(f.type, f.picklistValues);
      }
      const permissions = r() < 0.05 ? ['RevOps_Governance_Bypass'] : PERMS_NONE;
      contexts[i] = r() < 0.1 ? { record, permissions, now: NOW } : { record, prior, permissions, now: NOW };
    }
    const run = (count: number): number => {
      let v = 0;
      for (let i = 0; i < count; i++) {
        const ctx = contexts[i] as EvalContext;
        for (const fn of compiled) if (fn(ctx) === true) v++;
      }
      return v;
    };
    run(Math.min(n, 100_000));
    return { rules: compiled.length, result: time('model rules', n * compiled.length, () => run(n)) };
  } catch (e) {
    return `model rules skipped: ${(e as Error).message}`;
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const t0 = performance.now();
  const cases: Case[] = generate(RECORDS);
  console.log(`Formula engine benchmark — ${Object.keys(FULL_RULES).length} Opportunity validation rules`);
  console.log(`generated ${fmt(RECORDS)} records in ${fmt(performance.now() - t0)} ms (Node ${process.version})\n`);

  const full = ours(FULL_RULES);
  const peer = ours(PEER_RULES);
  const nRules = full.length;

  // warm up the JIT on a slice, then measure the whole set
  runOurs(full, cases, Math.min(RECORDS, 100_000));
  runOurs(peer, cases, Math.min(RECORDS, 100_000));
  const oursFull = time('ours (full rules)', RECORDS * nRules, () => runOurs(full, cases, RECORDS));
  const oursPeer = time('ours (peer rules)', RECORDS * nRules, () => runOurs(peer, cases, RECORDS));

  // sformula: compiled once, evaluated per record
  const sformula = require('sformula') as SFormula;
  const sfFns = Object.values(PEER_RULES).map((f) =>
    sformula.parseSync(f, { inputTypes: SF_TYPES, returnType: 'boolean' }),
  );
  const runSf = (n: number): number => {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const rec = (cases[i] as Case).record;
      for (const f of sfFns) if (f.evaluate(rec) === true) v++;
    }
    return v;
  };
  runSf(Math.min(2000, SFORMULA_RECORDS));
  const sf = time('sformula', SFORMULA_RECORDS * nRules, () => runSf(SFORMULA_RECORDS));

  // formulon: its public API parses on every call
  const formulon = require('formulon') as Formulon;
  const fSubs = cases
    .slice(0, Math.max(FORMULON_RECORDS, FORMULON_AST_RECORDS))
    .map((c) => formulonSubstitutions(c.record));
  const peerSources = Object.values(PEER_RULES);
  const runFormulon = (n: number): number => {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const subs = fSubs[i] as object;
      for (const f of peerSources) {
        const res = formulon.parse(f, subs);
        if (res.type === 'error') throw new Error(`formulon: ${JSON.stringify(res)}`);
        if (res.value === true) v++;
      }
    }
    return v;
  };
  runFormulon(Math.min(200, FORMULON_RECORDS));
  const fPerCall = time('formulon (parse per call)', FORMULON_RECORDS * nRules, () => runFormulon(FORMULON_RECORDS));

  // formulon with a cached AST through its internals
  const internals = formulonInternals();
  let fCached: Result | undefined;
  if (internals) {
    const asts = peerSources.map((f) => formulon.ast(f));
    const coerced = fSubs
      .slice(0, FORMULON_AST_RECORDS)
      .map((s) => Object.fromEntries(Object.entries(s).map(([k, lit]) => [k, internals.coerceLiteral(lit)])));
    const runCached = (n: number): number => {
      let v = 0;
      for (let i = 0; i < n; i++) {
        const subs = coerced[i] as object;
        for (const ast of asts) {
          const res = internals.traverse(internals.replace(ast, subs));
          if (res.type === 'error') throw new Error(`formulon: ${JSON.stringify(res)}`);
          if (res.value === true) v++;
        }
      }
      return v;
    };
    runCached(Math.min(2000, FORMULON_AST_RECORDS));
    fCached = time('formulon (cached AST)', FORMULON_AST_RECORDS * nRules, () => runCached(FORMULON_AST_RECORDS));
  }

  // ---------------------------------------------------------- agreement on shared records
  const agree = (n: number): string => {
    const a = runOurs(peer, cases, n);
    return `${fmt(a)} violations in the first ${fmt(n)} records`;
  };
  const checks: string[] = [];
  const oursSf = runOurs(peer, cases, SFORMULA_RECORDS);
  checks.push(
    `sformula ${sf.violations === oursSf ? 'agrees' : `DISAGREES (${sf.violations} vs ${oursSf})`}: ${agree(SFORMULA_RECORDS)}`,
  );
  const oursF = runOurs(peer, cases, FORMULON_RECORDS);
  checks.push(
    `formulon ${fPerCall.violations === oursF ? 'agrees' : `DISAGREES (${fPerCall.violations} vs ${oursF})`}: ${agree(FORMULON_RECORDS)}`,
  );
  if (fCached) {
    const oursFc = runOurs(peer, cases, FORMULON_AST_RECORDS);
    checks.push(
      `formulon (cached AST) ${fCached.violations === oursFc ? 'agrees' : `DISAGREES (${fCached.violations} vs ${oursFc})`}: ${agree(FORMULON_AST_RECORDS)}`,
    );
  }
  const fullVsPeer = oursFull.violations === oursPeer.violations;
  checks.push(
    `full rules ${fullVsPeer ? 'agree' : 'DISAGREE'} with their peer rewrites on all ${fmt(RECORDS)} records (${fmt(oursFull.violations)} violations)`,
  );

  // ---------------------------------------------------------- report
  const rows: Array<[string, Result, string]> = [
    ['revops engine, full rules', oursFull, `${fmt(RECORDS)} records`],
    ['revops engine, peer rules', oursPeer, `${fmt(RECORDS)} records`],
    ['sformula (compiled once)', sf, `${fmt(SFORMULA_RECORDS)} records`],
    ['formulon (parse per call)', fPerCall, `${fmt(FORMULON_RECORDS)} records`],
  ];
  if (fCached) rows.push(['formulon (cached AST, internals)', fCached, `${fmt(FORMULON_AST_RECORDS)} records`]);
  const base = rate(oursPeer);
  console.log(
    'engine                              evaluations/s   sample                vs peers (revops peer-rule rate ÷ engine)',
  );
  for (const [label, r, sample] of rows) {
    const ratio = label.startsWith('revops') ? '' : `${(base / rate(r)).toFixed(1)}×`;
    console.log(`${label.padEnd(34)} ${fmt(rate(r)).padStart(14)}   ${sample.padEnd(20)}  ${ratio}`);
  }
  const fastestPeer = Math.max(rate(sf), rate(fPerCall), fCached ? rate(fCached) : 0);
  console.log(
    `\nspeed-up over the fastest peer: ${(base / fastestPeer).toFixed(1)}× on the same rules (${(rate(oursFull) / fastestPeer).toFixed(1)}× with the full rules)`,
  );
  if (!internals) console.log('formulon internals could not be reached: cached-AST figure omitted');
  console.log('\nagreement:');
  for (const c of checks) console.log(`  ${c}`);
  cases.length = 0; // let the peer-rule records go before generating the model's
  const modelRecords = Math.min(RECORDS, arg('model-records', 1_000_000));
  const model = await modelRules(modelRecords);
  if (typeof model === 'string') console.log(`\n${model}`);
  else {
    console.log(
      `\nthe model's ${model.rules} Opportunity validation rules (ISCHANGED, ISNEW, PRIORVALUE, TODAY, $Permission), revops engine only:`,
    );
    console.log(
      `  ${fmt(rate(model.result))} evaluations/s over ${fmt(modelRecords)} generated records (${fmt(model.result.violations)} violations)`,
    );
  }
  console.log(`\ntotal ${fmt(performance.now() - t0)} ms`);
  if (checks.some((c) => c.includes('DISAGREE'))) process.exitCode = 1;
}

await main();

/**
 * RFCs (blueprint 000, change control): `rfcs/NNNN-slug.md` with YAML front matter, read and
 * checked against the diff they are meant to cover. `rfc check` is the gate: the schema, the
 * status, the scope against every changed component, the risk against the floor the diff
 * implies, a governance approver for locked definitions, and approvals bound to the sha256 of
 * the exact package — so any later commit that changes what deploys voids them.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ChangeError } from '../errors.ts';
import { Repo, WORKING_TREE } from '../git.ts';
import { diff, type DiffOptions, type DiffReport } from '../diff/index.ts';
import { lockKey } from '../locked.ts';
import { RISK_ORDER, type RiskLevel } from '../diff/types.ts';

export const RFC_DIR = 'rfcs';
export const STATUSES = ['draft', 'review', 'approved', 'rejected', 'released', 'withdrawn'] as const;
export const TYPES = ['schema', 'automation', 'security', 'data', 'analytics', 'config'] as const;
export const RISKS = ['low', 'medium', 'high'] as const;
export const ROLES = [
  'governance',
  'revops',
  'sales',
  'marketing',
  'customer-success',
  'finance',
  'legal',
  'security',
] as const;
/** Releases always run tests: NoTestRun is not a level an RFC may choose. */
export const RFC_TEST_LEVELS = ['RunLocalTests', 'RunSpecifiedTests', 'RunAllTestsInOrg'] as const;
const REQUIRED_SECTIONS = ['Impact assessment', 'Rollback plan'] as const;

export interface Approval {
  readonly name: string;
  readonly role: (typeof ROLES)[number];
  /** `sha256:<hex>` of the package approved; absent while the approval is pending. */
  readonly package?: string;
}

export interface Rfc {
  readonly file: string;
  readonly id: number;
  readonly title: string;
  readonly status: (typeof STATUSES)[number];
  readonly type: (typeof TYPES)[number];
  readonly risk: RiskLevel;
  readonly dataImpact: string;
  readonly authors: readonly string[];
  readonly approvers: readonly Approval[];
  readonly scope: readonly string[];
  readonly rollback: string;
  readonly window: string;
  readonly testLevel: (typeof RFC_TEST_LEVELS)[number];
  readonly tests: readonly string[];
  readonly body: string;
}

const FILE_NAME = /^(\d{4})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/** Splits `---\nyaml\n---\nbody`; a file without it is an error naming the file. */
function frontMatter(file: string, text: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match)
    throw new ChangeError(
      `${file}: no front matter (the file must start with a --- block)`,
      `Start from ${RFC_DIR}/TEMPLATE.md.`,
    );
  try {
    return { data: parseYaml(match[1]!), body: match[2]! };
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line + 1})` : '';
    throw new ChangeError(
      `${file}: front matter is not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`,
      'Fix the YAML between the --- lines.',
    );
  }
}

/** Reads and validates one RFC file; every problem is named with the file and the key. */
export function parseRfc(file: string, text: string): Rfc {
  const { data, body } = frontMatter(file, text);
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new ChangeError(`${file}: front matter must be a YAML mapping of keys`, `Start from ${RFC_DIR}/TEMPLATE.md.`);
  const fm = data as Record<string, unknown>;
  const problems: string[] = [];
  const str = (key: string): string => {
    const v = fm[key];
    if (typeof v !== 'string' || !v.trim()) problems.push(`${key} must be a non-empty string`);
    return typeof v === 'string' ? v : '';
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback?: T): T => {
    const v = fm[key] ?? fallback;
    if (!allowed.includes(v as T))
      problems.push(`${key} must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)})`);
    return v as T;
  };
  const list = (key: string, nonEmpty = false): string[] => {
    const v = fm[key] ?? [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      problems.push(`${key} must be a list of strings`);
      return [];
    }
    if (nonEmpty && !v.length) problems.push(`${key} must not be empty`);
    return v as string[];
  };
  const id = fm.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) problems.push('id must be a positive integer');
  const number = FILE_NAME.exec(file.split('/').pop() ?? '')?.[1];
  if (!number) problems.push('the file name must be NNNN-slug.md (four digits, lower-case words joined by -)');
  else if (Number(number) !== id) problems.push(`id ${String(id)} does not match the file name's ${number}`);
  const approvers = approversOf(fm.approvers, problems);
  const rfc: Rfc = {
    file,
    id: id as number,
    title: str('title'),
    status: oneOf('status', STATUSES),
    type: oneOf('type', TYPES),
    risk: oneOf('risk', RISKS),
    dataImpact: str('data_impact'),
    authors: list('authors', true),
    approvers,
    scope: list('scope'),
    rollback: str('rollback'),
    window: str('window'),
    testLevel: oneOf('test_level', RFC_TEST_LEVELS, 'RunLocalTests'),
    tests: list('tests'),
    body,
  };
  if (rfc.testLevel === 'RunSpecifiedTests' && !rfc.tests.length)
    problems.push('test_level RunSpecifiedTests needs tests: [ApexTestClass, ...]');
  for (const section of REQUIRED_SECTIONS) {
    const text = new RegExp(`^##\\s+${section}\\s*$([\\s\\S]*?)(?=^##\\s|$(?![\\s\\S]))`, 'mi').exec(body)?.[1]?.trim();
    if (!text) problems.push(`the body needs a "## ${section}" section with content`);
  }
  if (problems.length)
    throw new ChangeError(
      `${file}: ${problems.join('; ')}`,
      `Fix the front matter (${RFC_DIR}/README.md lists every key).`,
    );
  return rfc;
}

function approversOf(value: unknown, problems: string[]): Approval[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push('approvers must be a list of {name, role, package}');
    return [];
  }
  return value.flatMap((a, i) => {
    const entry = a as Record<string, unknown>;
    if (
      !a ||
      typeof a !== 'object' ||
      typeof entry.name !== 'string' ||
      !ROLES.includes(entry.role as Approval['role'])
    ) {
      problems.push(`approvers[${i}] needs a name and a role (${ROLES.join(', ')})`);
      return [];
    }
    if (entry.package !== undefined && !/^sha256:[0-9a-f]{64}$/.test(String(entry.package))) {
      problems.push(`approvers[${i}].package must be sha256:<64 hex digits> as revops rfc check prints it`);
      return [];
    }
    return [
      {
        name: entry.name,
        role: entry.role as Approval['role'],
        ...(entry.package ? { package: String(entry.package) } : {}),
      },
    ];
  });
}

/** Every RFC file of the project, parsed (a malformed one is an error naming it). */
export async function readRfcs(root: string): Promise<Rfc[]> {
  const names = (await readdir(join(root, RFC_DIR)).catch(() => [])).filter((n) => /^\d{4}-.*\.md$/.test(n)).sort();
  return Promise.all(
    names.map(async (n) => parseRfc(`${RFC_DIR}/${n}`, await readFile(join(root, RFC_DIR, n), 'utf8'))),
  );
}

export async function findRfc(root: string, id: number): Promise<Rfc> {
  const names = (await readdir(join(root, RFC_DIR)).catch(() => [])).filter((n) =>
    n.startsWith(`${String(id).padStart(4, '0')}-`),
  );
  if (!names.length)
    throw new ChangeError(
      `RFC ${id}: no ${RFC_DIR}/${String(id).padStart(4, '0')}-*.md here`,
      'List them with `ls rfcs/`, or write one with `revops rfc new --title "..."`.',
    );
  return parseRfc(`${RFC_DIR}/${names[0]}`, await readFile(join(root, RFC_DIR, names[0]!), 'utf8'));
}

/**
 * The sha256 of the exact package: the package and destructive manifests, the API version,
 * and the bytes of every source file the deployed components consist of at the target
 * revision. Same change, same hash, on any machine; any byte that would deploy differently
 * changes it.
 */
export async function packageHash(root: string, report: DiffReport): Promise<string> {
  const repo = new Repo(root);
  const rev = report.to.commit ?? WORKING_TREE;
  const hash = createHash('sha256');
  hash.update(`api ${report.apiVersion}\n`);
  hash.update(`package ${JSON.stringify(report.package)}\n`);
  hash.update(`destructive ${JSON.stringify(report.destructive)}\n`);
  const files = [...new Set(report.components.filter((c) => c.change !== 'deleted').flatMap((c) => c.paths))].sort();
  await repo.prefetch(files.map((path) => ({ rev, path })));
  for (const path of files) {
    const bytes = await repo.read(rev, path);
    hash.update(`${path}\0${bytes ? createHash('sha256').update(bytes).digest('hex') : 'absent'}\n`);
  }
  return `sha256:${hash.digest('hex')}`;
}

/** `ValidationRule:Opportunity.*` → a matcher of `Type:FullName`. */
export function scopeMatcher(globs: readonly string[]): (key: string) => boolean {
  const patterns = globs.map(
    (g) =>
      new RegExp(
        `^${g
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      ),
  );
  return (key) => patterns.some((p) => p.test(key));
}

export interface RuleResult {
  readonly rule: string;
  readonly ok: boolean;
  readonly message: string;
}

export interface RfcCheck {
  readonly ok: boolean;
  readonly packageHash: string;
  readonly rfcs: readonly { readonly file: string; readonly id: number; readonly rules: readonly RuleResult[] }[];
  /** Why the check failed, one line each. */
  readonly failures: readonly string[];
  readonly diff: DiffReport;
}

/** Checks one RFC against the diff and its package hash. */
export function checkRfc(rfc: Rfc, report: DiffReport, hash: string): RuleResult[] {
  const rules: RuleResult[] = [];
  const rule = (name: string, ok: boolean, message: string) => rules.push({ rule: name, ok, message });
  rule('schema', true, 'front matter valid');
  rule(
    'status',
    rfc.status === 'approved',
    rfc.status === 'approved' ? 'approved' : `status is ${rfc.status}, not approved`,
  );
  const inScope = scopeMatcher(rfc.scope);
  const changed = [
    ...report.components.map((c) => lockKey(c.type, c.fullName)),
    ...report.lockChanges.locked,
    ...report.lockChanges.unlocked,
  ];
  const outside = [...new Set(changed)].filter((k) => !inScope(k));
  rule(
    'scope',
    outside.length === 0,
    outside.length
      ? `outside the scope: ${outside.slice(0, 10).join(', ')}${outside.length > 10 ? ` and ${outside.length - 10} more` : ''}`
      : `${changed.length} changed component(s) in scope`,
  );
  const floor = report.summary.riskFloor;
  rule(
    'risk',
    RISK_ORDER[rfc.risk] >= RISK_ORDER[floor],
    RISK_ORDER[rfc.risk] >= RISK_ORDER[floor]
      ? `risk ${rfc.risk} ≥ floor ${floor}`
      : `risk ${rfc.risk} is below the floor ${floor} the diff implies (${floorReason(report)})`,
  );
  const valid = rfc.approvers.filter((a) => a.package === hash);
  const void_ = rfc.approvers.filter((a) => a.package && a.package !== hash);
  rule(
    'approval',
    valid.length > 0,
    valid.length
      ? `approved for this package by ${valid.map((a) => a.name).join(', ')}`
      : void_.length
        ? `approval by ${void_.map((a) => a.name).join(', ')} is void: the package changed since (approved ${void_[0]!.package!.slice(0, 19)}…, now ${hash.slice(0, 19)}…)`
        : `no approver has signed this package (${hash})`,
  );
  const locked =
    report.summary.locked > 0 || report.lockChanges.locked.length > 0 || report.lockChanges.unlocked.length > 0;
  if (locked) {
    const governance = valid.some((a) => a.role === 'governance');
    rule(
      'governance',
      governance,
      governance
        ? 'locked definitions approved by the governance role'
        : 'locked definitions are touched: an approver with role governance must sign this package',
    );
  }
  return rules;
}

function floorReason(report: DiffReport): string {
  const categories = new Set(
    report.components.flatMap((c) =>
      c.risks.filter((r) => r.level === report.summary.riskFloor).map((r) => r.category),
    ),
  );
  return [...categories].join(', ') || 'locked definitions';
}

export interface RfcCheckOptions extends DiffOptions {
  /** Check this RFC; default: the RFC files the change itself adds or modifies. */
  readonly rfc?: number;
}

/** `revops rfc check`: the gate. */
export async function rfcCheck(root: string, options: RfcCheckOptions = {}): Promise<RfcCheck> {
  const report = await diff(root, options);
  const hash = await packageHash(root, report);
  const repo = new Repo(root);
  const candidates =
    options.rfc !== undefined ? [await findRfc(root, options.rfc)] : await rfcsInChange(repo, root, report);
  if (!report.components.length && !report.lockChanges.locked.length && !report.lockChanges.unlocked.length)
    return { ok: true, packageHash: hash, rfcs: [], failures: [], diff: report };
  if (!candidates.length)
    return {
      ok: false,
      packageHash: hash,
      rfcs: [],
      failures: [
        `no RFC covers this change (${report.summary.components} component(s)): add one with \`revops rfc new --title "..."\`, in the same change`,
      ],
      diff: report,
    };
  const rfcs = candidates.map((rfc) => ({ file: rfc.file, id: rfc.id, rules: checkRfc(rfc, report, hash) }));
  // One RFC that passes every rule covers the change.
  const ok = rfcs.some((r) => r.rules.every((x) => x.ok));
  const failures = ok
    ? []
    : rfcs.flatMap((r) => r.rules.filter((x) => !x.ok).map((x) => `${r.file}: ${x.rule}: ${x.message}`));
  return { ok, packageHash: hash, rfcs, failures, diff: report };
}

/** The RFC files a change adds or modifies (a change carries its own RFC). */
async function rfcsInChange(repo: Repo, root: string, report: DiffReport): Promise<Rfc[]> {
  const changed = await repo.changedPaths(report.from.commit!, report.to.commit ?? WORKING_TREE, [RFC_DIR]);
  const files = changed.filter((c) => c.kind !== 'D' && /^rfcs\/\d{4}-[^/]*\.md$/.test(c.path)).map((c) => c.path);
  return Promise.all(
    files.map(async (f) => parseRfc(f, (await repo.readText(report.to.commit ?? WORKING_TREE, f)) ?? '')),
  );
}

/** `revops rfc new`: the next number, a slug from the title, the template filled in. */
export async function newRfc(
  root: string,
  options: { title: string; type?: Rfc['type']; author?: string },
): Promise<string> {
  const slug = options.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  if (!slug)
    throw new ChangeError(
      `--title "${options.title}": needs at least one letter or digit for the file name`,
      'Give the RFC a title in words.',
    );
  const existing = (await readdir(join(root, RFC_DIR)).catch(() => [])).map((n) =>
    Number(/^(\d{4})-/.exec(n)?.[1] ?? 0),
  );
  const id = Math.max(0, ...existing) + 1;
  const template = await readFile(join(root, RFC_DIR, 'TEMPLATE.md'), 'utf8').catch(() => {
    throw new ChangeError(
      `${RFC_DIR}/TEMPLATE.md: not found`,
      'Restore it from git (`git checkout -- rfcs/TEMPLATE.md`).',
    );
  });
  const text = template
    .replace(/^id: .*$/m, `id: ${id}`)
    .replace(/^title: .*$/m, `title: ${JSON.stringify(options.title)}`)
    .replace(/^type: .*$/m, `type: ${options.type ?? 'schema'}`)
    .replace(/^authors: .*$/m, `authors: [${JSON.stringify(options.author ?? 'RevOps')}]`);
  const file = `${RFC_DIR}/${String(id).padStart(4, '0')}-${slug}.md`;
  await mkdir(join(root, RFC_DIR), { recursive: true });
  await writeFile(join(root, file), text, { flag: 'wx' });
  return file;
}

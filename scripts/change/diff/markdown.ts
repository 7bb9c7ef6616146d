/**
 * The diff as a pull-request comment: a summary a board member reads in ten seconds (what
 * changes, the highest risk, what needs the governance role), then the risky components with
 * how they changed, then the rest in one line each — bounded in size (GitHub caps a comment at
 * 65,536 characters): beyond the budget the rest is counted, not listed.
 */
import type { DiffReport } from './index.ts';
import { RISK_ORDER, type ComponentReport } from './types.ts';

export const DEFAULT_MARKDOWN_BUDGET = 30_000;

const ICON = { high: '🔴', medium: '🟠', low: '🟢' } as const;
const CHANGE = { added: 'added', modified: 'changed', deleted: '**deleted**' } as const;

const short = (commit?: string) => (commit ? ` (\`${commit.slice(0, 10)}\`)` : '');

function headline(report: DiffReport): string[] {
  const s = report.summary;
  const lines = [
    `### revops diff: ${s.components} component${s.components === 1 ? '' : 's'} changed — risk floor ${ICON[s.riskFloor]} **${s.riskFloor}**`,
    '',
    `From \`${report.from.ref}\`${short(report.from.commit)} to ${report.to.commit ? `\`${report.to.ref}\`${short(report.to.commit)}` : 'the working tree'}: ${s.added} added, ${s.modified} changed, ${s.deleted} deleted; ${s.locked} locked definition${s.locked === 1 ? '' : 's'} touched.`,
  ];
  const flags: string[] = [];
  const count = (category: string) =>
    report.components.filter((c) => c.risks.some((r) => r.category === category)).length;
  if (count('data-loss')) flags.push(`${count('data-loss')} with possible **data loss**`);
  if (count('permission-broadened')) flags.push(`${count('permission-broadened')} **broadening permissions**`);
  if (s.deleted) flags.push(`${s.deleted} **destructive**`);
  if (s.locked) flags.push(`${s.locked} **locked** (needs an approver with the governance role)`);
  if (flags.length) lines.push('', `Needs attention: ${flags.join(', ')}.`);
  const { locked, unlocked } = report.lockChanges;
  if (unlocked.length) lines.push('', `Unlocked in the model: ${unlocked.map((k) => `\`${k}\``).join(', ')}.`);
  if (locked.length) lines.push('', `Newly locked in the model: ${locked.map((k) => `\`${k}\``).join(', ')}.`);
  return lines;
}

function component(c: ComponentReport, maxDetails: number): string[] {
  const top = c.risks[0];
  const lines = [
    `- ${top ? ICON[top.level] : '⚪'} \`${c.type}\` **${c.fullName}** — ${CHANGE[c.change]}${c.locked ? ' 🔒 locked' : ''}`,
  ];
  for (const d of c.details.slice(0, maxDetails))
    lines.push(`  - ${d.text}${d.risk && d.risk.level !== 'low' ? ` — _${d.risk.reason}_` : ''}`);
  if (c.details.length > maxDetails) lines.push(`  - …and ${c.details.length - maxDetails} more`);
  for (const r of c.risks.filter((r) => r.category === 'destructive' || r.category === 'locked'))
    lines.push(`  - _${r.reason}_`);
  return lines;
}

/** Markdown for a PR comment, at most `budget` characters. */
export function diffMarkdown(report: DiffReport, budget = DEFAULT_MARKDOWN_BUDGET): string {
  const out = headline(report);
  const ranked = [...report.components].sort(
    (a, b) =>
      RISK_ORDER[b.risks[0]?.level ?? 'low'] - RISK_ORDER[a.risks[0]?.level ?? 'low'] || a.type.localeCompare(b.type),
  );
  const risky = ranked.filter((c) => c.risks.some((r) => r.level !== 'low'));
  const rest = ranked.filter((c) => !risky.includes(c));
  let size = out.join('\n').length;
  let omitted = 0;
  const section = (title: string, items: readonly ComponentReport[], maxDetails: number) => {
    if (!items.length) return;
    const lines: string[] = [];
    for (const c of items) {
      const block = component(c, maxDetails);
      const cost = block.join('\n').length + 1;
      // Keep room for the closing lines; past the budget, count instead of listing.
      if (size + cost > budget - 400) {
        omitted++;
        continue;
      }
      size += cost;
      lines.push(...block);
    }
    if (lines.length) out.push('', `#### ${title}`, '', ...lines);
  };
  section('Needs review', risky, 8);
  section('Other changes', rest, 2);
  if (omitted)
    out.push(
      '',
      `_…and ${omitted} more component${omitted === 1 ? '' : 's'}: run \`revops diff --json\` for all of them._`,
    );
  if (report.warnings.length) out.push('', ...report.warnings.map((w) => `> ⚠️ ${w}`));
  if (report.lockWarnings.length)
    out.push('', ...report.lockWarnings.map((w) => `> ⚠️ locked definitions unknown: ${w}`));
  return `${out.join('\n')}\n`;
}

/** package.xml / destructiveChanges.xml text for a list of members by type. */
export function manifestXml(members: Readonly<Record<string, readonly string[]>>, apiVersion: string): string {
  const types = Object.entries(members)
    .sort(([a], [b]) => (a === 'CustomObject' ? -1 : b === 'CustomObject' ? 1 : a.localeCompare(b)))
    .map(
      ([name, list]) =>
        `    <types>\n${list.map((m) => `        <members>${escape(m)}</members>\n`).join('')}        <name>${name}</name>\n    </types>\n`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n${types}    <version>${apiVersion}</version>\n</Package>\n`;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

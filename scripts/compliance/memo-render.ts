/** The memo as a board reads it: Markdown (memo.md) and a printable HTML page (memo.html) from the same blocks. */
import type { Memo } from './memo.ts';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);
const money = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
const times = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}×`);

interface Block {
  readonly title: string;
  readonly lead: string;
  readonly table?: { readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

function headline(m: Memo): string[] {
  const c = m.metrics.coverage.overall;
  const speed = m.metrics.dataQuality.checks.find((x) => x.name === 'speedToLeadBreached');
  return [
    `Pipeline coverage ${times(c.coverage)} (weighted ${times(c.weightedCoverage)}) against a 3–4× target.`,
    `Discount integrity ${pct(m.discounts.integrity)}: ${m.discounts.leaked} of ${m.discounts.discountedWon} discounted wins above the ladder without approval.`,
    `Speed-to-lead SLA met on ${pct(speed?.value === null || !speed ? null : 1 - speed.value)} of MQLs; hand-off SLA met on ${pct(m.handoffSla.adherence)} of packets.`,
    `${m.risks.length} open GTM risks, ${m.risks.filter((r) => r.decisionOverdue).length} past their decision SLA.`,
  ];
}

function forecastBlock(m: Memo): Block {
  const acc = m.metrics.forecastAccuracy.rollup;
  if (acc.length)
    return {
      title: 'Forecast accuracy',
      lead: 'Accuracy of the roll-up at each horizon (WAPE; bias above zero means over-forecast).',
      table: {
        head: ['Horizon', 'Forecast', 'Actual', 'WAPE', 'Bias'],
        rows: acc.map((r) => [`${r.horizonDays} days`, money(r.forecast), money(r.actual), pct(r.wape), pct(r.bias)]),
      },
    };
  return {
    title: 'Forecast accuracy',
    lead: 'No forecast period has closed yet, so accuracy (MAPE, WAPE, bias) is measured at the first close. The latest manager call per segment against quota:',
    table: {
      head: ['Segment', 'Snapshot', 'Call', 'Quota', 'Call ÷ quota', 'Won to date', 'Stage-weighted'],
      rows: m.forecast.map((f) => [
        f.segment,
        `${f.snapshotDate} (${f.horizonWeeks} wk)`,
        money(f.call),
        money(f.quota),
        pct(f.call / f.quota),
        money(f.closedWonToDate),
        money(f.stageWeighted),
      ]),
    },
  };
}

function coverageBlock(m: Memo): Block {
  const cov = m.metrics.coverage;
  return {
    title: 'Pipeline coverage',
    lead: `Open pipeline ÷ the next ${cov.windowDays} days' target (${cov.targetBasis}).`,
    table: {
      head: ['Segment', 'Open deals', 'Pipeline', 'Target', 'Coverage', 'Weighted'],
      rows: [cov.overall, ...Object.values(cov.bySegment)].map((r) => [
        r.segment,
        String(r.openDeals),
        money(r.pipeline),
        money(r.target),
        times(r.coverage),
        times(r.weightedCoverage),
      ]),
    },
  };
}

function discountBlock(m: Memo): Block {
  const d = m.discounts;
  return {
    title: 'Discount integrity',
    lead: 'Closed-won deals with a discount, against the segment ladder (ENT 25 %, MM 20 %, SMB 15 %): above it, the deal desk must approve.',
    table: {
      head: ['Discounted wins', 'Average discount', 'Above the ladder', 'of which approved', 'Leaked', 'Integrity'],
      rows: [
        [
          String(d.discountedWon),
          pct(d.averageDiscount),
          String(d.aboveLadder),
          String(d.aboveLadderApproved),
          String(d.leaked),
          pct(d.integrity),
        ],
      ],
    },
  };
}

function slaBlock(m: Memo): Block {
  const speed = m.metrics.dataQuality.checks.find((x) => x.name === 'speedToLeadBreached');
  return {
    title: 'SLA adherence',
    lead: 'Speed to lead (15-minute first touch on MQLs) and hand-off packets accepted within their SLA.',
    table: {
      head: ['SLA', 'Measured', 'Breached', 'Met'],
      rows: [
        [
          'Speed to lead',
          String(speed?.denominator ?? 0),
          String(speed?.numerator ?? 0),
          pct(speed?.value === null || !speed ? null : 1 - speed.value),
        ],
        ['Hand-off packets', String(m.handoffSla.packets), String(m.handoffSla.breached), pct(m.handoffSla.adherence)],
      ],
    },
  };
}

function risksBlock(m: Memo): Block {
  const due = (r: Memo['risks'][number]) =>
    `${r.decisionDue}${r.decisionOverdue ? ' (overdue)' : r.Decided_On__c ? ' (decided)' : ''}`;
  return {
    title: 'Open risks',
    lead: 'The GTM risk register (GTM_Risk__c), open and mitigating risks by score (likelihood × impact).',
    table: {
      head: ['Risk', 'Category', 'Owner', 'Score', 'Status', 'Decision due', 'Next review'],
      rows: m.risks.map((r) => [
        r.Name,
        r.Category__c,
        r.Owner_Seat__c,
        String(r.score),
        r.Status__c,
        due(r),
        r.Next_Review__c,
      ]),
    },
  };
}

function exceptionsBlock(m: Memo): Block {
  const e = m.exceptions;
  return {
    title: 'Weekly exception review',
    lead: `Deal exceptions by status; the Expiries lifecycle job (daily 01:00) sets each Expired on its date. ${e.expiringIn7Days} expire in the next 7 days; ${e.pastExpiryNotExpired} are past their date but not yet Expired.`,
    table: {
      head: ['Status', 'Exceptions'],
      rows: Object.entries(e.byStatus)
        .sort()
        .map(([s, n]) => [s, String(n)]),
    },
  };
}

const blocks = (m: Memo): Block[] => [
  forecastBlock(m),
  coverageBlock(m),
  discountBlock(m),
  slaBlock(m),
  risksBlock(m),
  exceptionsBlock(m),
];

const mdCell = (s: string) => s.replace(/\|/g, '\\|');
const mdTable = (t: NonNullable<Block['table']>) =>
  [
    `| ${t.head.join(' | ')} |`,
    `|${t.head.map(() => ' --- ').join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ].join('\n');

export function renderMemoMarkdown(m: Memo): string {
  const parts = [
    `# RevOps memo — ${m.asOf}`,
    `Monthly memo to the RevOps council, with the board appendix. Source: dataset \`${m.dataset}\`.`,
    '## Headlines',
    headline(m)
      .map((h) => `- ${h}`)
      .join('\n'),
    '# Board appendix',
    ...blocks(m).flatMap((b) => [`## ${b.title}`, b.lead, ...(b.table ? [mdTable(b.table)] : [])]),
  ];
  return `${parts.join('\n\n')}\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `body{font:15px/1.5 Georgia,serif;color:#1d2433;max-width:60rem;margin:2.5rem auto;padding:0 1.5rem}
h1{font-size:1.9rem;border-bottom:3px solid #1d2433;padding-bottom:.4rem}h2{font-size:1.25rem;margin-top:2rem;color:#243b6b}
.appendix{page-break-before:always;border-top:1px solid #c8ccd6;margin-top:2.5rem}
table{border-collapse:collapse;width:100%;font:13px/1.4 system-ui,sans-serif;margin:.5rem 0 1rem}
th,td{border-bottom:1px solid #dde1ea;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f2f4f8}
ul.headlines li{margin:.3rem 0}.source{color:#5a6275;font-size:.9rem}`;

export function renderMemoHtml(m: Memo): string {
  const table = (t: NonNullable<Block['table']>) =>
    `<table><thead><tr>${t.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${t.rows
      .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const sections = blocks(m)
    .map((b) => `<section><h2>${esc(b.title)}</h2><p>${esc(b.lead)}</p>${b.table ? table(b.table) : ''}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RevOps memo ${esc(m.asOf)}</title><style>${STYLE}</style></head>
<body><h1>RevOps memo — ${esc(m.asOf)}</h1>
<p class="source">Monthly memo to the RevOps council, with the board appendix. Source: dataset ${esc(m.dataset)}.</p>
<h2>Headlines</h2><ul class="headlines">${headline(m)
    .map((h) => `<li>${esc(h)}</li>`)
    .join('')}</ul>
<div class="appendix"><h1>Board appendix</h1>
${sections}</div></body></html>
`;
}

/** Writes memo.md and memo.html into `outDir`, each through a temporary name. */
export async function writeMemo(m: Memo, outDir: string): Promise<{ markdown: string; html: string }> {
  const { mkdir, rename, rm, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  await mkdir(outDir, { recursive: true });
  const files = [
    [join(outDir, 'memo.md'), renderMemoMarkdown(m)],
    [join(outDir, 'memo.html'), renderMemoHtml(m)],
  ] as const;
  const temps = files.map(([p]) => `${p}.${process.pid}.tmp`);
  try {
    for (const [i, [, text]] of files.entries()) await writeFile(temps[i]!, text);
    for (const [i, [p]] of files.entries()) await rename(temps[i]!, p);
  } finally {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
  }
  return { markdown: files[0][0], html: files[1][0] };
}

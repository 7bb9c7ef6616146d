import { mkdtemp, rm, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { SfError } from '@salesforce/core/sfError';
import type { Org } from '@salesforce/core';
import type { Report, WrittenReport } from '../../../analytics/index.ts';
import { forceFlag } from '../../flags.ts';
import { claimOutputFolder } from '../../output-folder.ts';
import { loadMessages, RevOpsCommand } from '../../revops-command.ts';

const messages = loadMessages('report');
const shared = loadMessages('shared');

export interface ReportCommandResult {
  readonly outDir: string;
  readonly files: WrittenReport['files'];
  readonly asOf: string;
  readonly charts: number;
  /** Charts drawn as "what is missing" placeholders. */
  readonly placeholders: readonly string[];
  readonly winRate: number | null;
  readonly bottleneck: string | null;
  readonly missing: readonly string[];
  /** The extracted dataset, with --target-org. */
  readonly dataset?: string;
  /** With --memo: the monthly memo and board appendix (scripts/compliance/memo.ts). */
  readonly memo?: { readonly markdown: string; readonly html: string };
}

/** --as-of, checked while parsing so that a typo is a usage error (exit 2), not a report failure. */
const asOfFlag = Flags.custom<string>({
  summary: messages.getMessage('flags.as-of.summary'),
  parse: async (input) => {
    const { parseAsOf } = await import('../../../analytics/report.ts');
    try {
      return parseAsOf(input);
    } catch (error) {
      throw new Error((error as Error).message.replace(/^--as-of: /, ''));
    }
  },
});

export default class ReportCommand extends RevOpsCommand<ReportCommandResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    dataset: Flags.directory({
      summary: shared.getMessage('flags.dataset.summary'),
      description: messages.getMessage('flags.dataset.description'),
      exists: true,
    }),
    'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
    out: Flags.directory({
      summary: messages.getMessage('flags.out.summary'),
      description: shared.getMessage('flags.out.description'),
      default: 'out/report',
    }),
    force: forceFlag(),
    'as-of': asOfFlag(),
    memo: Flags.boolean({ summary: messages.getMessage('flags.memo.summary') }),
  };

  public async run(): Promise<ReportCommandResult> {
    const { flags, metadata } = await this.parse(ReportCommand);
    const explicitOrg = flags['target-org'] && !metadata.flags['target-org']?.setFromDefault;
    if (flags.dataset && explicitOrg) throw new SfError(messages.getMessage('errors.TwoSources'), 'UsageError', [], 2);
    const org = flags.dataset ? undefined : flags['target-org'];
    if (!flags.dataset && !org) throw new SfError(messages.getMessage('errors.NoSource'), 'UsageError', [], 2);
    const analytics = await import('../../../analytics/index.ts');
    const claim = () =>
      claimOutputFolder(flags.out, {
        command: 'report',
        force: flags.force,
        isDefault: metadata.flags.out?.setFromDefault,
      });
    try {
      if (flags.dataset) {
        this.spinner.start(`report: measuring ${flags.dataset}`);
        const report = await analytics.buildReport(flags.dataset, { asOf: flags['as-of'] });
        await claim();
        const finished = this.finish(await analytics.writeReport(report, flags.out));
        return flags.memo ? { ...finished, memo: await this.memo(flags.dataset, report, flags.out) } : finished;
      }
      return await this.fromOrg(org!, flags['as-of'], flags.out, claim);
    } catch (error) {
      this.spinner.stop('failed');
      throw asSfError(error);
    }
  }

  private async fromOrg(org: Org, asOfFlag: string | undefined, out: string, claim: () => Promise<void>) {
    const analytics = await import('../../../analytics/index.ts');
    const { openProject, loadModel } = await import('../../../project.ts');
    const project = await openProject();
    const asOf = asOfFlag ?? new Date().toISOString().slice(0, 10);
    const temp = await mkdtemp(join(tmpdir(), 'revops-report-extract-'));
    try {
      this.spinner.start(`report: extracting ${org.getUsername() ?? 'the org'} through Bulk API 2.0`);
      const extract = await analytics.extractOrgDataset(org.getConnection(project.apiVersion), {
        outDir: temp,
        asOf,
        onObject: (e) =>
          this.logToStderr(`  ${e.sobject}: ${e.records} records${e.skipped ? ` (skipped: ${e.skipped})` : ''}`),
        onRetry: (e) => this.logToStderr(`  retry ${e.attempt}: ${e.label}: ${e.error} (waiting ${e.delayMs} ms)`),
      });
      const report: Report = await analytics.buildReport(extract.dir, {
        asOf,
        model: await loadModel(project),
        source: { kind: 'org', name: org.getUsername() ?? 'org' },
      });
      await claim();
      const written = await analytics.writeReport(report, out);
      await cp(temp, join(out, 'dataset'), { recursive: true, force: true });
      return this.finish(written, join(out, 'dataset'));
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  /** The monthly memo beside the report, from the same metrics. */
  private async memo(dataset: string, report: Report, out: string) {
    const [{ buildMemo }, { writeMemo }] = await Promise.all([
      import('../../../compliance/memo.ts'),
      import('../../../compliance/memo-render.ts'),
    ]);
    const written = await writeMemo(await buildMemo(dataset, report.metrics), out);
    this.log(`  memo ${written.markdown}, ${written.html}`);
    return written;
  }

  private finish(written: WrittenReport, dataset?: string): ReportCommandResult {
    this.spinner.stop('done');
    const m = written.metrics;
    const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
    const b = m.funnel.bottleneck;
    this.log(`revops report: ${written.charts} charts as of ${m.asOf} → ${written.files['index.html']}`);
    this.log(`  win rate ${pct(m.winRate.overall)}; bottleneck ${b ? `${b.label} ${pct(b.value)} (${b.band})` : '—'}`);
    this.log(`  metrics ${written.files['metrics.json']}, summary ${written.files['summary.md']}`);
    for (const x of m.missing) this.warn(`${x.metric}: needs ${x.needs}`);
    return {
      outDir: written.outDir,
      files: written.files,
      asOf: m.asOf,
      charts: written.charts,
      placeholders: written.placeholders,
      winRate: m.winRate.overall,
      bottleneck: b?.label ?? null,
      missing: m.missing.map((x) => x.metric),
      ...(dataset ? { dataset } : {}),
    };
  }
}

/** The report's own errors already say what is wrong and what to do: keep them one line, exit 1. */
function asSfError(error: unknown): unknown {
  if (error instanceof Error && error.name === 'ReportError')
    return new SfError(error.message, 'ReportError', (error as { actions?: string[] }).actions ?? [], 1);
  return error;
}

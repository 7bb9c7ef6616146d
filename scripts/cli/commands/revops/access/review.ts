import { resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { SfError } from '@salesforce/core/sfError';
import type { AccessReview } from '../../../../compliance/access-review.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('access.review');

export interface AccessReviewResult {
  readonly json: string;
  readonly markdown: string;
  readonly review: AccessReview;
}

/** YYYY-MM-DD, checked while parsing so that a typo is a usage error. */
export const dayFlag = Flags.custom<string>({
  parse: async (input) => {
    const date = new Date(`${input}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input) || Number.isNaN(date.getTime()) || !date.toISOString().startsWith(input))
      throw new Error(`expected a date as YYYY-MM-DD, got "${input}"`);
    return input;
  },
});

export default class AccessReviewCommand extends RevOpsCommand<AccessReviewResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
    previous: Flags.file({ summary: messages.getMessage('flags.previous.summary'), exists: true }),
    out: Flags.file({ summary: messages.getMessage('flags.out.summary'), default: 'out/access-review.json' }),
    'as-of': dayFlag({ summary: messages.getMessage('flags.as-of.summary') }),
  };

  public async run(): Promise<AccessReviewResult> {
    const network = await this.orgNetwork();
    const { flags, metadata } = await this.parse(AccessReviewCommand);
    const [{ loadModel, openProject }, ar, file] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../compliance/access-review.ts'),
      import('../../../../compliance/access-review-file.ts'),
    ]);
    const project = await openProject();
    const model = await loadModel(project);
    const asOf = flags['as-of'] ?? new Date().toISOString().slice(0, 10);
    const org = metadata.flags['target-org']?.setFromDefault ? undefined : flags['target-org'];
    try {
      const previous = flags.previous
        ? { file: flags.previous, review: await file.readReview(flags.previous) }
        : undefined;
      let snapshot;
      if (org) {
        const { reviewFromOrg } = await import('../../../../compliance/access-review-org.ts');
        this.spinner.start(`access review: reading ${org.getUsername() ?? 'the org'}`);
        network.onProgress(`access review: querying ${org.getUsername() ?? 'the org'}`);
        snapshot = await reviewFromOrg(org.getConnection(project.apiVersion), model, {
          asOf,
          orgName: org.getUsername() ?? 'org',
        });
        this.spinner.stop('done');
      } else snapshot = ar.reviewFromModel(model, asOf);
      const review = file.completeReview(snapshot, previous);
      const written = await file.writeReview(review, resolve(flags.out));
      this.summarise(review, written);
      return { ...written, review };
    } catch (error) {
      if (error instanceof Error && error.name === 'AccessReviewError')
        throw new SfError(error.message, 'AccessReviewError', (error as { actions?: string[] }).actions ?? [], 1);
      throw error;
    }
  }

  private summarise(review: AccessReview, written: { json: string; markdown: string }): void {
    const d = review.diff;
    this.log(
      `access review ${review.asOf} (${review.source.kind} ${review.source.name}): ${review.holders.length} holders, ` +
        `${review.scope.fields.length} sensitive fields → ${written.json}, ${written.markdown}`,
    );
    if (d)
      this.log(
        `  since ${d.previous.file} (${d.previous.asOf}): ${d.granted.length} granted, ${d.revoked.length} revoked, ${d.changed.length} changed`,
      );
    for (const v of review.violations)
      this.warn(`separation of duties: ${v.holder}: ${v.title} (${[...v.holds, ...v.with].join(', ')})`);
    this.log(`  sign-off: ${review.signOff.status} (${review.signOff.required.join(', ')})`);
  }
}

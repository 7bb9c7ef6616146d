import { resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { SfError } from '@salesforce/core/sfError';
import type { SignOff } from '../../../../compliance/access-review.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';
import { dayFlag } from './review.ts';

const messages = loadMessages('access.signoff');

export interface AccessSignoffResult {
  readonly file: string;
  readonly signOff: SignOff;
}

export default class AccessSignoffCommand extends RevOpsCommand<AccessSignoffResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    file: Flags.file({ summary: messages.getMessage('flags.file.summary'), exists: true, required: true }),
    seat: Flags.string({ summary: messages.getMessage('flags.seat.summary'), required: true }),
    by: Flags.string({ summary: messages.getMessage('flags.by.summary'), required: true }),
    reject: Flags.boolean({ summary: messages.getMessage('flags.reject.summary') }),
    note: Flags.string({ summary: messages.getMessage('flags.note.summary') }),
    on: dayFlag({ summary: messages.getMessage('flags.on.summary') }),
  };

  public async run(): Promise<AccessSignoffResult> {
    const { flags } = await this.parse(AccessSignoffCommand);
    const file = await import('../../../../compliance/access-review-file.ts');
    try {
      const review = await file.readReview(flags.file);
      if (!review.signOff.required.includes(flags.seat))
        throw new file.AccessReviewError(
          `${flags.file}: --seat "${flags.seat}" does not sign this review (it needs ${review.signOff.required.join(', ')})`,
        );
      const signed = file.signReview(review, {
        seat: flags.seat,
        name: flags.by,
        decision: flags.reject ? 'rejected' : 'approved',
        on: flags.on ?? new Date().toISOString().slice(0, 10),
        ...(flags.note ? { note: flags.note } : {}),
      });
      await file.writeReview(signed, resolve(flags.file));
      this.log(
        `access signoff: ${flags.seat} ${flags.reject ? 'rejected' : 'approved'} ${flags.file}: ${signed.signOff.status}`,
      );
      return { file: flags.file, signOff: signed.signOff };
    } catch (error) {
      if (error instanceof Error && error.name === 'AccessReviewError')
        throw new SfError(error.message, 'AccessReviewError', (error as { actions?: string[] }).actions ?? [], 1);
      throw error;
    }
  }
}

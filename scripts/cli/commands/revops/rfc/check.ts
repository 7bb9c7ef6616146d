import { Flags } from '@salesforce/sf-plugins-core';
import type { RfcCheck } from '../../../../change/rfc/index.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('rfc.check');

export type RfcCheckResult = Omit<RfcCheck, 'diff'> & { readonly components: number; readonly riskFloor: string };

export default class RfcCheckCommand extends RevOpsCommand<RfcCheckResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    from: Flags.string({ char: 'f', summary: messages.getMessage('flags.from.summary') }),
    to: Flags.string({ char: 't', summary: messages.getMessage('flags.to.summary') }),
    rfc: Flags.integer({ summary: messages.getMessage('flags.rfc.summary'), min: 1 }),
  };

  public async run(): Promise<RfcCheckResult> {
    const { flags } = await this.parse(RfcCheckCommand);
    const { rfcCheck } = await import('../../../../change/rfc/index.ts');
    const check = await rfcCheck(process.cwd(), { from: flags.from, to: flags.to, rfc: flags.rfc });
    const { diff, ...rest } = check;
    this.log(
      `revops rfc check: ${diff.summary.components} changed component(s), risk floor ${diff.summary.riskFloor}, package ${check.packageHash}`,
    );
    for (const rfc of check.rfcs)
      for (const r of rfc.rules) this.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${rfc.file}: ${r.rule}: ${r.message}`);
    if (!check.ok) {
      for (const f of check.failures.filter((f) => !check.rfcs.some((r) => f.startsWith(r.file)))) this.logToStderr(f);
      this.logToStderr('revops rfc check: FAILED — no approved RFC covers this change');
      process.exitCode = 1;
    } else this.log(check.rfcs.length ? 'revops rfc check: passed' : 'revops rfc check: nothing to gate');
    return { ...rest, components: diff.summary.components, riskFloor: diff.summary.riskFloor };
  }
}

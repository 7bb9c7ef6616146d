import { Args } from '@oclif/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('formula.check');

export interface FormulaCheckResult {
  readonly type: string;
  readonly references: readonly string[];
}

export default class FormulaCheck extends RevOpsCommand<FormulaCheckResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly args = {
    formula: Args.string({ description: messages.getMessage('args.formula.description'), required: true }),
  };

  static override readonly flags = {
    object: Flags.string({ summary: messages.getMessage('flags.object.summary'), required: true }),
  };

  public async run(): Promise<FormulaCheckResult> {
    const { flags, args } = await this.parse(FormulaCheck);
    const [{ loadModel, openProject }, { checkFormula }] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../commands/formula.ts'),
    ]);
    const result = checkFormula(await loadModel(await openProject()), flags.object, args.formula);
    this.log(JSON.stringify(result));
    return result;
  }
}

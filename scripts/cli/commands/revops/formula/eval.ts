import { readFile } from 'node:fs/promises';
import { Args } from '@oclif/core';
import { Flags } from '@salesforce/sf-plugins-core';
import type { PresentedValue } from '../../../../formula/index.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('formula.eval');

/** One value, or with --batch one output line per input line (`{value,type}` or `{error}`). */
export type FormulaEvalResult = PresentedValue | { readonly lines: readonly unknown[] };

export default class FormulaEval extends RevOpsCommand<FormulaEvalResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly args = {
    formula: Args.string({ description: messages.getMessage('args.formula.description') }),
  };

  static override readonly flags = {
    object: Flags.string({ summary: messages.getMessage('flags.object.summary'), exclusive: ['batch'] }),
    record: Flags.string({ summary: messages.getMessage('flags.record.summary'), exclusive: ['batch'] }),
    prior: Flags.string({ summary: messages.getMessage('flags.prior.summary'), exclusive: ['batch'] }),
    user: Flags.string({ summary: messages.getMessage('flags.user.summary'), exclusive: ['batch'] }),
    permissions: Flags.string({
      summary: messages.getMessage('flags.permissions.summary'),
      delimiter: ',',
      multiple: true,
      exclusive: ['batch'],
    }),
    now: Flags.string({ summary: messages.getMessage('flags.now.summary'), exclusive: ['batch'] }),
    'time-zone': Flags.string({ summary: messages.getMessage('flags.time-zone.summary'), exclusive: ['batch'] }),
    blanks: Flags.option({
      summary: messages.getMessage('flags.blanks.summary'),
      options: ['zero', 'blank'] as const,
      exclusive: ['batch'],
    })(),
    batch: Flags.file({ summary: messages.getMessage('flags.batch.summary'), exists: true }),
  };

  public async run(): Promise<FormulaEvalResult> {
    const { flags, args } = await this.parse(FormulaEval);
    const [{ loadModel, openProject }, { evaluateBatch, evaluateFormula }] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../commands/formula.ts'),
    ]);
    if (flags.batch) {
      if (args.formula) throw messages.createError('error.noFormula', [], [], 2);
      const model = await loadModel(await openProject());
      const out = evaluateBatch(model, (await readFile(flags.batch, 'utf8')).split('\n'));
      for (const line of out) this.log(line);
      return { lines: out.map((line) => JSON.parse(line) as unknown) };
    }
    if (!args.formula) throw messages.createError('error.noFormula', [], [], 2);
    if (!flags.object) throw messages.createError('error.noObject', [], [], 2);
    if (flags.record === undefined) this.warn(messages.getMessage('warning.blankRecord'));
    const model = await loadModel(await openProject());
    const result = evaluateFormula(model, {
      object: flags.object,
      formula: args.formula,
      record: json('record', flags.record),
      prior: json('prior', flags.prior),
      user: json('user', flags.user),
      permissions: flags.permissions?.map((p) => p.trim()).filter(Boolean),
      now: flags.now,
      timeZone: flags['time-zone'],
      blanks: flags.blanks,
    });
    this.log(JSON.stringify(result));
    return result;
  }
}

function json(flag: string, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw messages.createError('error.notJson', [flag, (e as Error).message], [flag], 2);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw messages.createError('error.notJson', [flag, 'expected an object, {"Field__c": ...}'], [flag], 2);
  return value as Record<string, unknown>;
}

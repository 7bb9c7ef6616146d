/** Flags several commands share, so that they parse and read the same everywhere. */
import { Flags } from '@salesforce/sf-plugins-core';
import { loadMessages } from './revops-command.ts';

const shared = loadMessages('shared');

/** --out: a folder the command may write into (see output-folder.ts). */
export const outFlag = (defaultFolder?: string) =>
  Flags.directory({
    summary: shared.getMessage('flags.out.summary'),
    description: shared.getMessage('flags.out.description'),
    ...(defaultFolder ? { default: defaultFolder } : {}),
  });

export const forceFlag = () => Flags.boolean({ summary: shared.getMessage('flags.force.summary') });

/** --dataset: an existing dataset folder (revops-dataset/1), data/seed unless given. */
export const datasetFlag = (description: string) =>
  Flags.directory({
    summary: shared.getMessage('flags.dataset.summary'),
    description,
    exists: true,
    default: 'data/seed',
  });

/** --anchor-date: a calendar date, checked here so that a typo is a usage error, not a dataset problem. */
export const anchorDateFlag = Flags.custom<string>({
  summary: shared.getMessage('flags.anchor-date.summary'),
  parse: async (input) => {
    const date = new Date(`${input}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input) || Number.isNaN(date.getTime()) || !date.toISOString().startsWith(input))
      throw new Error(`expected a date as YYYY-MM-DD, got "${input}"`);
    return input;
  },
});

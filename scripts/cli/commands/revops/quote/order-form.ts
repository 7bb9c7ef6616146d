import { resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { claimOutputFolder } from '../../../output-folder.ts';
import { datasetFlag, forceFlag, outFlag } from '../../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('quote.order-form');
const DEFAULT_OUT = 'out/order-forms';

export interface OrderFormResult {
  readonly dataset: string;
  readonly out: string;
  readonly forms: readonly {
    readonly quote: string;
    readonly html: string;
    readonly pdf?: string;
    readonly lines: number;
    readonly total: string;
  }[];
  readonly ms: number;
}

export default class QuoteOrderForm extends RevOpsCommand<OrderFormResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    quote: Flags.string({ summary: messages.getMessage('flags.quote.summary'), exactlyOne: ['quote', 'all'] }),
    all: Flags.boolean({ summary: messages.getMessage('flags.all.summary'), exactlyOne: ['quote', 'all'] }),
    out: outFlag(DEFAULT_OUT),
    force: forceFlag(),
    pdf: Flags.boolean({ summary: messages.getMessage('flags.pdf.summary') }),
    paper: Flags.option({
      summary: messages.getMessage('flags.paper.summary'),
      options: ['A4', 'Letter'] as const,
      default: 'A4' as const,
    })(),
  };

  public async run(): Promise<OrderFormResult> {
    const { flags, metadata } = await this.parse(QuoteOrderForm);
    const started = Date.now();
    const out = flags.out ?? DEFAULT_OUT;
    const [{ loadModel, openProject }, forms] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../quote/order-form/index.ts'),
    ]);
    const source = await forms.orderFormSource(resolve(flags.dataset), await loadModel(await openProject()));
    const quotes = flags.all ? forms.acceptedQuotes(source) : [flags.quote!];
    const rendered = quotes.map((q) => forms.renderOrderForm(source, q, flags.paper));
    await claimOutputFolder(out, {
      command: 'quote order-form',
      force: flags.force,
      isDefault: metadata.flags.out?.setFromDefault,
    });
    const html = await forms.writeOrderForms(out, rendered);
    for (const file of html) this.log(`  wrote ${file}`);
    const pdfs = flags.pdf ? html.map((file) => file.replace(/\.html$/, '.pdf')) : undefined;
    if (pdfs) {
      const { printPdfs } = await import('../../../../quote/order-form/pdf.ts');
      await printPdfs(rendered, pdfs, flags.paper);
      for (const file of pdfs) this.log(`  wrote ${file}`);
    }
    const ms = Date.now() - started;
    this.log(`quote order-form: ${rendered.length} order form(s) in ${out} (${ms} ms)`);
    return {
      dataset: flags.dataset,
      out,
      forms: rendered.map((f, i) => ({
        quote: f.quote,
        html: html[i]!,
        ...(pdfs ? { pdf: pdfs[i] } : {}),
        lines: f.view.rows.length,
        total: f.view.total,
      })),
      ms,
    };
  }
}

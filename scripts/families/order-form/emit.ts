/** The order form's files: the Visualforce page, its controller, the save-to-quote action and their test. */
import { at, type EmitOptions, type GeneratedFile } from '../../core/family.ts';
import type { ObjectsModel } from '../objects/index.ts';
import type { StagesModel } from '../stages/index.ts';
import { metadataXml } from '../../core/xml.ts';
import { controllerClass, documentClass, TEST_CLASS, DOCUMENT_CLASS, testClass } from './apex.ts';
import type { QuoteToCashModel } from '../quote-to-cash/index.ts';
import { QUOTE } from './builders.ts';
import { CONTROLLER_CLASS, orderFormPage } from './page-markup.ts';

export type OrderFormPageModel = QuoteToCashModel & ObjectsModel & StagesModel;

/** Values for the quote's required picklists (the test must set them): each one's first value. */
export function requiredQuoteValues(model: ObjectsModel): [string, string][] {
  const quote = model.objects.find((o) => o.apiName === QUOTE);
  return Object.entries(quote?.fields ?? {}).flatMap(([name, f]): [string, string][] =>
    f.required && f.type === 'Picklist' && f.values?.[0] ? [[name, f.values[0].name]] : [],
  );
}

export async function emitOrderForm(model: OrderFormPageModel, options: EmitOptions): Promise<GeneratedFile[]> {
  const layout = model.orderForm;
  if (!layout) return [];
  const firstStage = model.opportunityStages?.stages[0]?.name ?? 'Prospecting';
  const classMeta = await metadataXml('ApexClass', { apiVersion: options.apiVersion, status: 'Active' });
  const classes: [string, string][] = [
    [CONTROLLER_CLASS, controllerClass(layout)],
    [DOCUMENT_CLASS, documentClass(layout)],
    [TEST_CLASS, testClass(layout, firstStage, requiredQuoteValues(model))],
  ];
  return [
    { path: at('pages', `${layout.name}.page`), content: orderFormPage(layout) },
    {
      path: at('pages', `${layout.name}.page-meta.xml`),
      content: await metadataXml('ApexPage', {
        apiVersion: options.apiVersion,
        availableInTouch: false,
        confirmationTokenRequired: false,
        description: `${layout.title}: generated from the order form layout; saved to quotes by ${DOCUMENT_CLASS}.`,
        label: layout.title,
      }),
    },
    ...classes.flatMap(([name, source]) => [
      { path: at('classes', `${name}.cls`), content: source },
      { path: at('classes', `${name}.cls-meta.xml`), content: classMeta },
    ]),
  ];
}

import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataXml } from '../../core/xml.ts';
import type { ValueSetsModel } from './builders.ts';

/** One GlobalValueSet file per set. */
export async function emitValueSets(model: ValueSetsModel): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const set of model.globalValueSets) {
    files.push({
      path: at('globalValueSets', `${set.name}.globalValueSet-meta.xml`),
      content: await metadataXml('GlobalValueSet', {
        customValue: set.values.map((v) => ({
          fullName: v.name,
          default: false,
          description: v.description,
          label: v.label,
        })),
        description: set.description,
        masterLabel: set.label,
        sorted: set.sorted ?? false,
      }),
    });
  }
  return files;
}

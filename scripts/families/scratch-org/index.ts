/** The scratch org shape (config/project-scratch-def.json): edition, features, settings. */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import type { ScratchOrgModel } from './builders.ts';

export type { ScratchOrgModel } from './builders.ts';

export type { ScratchOrgDef } from './builders.ts';

export const scratchOrg = locate(builders.scratchOrg);

/** Outside force-app/: `sf org create scratch` and `revops org create` read it from config/. */
export const SCRATCH_DEFINITION = 'config/project-scratch-def.json';

export const scratchOrgFamily = defineFamily<ScratchOrgModel>({
  name: 'scratch-org',
  sections: { scratchOrg: 'single' },
  owns: [SCRATCH_DEFINITION],
  emit: async (model) => {
    const org = model.scratchOrg;
    if (!org) return [];
    const definition = { orgName: org.orgName, edition: org.edition, features: org.features, settings: org.settings };
    return [{ path: SCRATCH_DEFINITION, content: `${JSON.stringify(definition, null, 2)}\n` }];
  },
});

import { scratchOrg } from '../../scripts/dsl/index.ts';

/** The org shape RevOps OS needs; written to config/project-scratch-def.json. */
export const revopsScratchOrg = scratchOrg({
  orgName: 'RevOps OS',
  edition: 'Enterprise',
  features: ['EnableSetPasswordInApi', 'AuthorApex'],
  settings: {
    lightningExperienceSettings: { enableS1DesktopEnabled: true },
    pathAssistantSettings: { pathAssistantEnabled: true },
    forecastingSettings: { enableForecasts: true },
    opportunitySettings: { enableOpportunityTeam: true },
    // Customizable campaign influence: the models attribution writes CampaignInfluence under.
    campaignSettings: { enableCampaignInfluence2: true },
    securitySettings: { sessionSettings: { forceRelogin: false } },
  },
});

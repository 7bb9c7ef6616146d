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
    // Quotes (model/quote-to-cash/quotes.ts)
    quoteSettings: { enableQuote: true },
    // Customizable campaign influence: the models attribution writes CampaignInfluence under.
    campaignSettings: { enableCampaignInfluence2: true },
    // Enterprise Territory Management (model/gtm/territories.ts); enabling it must be its own deploy, so the org is created with it.
    territory2Settings: { enableTerritoryManagement2: true },
    securitySettings: { sessionSettings: { forceRelogin: false } },
  },
});

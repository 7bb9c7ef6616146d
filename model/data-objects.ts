import { Account } from './objects/account.ts';
import { Campaign } from './objects/campaign.ts';
import { Contact } from './objects/contact.ts';
import { Contract } from './objects/contract.ts';
import { Lead } from './objects/lead.ts';
import { Opportunity } from './objects/opportunity.ts';
import { Touch } from './marketing/touch.ts';
import { Commitment } from './revops/commitment.ts';
import { Concession } from './revops/concession.ts';
import { DealException } from './revops/deal-exception.ts';
import { HandoffPacket } from './revops/handoff-packet.ts';
import { Poc } from './revops/poc.ts';

/** The objects that hold data: the locked objects of the blueprint and the RevOps registries. */
export const dataObjects = [
  Account,
  Contact,
  Lead,
  Opportunity,
  Contract,
  Campaign,
  DealException,
  Concession,
  Commitment,
  HandoffPacket,
  Poc,
  Touch,
];

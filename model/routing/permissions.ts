import { access, customPermission, fieldsOf, permissionSet } from '../../scripts/dsl/index.ts';
import {
  ReassignmentRequest,
  RoutingDecision,
  RoutingPoolMember,
  routingMetadataTypes,
  SlaClock,
  UserRouting,
} from './objects.ts';

/**
 * Leads inserted by a holder are not routed (they keep the owner and status they arrive with):
 * for loads of existing leads, such as `revops org up` loading the seed as the admin.
 */
export const RoutingBypass = customPermission('RevOps_Routing_Bypass', {
  label: 'Bypass lead routing',
  description:
    'Leads you insert keep their owner and status: for data loads and integrations. Grant to RevOps admins only.',
  locked: true,
});

/**
 * Access to routing's own objects. Reps never need access to pool state: the router reads and
 * writes it in system mode (RoutingState.cls says why); they read decisions and clocks of the
 * leads they can see, and request reassignments.
 */
export const RoutingUser = permissionSet('RevOps_Routing_User', {
  label: 'RevOps: Routing User',
  description:
    'Reps and managers: read routing decisions and SLA clocks, request (and, as the manager, decide) reassignments, set their own absence.',
  objects: {
    Routing_Decision__c: access('R'),
    SLA_Clock__c: access('R'),
    Reassignment_Request__c: access('CRE'),
  },
  fields: [
    fieldsOf(RoutingDecision, { edit: false }),
    fieldsOf(SlaClock, { edit: false }),
    fieldsOf(ReassignmentRequest, { readOnlyFields: ['Approver__c', 'Decided_At__c'] }),
    fieldsOf(UserRouting),
  ],
  apexClasses: ['LeadReassignment'],
  customMetadataTypes: routingMetadataTypes,
  locked: true,
});

export const RoutingAdmin = permissionSet('RevOps_Routing_Admin', {
  label: 'RevOps: Routing Admin',
  description: 'Sales Ops and RevOps admins: manage pool seats and weights, read every decision and clock.',
  objects: {
    // Seats are shared read/write and decisions and clocks read-only org-wide (their objects'
    // sharing models): object access is all a routing admin needs, no View or Modify All.
    Routing_Pool_Member__c: access('CRUD'),
    Routing_Decision__c: access('R'),
    SLA_Clock__c: access('R'),
    Reassignment_Request__c: access('CRE'),
  },
  fields: [
    fieldsOf(RoutingPoolMember, {
      readOnlyFields: [
        'Credit__c',
        'Day_Key__c',
        'Assigned_Today__c',
        'Week_Key__c',
        'Assigned_This_Week__c',
        'Last_Assigned_At__c',
      ],
    }),
    fieldsOf(RoutingDecision, { edit: false }),
    fieldsOf(SlaClock, { edit: false }),
    fieldsOf(ReassignmentRequest, { readOnlyFields: ['Approver__c', 'Decided_At__c'] }),
    fieldsOf(UserRouting),
  ],
  apexClasses: ['LeadReassignment'],
  customMetadataTypes: routingMetadataTypes,
  locked: true,
});

export const routingPermissionSets = [RoutingUser, RoutingAdmin];

import { createRequire } from 'node:module';

/**
 * The Metadata API reads each type's elements in WSDL sequence order: a base type's elements
 * first, then the type's own (alphabetical). jsforce ships a machine-readable copy of that
 * schema; it predates a few elements, which SUPPLEMENT adds (taken from files retrieved from
 * orgs, the ground truth for order).
 */
type PropType = string | readonly string[];
interface SchemaEntry {
  readonly type: string;
  readonly props: Readonly<Record<string, PropType>>;
  readonly extends?: string;
}

const require = createRequire(import.meta.url);
const { ApiSchemas } = require('jsforce/lib/api/metadata/schema.js') as { ApiSchemas: Record<string, SchemaEntry> };

const SUPPLEMENT: Record<string, Record<string, PropType>> = {
  Flow: { apiVersion: '?number', environments: ['string'], triggerOrder: '?number' },
  FlowStart: {
    doesRequireRecordChangedToMeetCriteria: '?boolean',
    filterFormula: '?string',
    filterLogic: '?string',
    recordTriggerType: '?string',
    scheduledPaths: ['FlowScheduledPath'],
  },
  FlowRule: { doesRequireRecordChangedToMeetCriteria: '?boolean' },
  FlowRecordUpdate: { filterLogic: '?string' },
  FlowRecordCreate: { storeOutputAutomatically: '?boolean' },
  CustomPermission: { isLicensed: '?boolean' },
  PermissionSet: { hasActivationRequired: '?boolean' },
  Group: { description: '?string' },
  Queue: { description: '?string' },
  PermissionSetGroup: { hasActivationRequired: '?boolean' },
  PermissionSetObjectPermissions: { viewAllFields: '?boolean' },
  SharingCriteriaRule: { includeRecordsOwnedByAll: 'boolean' },
};

export class UnknownElementError extends Error {}

const orderCache = new Map<string, { order: string[]; props: Record<string, PropType> }>();

function typeInfo(typeName: string): { order: string[]; props: Record<string, PropType> } {
  const cached = orderCache.get(typeName);
  if (cached) return cached;
  const entry = ApiSchemas[typeName];
  if (!entry) throw new UnknownElementError(`Metadata type ${typeName} is not in the Metadata API schema`);
  const base = entry.extends ? typeInfo(entry.extends) : { order: [], props: {} };
  const own = [...Object.keys(entry.props)];
  for (const name of Object.keys(SUPPLEMENT[typeName] ?? {})) {
    if (own.includes(name)) continue;
    const at = own.findIndex((existing) => existing > name); // WSDL order is by character code
    own.splice(at === -1 ? own.length : at, 0, name);
  }
  const info = {
    order: [...base.order, ...own],
    props: { ...base.props, ...entry.props, ...SUPPLEMENT[typeName] },
  };
  orderCache.set(typeName, info);
  return info;
}

/** The element type a property holds (`valueSet` of CustomField → `ValueSet`), if it is a complex type. */
function childType(prop: PropType): string | undefined {
  const name = (Array.isArray(prop) ? prop[prop.length - 1] : prop) as string;
  const bare = name.replace(/^\?/, '');
  return ApiSchemas[bare] ? bare : undefined;
}

/**
 * Returns a copy of `value` with every object's keys in the Metadata API's order for `typeName`,
 * recursively. Attribute keys (`@_...`) and text (`#text`) stay first. An element the type does
 * not have is a programming error in an emitter, reported with its path.
 */
export function orderElements(typeName: string, value: unknown, path = typeName): unknown {
  if (Array.isArray(value)) return value.map((v, i) => orderElements(typeName, v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return value;
  const { order, props } = typeInfo(typeName);
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  for (const [key] of entries) {
    if (!key.startsWith('@_') && key !== '#text' && !order.includes(key)) {
      throw new UnknownElementError(`${path}: <${key}> is not an element of ${typeName}`);
    }
  }
  const rank = (key: string) => (key.startsWith('@_') || key === '#text' ? -1 : order.indexOf(key));
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(
    entries.map(([key, v]) => {
      const prop = props[key];
      const nested = prop === undefined ? undefined : childType(prop);
      return [key, nested ? orderElements(nested, v, `${path}.${key}`) : v];
    }),
  );
}

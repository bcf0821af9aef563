import { NS } from '../ubl/namespaces.js';

const PREFIXES: Record<string, string> = { [NS.cac]: 'cac', [NS.cbc]: 'cbc' };

const STEP = /\*:([A-Za-z_][\w.-]*)\[namespace-uri\(\)='([^']*)'\]\[(\d+)\]/g;
const ATTRIBUTE = /@\*\[local-name\(\)='([^']+)' and namespace-uri\(\)='[^']*'\]/g;

/**
 * A fired rule's location as people read it: `/Order/cac:OrderLine[2]/cbc:ID` for the official
 * stylesheets' `/*:Order[namespace-uri()='…'][1]/*:OrderLine[namespace-uri()='…'][2]/…`. UBL
 * namespaces get their usual prefixes, the root (document namespace) none, positions of 1 go.
 * Locations in another form (schema errors, `/`) are returned as they are.
 */
export function readableLocation(location: string): string {
  let first = true;
  return location
    .replace(STEP, (_all, local: string, ns: string, position: string) => {
      const prefix = first ? undefined : PREFIXES[ns];
      first = false;
      return `${prefix ? `${prefix}:` : ''}${local}${position === '1' ? '' : `[${position}]`}`;
    })
    .replace(ATTRIBUTE, (_all, local: string) => `@${local}`);
}

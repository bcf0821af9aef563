import type { Flag, FiredRule } from './validation-report.js';

/**
 * Validation reports made readable, the same for the CLI, the admin API's console and anyone else:
 * short locations and repeated hits of one rule grouped. Pure (a leaf the console imports too).
 */

/**
 * A schematron location made readable: `/*:Order[namespace-uri()='…'][1]/*:OrderLine[2]/cbc:Note[1]`
 * becomes `/Order/OrderLine[2]/Note`. Only the first of its kind drops its [1].
 */
export function shortLocation(location: string): string {
  return location
    .replace(/\*:([A-Za-z_][\w.-]*)\[namespace-uri\(\)='[^']*'\]/g, '$1')
    .replace(/\{[^}]*\}/g, '')
    .replace(/(^|\/)[A-Za-z_][\w.-]*:/g, '$1')
    .replace(/\[1\]/g, '');
}

export interface RuleGroup {
  id: string;
  flag: Flag;
  text: string;
  locations: string[];
}

const SEVERITY: Record<Flag, number> = { fatal: 0, warning: 1, information: 2 };

/** Fired rules grouped by rule id (one text, every place it fired), the most severe first. */
export function groupRules(fired: readonly FiredRule[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const rule of fired) {
    const key = `${rule.flag}|${rule.id}`;
    const group = groups.get(key) ?? { id: rule.id, flag: rule.flag, text: rule.text, locations: [] };
    group.locations.push(shortLocation(rule.location));
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => SEVERITY[a.flag] - SEVERITY[b.flag] || a.id.localeCompare(b.id));
}

/** Text lines of a report's groups: `fatal PEPPOL-T01-R003 (3×): text`, then each place it fired. */
export function describeGroups(fired: readonly FiredRule[], maxLocations = 10): string[] {
  const lines: string[] = [];
  for (const group of groupRules(fired)) {
    lines.push(`${group.flag} ${group.id}${group.locations.length > 1 ? ` (${group.locations.length}×)` : ''}: ${group.text}`);
    for (const location of group.locations.slice(0, maxLocations)) lines.push(`    at ${location}`);
    if (group.locations.length > maxLocations) lines.push(`    … and ${group.locations.length - maxLocations} more`);
  }
  return lines;
}

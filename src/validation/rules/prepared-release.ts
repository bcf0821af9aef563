import { RulesCompiler, UnsupportedXPathError } from '../compiled/rules-compiler.js';
import type { SefCompiler } from '../schematron/sef-compiler.js';
import type { RuleRelease } from './rule-release.js';

/** Which engine runs the schematron: rules compiled to JavaScript, or SaxonJS on the official XSLT. */
export type EngineKind = 'compiled' | 'saxonjs';

/** A release whose rules are compiled: plain data, so it can be handed to worker threads. */
export interface PreparedRelease {
  version: string;
  /** Transaction id → rules compiled from the release's `.sch` (a JavaScript file). */
  compiled: Record<string, string>;
  /** Transaction id → compiled stylesheet (SEF JSON file), for transactions SaxonJS runs. */
  sef: Record<string, string>;
  /** Transaction id → why the compiled engine does not serve it (it falls back to SaxonJS). */
  fallbacks: Record<string, string>;
}

export interface ReleaseCompilers {
  sef: SefCompiler;
  rules: RulesCompiler;
}

const PARALLEL_COMPILES = 2;

/**
 * Compiles every transaction of a release (cached by content), a few at a time: with the compiled
 * engine from the `.sch`, falling back to SaxonJS on the release's `.xslt` for a transaction whose
 * schematron uses a construct the compiler does not handle; with SaxonJS from the `.xslt` alone.
 */
export async function prepareRelease(release: RuleRelease, compilers: ReleaseCompilers, engine: EngineKind, only?: readonly string[]): Promise<PreparedRelease> {
  const ids = [...new Set([...Object.keys(release.stylesheets), ...Object.keys(release.schematrons)])].filter((id) => !only || only.includes(id));
  const prepared: PreparedRelease = { version: release.version, compiled: {}, sef: {}, fallbacks: {} };
  let next = 0;
  const one = async (id: string) => {
    const sch = release.schematrons[id];
    const xslt = release.stylesheets[id];
    if (engine === 'compiled' && sch) {
      try {
        prepared.compiled[id] = await compilers.rules.compile(sch);
        return;
      } catch (error) {
        if (!(error instanceof UnsupportedXPathError) || !xslt) throw error;
        prepared.fallbacks[id] = error.message;
      }
    } else if (engine === 'compiled') {
      prepared.fallbacks[id] = 'the release has no .sch for it';
    }
    if (!xslt) throw new Error(`the release has no compiled stylesheet (.xslt) for ${id}, which the SaxonJS engine needs`);
    prepared.sef[id] = await compilers.sef.compile(xslt);
  };
  const lane = async () => {
    while (next < ids.length) await one(ids[next++]!);
  };
  await Promise.all(Array.from({ length: PARALLEL_COMPILES }, lane));
  // Rules shipped with the product (MLS) are served whatever the release, the engine and `only`:
  // OpenPeppol publishes no compiled XSLT of them, and our own messages are checked against them.
  for (const [id, sch] of Object.entries(release.shippedSchematrons)) {
    if (!prepared.compiled[id] && !prepared.sef[id]) prepared.compiled[id] = await compilers.rules.compile(sch);
  }
  return prepared;
}

/** Transactions a prepared release serves, whichever engine runs them. */
export function preparedTransactions(prepared: PreparedRelease): string[] {
  return [...Object.keys(prepared.compiled), ...Object.keys(prepared.sef)];
}

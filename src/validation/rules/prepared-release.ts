import type { SefCompiler } from '../schematron/sef-compiler.js';
import type { RuleRelease } from './rule-release.js';

/** A release whose stylesheets are compiled: plain data, so it can be handed to worker threads. */
export interface PreparedRelease {
  version: string;
  /** Transaction id → compiled stylesheet (SEF JSON file). */
  sef: Record<string, string>;
}

const PARALLEL_COMPILES = 2;

/** Compiles every stylesheet of a release (cached by content), a few at a time. */
export async function prepareRelease(release: RuleRelease, compiler: SefCompiler, only?: readonly string[]): Promise<PreparedRelease> {
  const entries = Object.entries(release.stylesheets).filter(([id]) => !only || only.includes(id));
  const sef: Record<string, string> = {};
  let next = 0;
  const lane = async () => {
    while (next < entries.length) {
      const [id, xslt] = entries[next++]!;
      sef[id] = await compiler.compile(xslt);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_COMPILES }, lane));
  return { version: release.version, sef };
}

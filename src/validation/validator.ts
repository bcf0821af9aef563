import type { PreparedRelease } from './rules/prepared-release.js';
import { RulesStore, type InstallOutcome, type ReleaseListing } from './rules/rules-store.js';
import { RulesCompiler } from './compiled/rules-compiler.js';
import { SefCompiler } from './schematron/sef-compiler.js';
import { transactionRegistry, type TransactionRegistry } from '../peppol/index.js';
import { ValidationEngine, type EngineSettings, type ValidateOptions } from './validation-engine.js';
import { LocalRuleId, type ValidationReport } from './validation-report.js';
import type { ValidationConfig } from './validation.config.js';
import { WorkerPool } from './worker-pool.js';

export type ValidatorSettings = Omit<ValidationConfig, 'dropInDir'>;

/**
 * Validates Peppol BIS documents the way the network does: UBL 2.1 schema, then the official
 * schematron of the document's transaction, from the active rule release. With a pool size above 0
 * the work runs on worker threads, so the event loop stays free during a large catalogue.
 */
export class Validator {
  readonly rules: RulesStore;
  private ready?: Promise<void>;
  private pool?: WorkerPool;
  private inline?: ValidationEngine;
  private active?: PreparedRelease;

  constructor(
    private readonly settings: ValidatorSettings,
    private readonly registry: TransactionRegistry = transactionRegistry,
  ) {
    const compilers = {
      sef: new SefCompiler({ cacheDir: settings.cacheDir, timeoutMs: settings.compileTimeoutMs }),
      rules: new RulesCompiler({ cacheDir: settings.cacheDir }),
    };
    this.rules = new RulesStore(settings, this.registry, compilers);
  }

  /** Compiles (or reuses) the active release and starts the threads; validate() does it on first use. */
  start(): Promise<void> {
    this.ready ??= this.rules.prepareActive().then((prepared) => this.use(prepared));
    return this.ready;
  }

  async validate(xml: Buffer | Uint8Array | string, options: ValidateOptions = {}): Promise<ValidationReport> {
    if (options.transaction !== undefined) this.registry.require(options.transaction);
    const size = typeof xml === 'string' ? Buffer.byteLength(xml, 'utf8') : xml.byteLength;
    await this.start();
    if (size > this.settings.maxDocumentBytes) {
      // Refused here so that an oversized document is never copied to a thread.
      const text = `document is ${size} bytes, more than the limit of ${this.settings.maxDocumentBytes}`;
      return { transaction: options.transaction?.toUpperCase() ?? null, valid: false, fired: [{ id: LocalRuleId.tooLarge, flag: 'fatal', location: '/', text }], release: this.active!.version };
    }
    if (this.pool) return this.pool.run(typeof xml === 'string' ? xml : new Uint8Array(xml), options);
    return this.inline!.validate(xml, options);
  }

  /** Name of the release in use (after start). */
  get release(): string | undefined {
    return this.active?.version;
  }

  async install(releaseDir: string): Promise<InstallOutcome> {
    await this.start();
    const { outcome, prepared } = await this.rules.install(releaseDir);
    await this.use(prepared);
    return outcome;
  }

  list(): Promise<ReleaseListing[]> {
    return this.rules.list();
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.inline?.dispose();
    this.pool = undefined;
    this.inline = undefined;
  }

  /** Switches to a prepared release; on the calling thread, resolves once the engine is warm. */
  private async use(prepared: PreparedRelease): Promise<void> {
    this.active = prepared;
    const engineSettings: EngineSettings = {
      release: prepared,
      ublSchemaDir: this.settings.ublSchemaDir,
      maxDocumentBytes: this.settings.maxDocumentBytes,
      isolateFromBytes: this.settings.isolateFromBytes,
      isolatedTimeoutMs: this.settings.timeoutMs,
    };
    if (this.settings.poolSize === 0) {
      this.inline?.dispose();
      this.inline = new ValidationEngine(engineSettings);
      return this.inline.warmUp();
    } else if (this.pool) {
      this.pool.use(engineSettings);
    } else {
      this.pool = new WorkerPool(engineSettings, {
        size: this.settings.poolSize,
        timeoutMs: this.settings.timeoutMs,
        maxHeapMb: this.settings.workerMaxHeapMb,
      });
    }
  }
}

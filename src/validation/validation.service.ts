import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ReadinessCheck } from '../health/readiness-check.js';
import { MetricsService } from '../metrics/metrics.service.js';
import type { ValidateOptions } from './validation-engine.js';
import type { ValidationReport } from './validation-report.js';
import { validationConfig, type ValidationConfig } from './validation.config.js';
import { Validator } from './validator.js';
import type { InstallOutcome, ReleaseListing } from './rules/rules-store.js';
import { readRelease } from './rules/rule-release.js';
import { TransactionRegistry } from '../peppol/index.js';

/**
 * When the rules are loaded: with the application (`eager`, the worker, which validates every
 * received document) or at the first validation (`on-first-use`, the API role, which validates
 * only what back ends submit).
 */
export const VALIDATION_STARTUP = 'VALIDATION_STARTUP';
export type ValidationStartup = 'eager' | 'on-first-use';

/**
 * Nest face of the Validator: started with the application or on first use, threads stopped at
 * shutdown. As a readiness check it is down when the rules could not be loaded (e.g. an unwritable
 * rules folder): a worker that cannot validate must not look healthy.
 */
@Injectable()
export class ValidationService implements OnModuleInit, OnApplicationShutdown, ReadinessCheck {
  private readonly logger = new Logger(ValidationService.name);
  readonly validator: Validator;
  readonly name = 'validation-rules';
  private state: { state: 'loading' } | { state: 'ready'; release: string } | { state: 'failed'; reason: string } = { state: 'loading' };

  constructor(
    @Inject(validationConfig.KEY) private readonly config: ValidationConfig,
    private readonly transactions: TransactionRegistry,
    private readonly metrics: MetricsService,
    @Optional() @Inject(VALIDATION_STARTUP) private readonly startup: ValidationStartup = 'eager',
  ) {
    this.validator = new Validator(config, transactions);
  }

  private ready?: Promise<void>;

  /**
   * Loading (on a first run: compiling) the rules takes a while; it runs in the background so the
   * process starts serving (AS4 receipts need no validation) and validations wait for it.
   */
  onModuleInit(): void {
    if (this.startup === 'eager') this.start().catch(() => undefined);
  }

  private start(): Promise<void> {
    if (!this.ready) {
      this.ready = (async () => {
        await this.installDropIn();
        await this.validator.start();
        this.state = { state: 'ready', release: String(this.validator.release) };
        this.logger.log(`Peppol BIS rules ${this.validator.release} active`);
      })();
      this.ready.catch((error: unknown) => {
        this.state = { state: 'failed', reason: (error as Error).message };
        this.logger.error(`validation rules could not be loaded: ${(error as Error).message}`);
      });
    }
    return this.ready;
  }

  /** Up while loading (a first run compiles for a while), not yet asked for, or loaded; down when loading failed. */
  async check(): Promise<Record<string, unknown>> {
    if (this.state.state === 'failed') throw new Error(`validation rules could not be loaded: ${this.state.reason}`);
    return { ...this.state, rulesDir: this.config.rulesDir };
  }

  /** Resolves once the rules are loaded; rejects with the reason when they could not be. */
  whenReady(): Promise<void> {
    return this.start();
  }

  async validate(xml: Buffer | Uint8Array | string, options?: ValidateOptions): Promise<ValidationReport> {
    await this.start();
    const started = performance.now();
    const report = await this.validator.validate(xml, options);
    const transaction = report.transaction ?? 'unknown';
    this.metrics.validations.inc({ transaction, outcome: report.valid ? 'valid' : 'invalid' });
    this.metrics.validationDuration.observe({ transaction }, (performance.now() - started) / 1000);
    return report;
  }

  async install(releaseDir: string): Promise<InstallOutcome> {
    await this.start().catch(() => undefined);
    return this.validator.install(releaseDir);
  }

  listReleases(): Promise<ReleaseListing[]> {
    return this.validator.list();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ready?.catch(() => undefined);
    await this.validator.close();
  }

  /** A release placed in the drop-in folder is installed at start; a refused one leaves the active one. */
  private async installDropIn(): Promise<void> {
    const dir = this.config.dropInDir;
    if (!dir) return;
    try {
      const release = await readRelease(dir, this.transactions);
      if (await this.validator.rules.isInstalled(release.version)) return;
      const outcome = await this.validator.rules.install(dir);
      this.logger.log(`installed rule release ${outcome.outcome.version} from ${dir} (${outcome.outcome.examplesChecked} examples checked)`);
    } catch (error) {
      this.logger.error(`rule release in ${dir} not installed: ${(error as Error).message}`);
    }
  }
}

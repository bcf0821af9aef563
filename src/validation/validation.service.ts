import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ValidateOptions } from './validation-engine.js';
import type { ValidationReport } from './validation-report.js';
import { validationConfig, type ValidationConfig } from './validation.config.js';
import { Validator } from './validator.js';
import type { InstallOutcome, ReleaseListing } from './rules/rules-store.js';
import { readRelease } from './rules/rule-release.js';
import { TransactionRegistry } from './transaction-registry.js';

/** Nest face of the Validator: started with the application, threads stopped at shutdown. */
@Injectable()
export class ValidationService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ValidationService.name);
  readonly validator: Validator;

  constructor(@Inject(validationConfig.KEY) private readonly config: ValidationConfig) {
    this.validator = new Validator(config);
  }

  async onModuleInit(): Promise<void> {
    await this.installDropIn();
    await this.validator.start();
    this.logger.log(`Peppol BIS rules ${this.validator.release} active`);
  }

  validate(xml: Buffer | Uint8Array | string, options?: ValidateOptions): Promise<ValidationReport> {
    return this.validator.validate(xml, options);
  }

  install(releaseDir: string): Promise<InstallOutcome> {
    return this.validator.install(releaseDir);
  }

  listReleases(): Promise<ReleaseListing[]> {
    return this.validator.list();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.validator.close();
  }

  /** A release placed in the drop-in folder is installed at start; a refused one leaves the active one. */
  private async installDropIn(): Promise<void> {
    const dir = this.config.dropInDir;
    if (!dir) return;
    try {
      const release = await readRelease(dir, new TransactionRegistry());
      if (await this.validator.rules.isInstalled(release.version)) return;
      const outcome = await this.validator.rules.install(dir);
      this.logger.log(`installed rule release ${outcome.outcome.version} from ${dir} (${outcome.outcome.examplesChecked} examples checked)`);
    } catch (error) {
      this.logger.error(`rule release in ${dir} not installed: ${(error as Error).message}`);
    }
  }
}

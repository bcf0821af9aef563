import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TransactionRegistry } from '../../peppol/index.js';
import { prepareRelease, preparedTransactions, type EngineKind, type PreparedRelease, type ReleaseCompilers } from './prepared-release.js';
import { checkRelease, type CheckSettings } from './release-check.js';
import { readRelease, releaseTransactions, ReleaseError, type RuleRelease } from './rule-release.js';

export interface RulesStoreSettings extends CheckSettings {
  rulesDir: string;
  shippedRulesDir: string;
  /** Transactions to compile and serve; all the release has when unset. */
  transactions?: readonly string[];
  engine: EngineKind;
}

export interface ReleaseListing {
  version: string;
  origin: 'shipped' | 'installed';
  active: boolean;
  transactions: string[];
  dir: string;
}

export interface InstallOutcome {
  version: string;
  transactions: string[];
  examplesChecked: number;
}

/**
 * Installed rule releases under `<rulesDir>/releases/<version>`, the active one named in
 * `<rulesDir>/active`. Without an installed release the shipped one is active.
 */
export class RulesStore {
  constructor(
    private readonly settings: RulesStoreSettings,
    private readonly registry: TransactionRegistry,
    private readonly compilers: ReleaseCompilers,
  ) {}

  private get releasesDir(): string {
    return path.join(this.settings.rulesDir, 'releases');
  }

  private get activeFile(): string {
    return path.join(this.settings.rulesDir, 'active');
  }

  async activeRelease(): Promise<RuleRelease> {
    const version = await this.activeVersion();
    if (!version) return readRelease(this.settings.shippedRulesDir, this.registry);
    return readRelease(path.join(this.releasesDir, version), this.registry);
  }

  async prepareActive(): Promise<PreparedRelease> {
    return prepareRelease(await this.activeRelease(), this.compilers, this.settings.engine, this.settings.transactions);
  }

  async list(): Promise<ReleaseListing[]> {
    const activeVersion = await this.activeVersion();
    const shipped = await readRelease(this.settings.shippedRulesDir, this.registry);
    const out: ReleaseListing[] = [listing(shipped, 'shipped', !activeVersion)];
    for (const version of await this.installedVersions()) {
      const release = await readRelease(path.join(this.releasesDir, version), this.registry);
      out.push(listing(release, 'installed', version === activeVersion));
    }
    return out;
  }

  async isInstalled(version: string): Promise<boolean> {
    return (await this.installedVersions()).includes(version);
  }

  /**
   * Copies the release, compiles it and checks it against its own examples; only then makes it the
   * active one. On any problem nothing changes and a ReleaseError says why.
   */
  async install(sourceDir: string): Promise<{ outcome: InstallOutcome; prepared: PreparedRelease }> {
    const source = await readRelease(sourceDir, this.registry);
    if (await this.isInstalled(source.version)) {
      throw new ReleaseError(`release ${source.version} is already installed; give a new release a new VERSION`);
    }
    await mkdir(this.releasesDir, { recursive: true });
    const staging = path.join(this.releasesDir, `.staging-${source.version}-${process.pid}-${Date.now()}`);
    try {
      await cp(source.dir, staging, { recursive: true, errorOnExist: true, force: false });
      const staged = await readRelease(staging, this.registry);
      let prepared: PreparedRelease;
      try {
        prepared = await prepareRelease(staged, this.compilers, this.settings.engine, this.settings.transactions);
      } catch (error) {
        throw new ReleaseError(`release ${source.version} refused: ${(error as Error).message}`);
      }
      const { problems, examplesChecked } = await checkRelease(staged, prepared, this.settings);
      if (problems.length) throw new ReleaseError(`release ${source.version} refused: ${problems.slice(0, 5).join('; ')}`);
      const finalDir = path.join(this.releasesDir, source.version);
      await rename(staging, finalDir);
      await this.writeActive(source.version);
      return {
        // The release's own transactions; the rules shipped with the product are served beside any release.
        outcome: { version: source.version, transactions: preparedTransactions(prepared).filter((id) => !staged.shippedSchematrons[id]), examplesChecked },
        prepared: await prepareRelease(await readRelease(finalDir, this.registry), this.compilers, this.settings.engine, this.settings.transactions),
      };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  private async writeActive(version: string): Promise<void> {
    const partial = `${this.activeFile}.${process.pid}.tmp`;
    await writeFile(partial, `${version}\n`);
    await rename(partial, this.activeFile);
  }

  private async activeVersion(): Promise<string | undefined> {
    try {
      const version = (await readFile(this.activeFile, 'utf8')).trim();
      return version || undefined;
    } catch {
      return undefined;
    }
  }

  private async installedVersions(): Promise<string[]> {
    try {
      return (await readdir(this.releasesDir, { withFileTypes: true }))
        .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort();
    } catch {
      return [];
    }
  }
}

function listing(release: RuleRelease, origin: ReleaseListing['origin'], active: boolean): ReleaseListing {
  return { version: release.version, origin, active, transactions: releaseTransactions(release), dir: release.dir };
}

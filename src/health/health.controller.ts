import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { Database } from '../database/database.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { BlobStore } from '../storage/blob-store.js';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-check.js';

const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: Database,
    private readonly redis: RedisConnections,
    private readonly blobs: BlobStore,
    @Optional() @Inject(READINESS_CHECKS) private readonly extra: ReadinessCheck[] = [],
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ description: 'The process is alive', schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: every dependency needed to accept a message is up. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: database, Redis, blob store, certificate (and, in a worker, the validation rules) are up' })
  @HealthCheck()
  @ApiOkResponse({ description: 'Every dependency is up' })
  @ApiServiceUnavailableResponse({ description: 'At least one dependency is down; details per check' })
  ready() {
    const checks: ReadinessCheck[] = [
      { name: 'database', check: async () => (await this.db.query('SELECT 1 AS ok'), { engine: this.db.engine }) },
      { name: 'redis', check: async () => (await this.redis.ping(), {}) },
      { name: 'storage', check: async () => ({ freeBytes: (await this.blobs.check()).freeBytes }) },
      ...(this.extra ?? []),
    ];
    return this.health.check(checks.map((c) => () => this.run(c)));
  }

  private async run(check: ReadinessCheck): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(check.name);
    try {
      return session.up(await withTimeout(check.check(), check.name));
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}

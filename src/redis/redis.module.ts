import { Global, Module } from '@nestjs/common';
import { RedisConnections } from './redis-connections.js';
import { redisConfig } from './redis.config.js';

@Global()
@Module({ providers: [redisConfig.provider, RedisConnections], exports: [RedisConnections, redisConfig.KEY] })
export class RedisModule {}

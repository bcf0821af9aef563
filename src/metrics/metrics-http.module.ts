import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { HttpMetricsMiddleware } from './http-metrics.middleware.js';
import { MetricsController } from './metrics.controller.js';
import { StateMetricsCollector } from './state-metrics.collector.js';

/** The API role's `/metrics` endpoint and HTTP instrumentation. */
@Module({ controllers: [MetricsController], providers: [StateMetricsCollector, HttpMetricsMiddleware] })
export class MetricsHttpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}

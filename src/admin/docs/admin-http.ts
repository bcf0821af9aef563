import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { BullJobQueue } from '../../queue/bull-job-queue.js';
import { adminConfig, type AdminConfig } from '../admin.config.js';
import { AuditRepository } from '../audit/audit-repository.js';
import { ApiKeyRepository } from '../auth/api-key-repository.js';
import { mountConsole } from '../console/console-http.js';
import { isAdminPath, sendProblem, toProblem } from '../http/problem.filter.js';
import { ProblemException } from '../http/problem.js';
import { dashboardAuth, dashboardRouter } from './dashboard.js';
import { buildOpenApiDocument, DASHBOARD_PATH, DOCS_PATH, OPENAPI_JSON_PATH } from './openapi-document.js';

/**
 * What the admin API adds to the HTTP server beyond its controllers; call once after the body parser
 * and before `listen`: problem+json for unparsable admin request bodies, Bull Board behind the API
 * keys, Swagger UI with the OpenAPI document, and the web console.
 */
export function mountAdminHttp(app: INestApplication): void {
  const cfg = app.get<AdminConfig>(adminConfig.KEY, { strict: false });
  const keys = app.get(ApiKeyRepository, { strict: false });
  const audit = app.get(AuditRepository, { strict: false });

  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!isAdminPath(req.path) || res.headersSent) return next(error);
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 400;
    const detail = status === 413 ? 'The request body is larger than allowed.' : `The request body cannot be read: ${(error as Error).message}`;
    sendProblem(res, toProblem(new ProblemException(status, detail), req));
  });

  if (cfg.dashboardEnabled) {
    app.use(DASHBOARD_PATH, dashboardAuth(keys, audit, DASHBOARD_PATH), dashboardRouter(app.get(BullJobQueue, { strict: false }), DASHBOARD_PATH));
  }

  if (cfg.docsEnabled) {
    SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
      jsonDocumentUrl: OPENAPI_JSON_PATH,
      raw: ['json'],
      customSiteTitle: 'Peppol access point — admin API',
      swaggerOptions: { persistAuthorization: false, displayRequestDuration: true, tryItOutEnabled: false },
    });
  }

  if (cfg.consoleEnabled) mountConsole(app);
}

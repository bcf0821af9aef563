import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response, Router } from 'express';
import { BullJobQueue } from '../../queue/bull-job-queue.js';
import type { AuditRepository } from '../audit/audit-repository.js';
import type { ApiKeyRepository } from '../auth/api-key-repository.js';
import { presentedKey } from '../auth/presented-key.js';
import { roleAllows } from '../auth/roles.js';
import { correlationIdOf } from '../http/correlation.js';
import { toProblem, sendProblem } from '../http/problem.filter.js';
import { ProblemException } from '../http/problem.js';

/** Bull Board over our queues, served at `basePath`. */
export function dashboardRouter(queues: BullJobQueue, basePath: string): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({ queues: queues.allQueues().map((q) => new BullMQAdapter(q)), serverAdapter });
  return serverAdapter.getRouter() as Router;
}

const READS = new Set(['GET', 'HEAD']);

/**
 * The dashboard's gate: the same API keys (also as an HTTP Basic password, so a browser can log in);
 * viewers may look, changes (retry, clean, pause) need an operator and are written to the audit trail.
 */
export function dashboardAuth(keys: ApiKeyRepository, audit: AuditRepository, basePath: string) {
  const refuse = (req: Request, res: Response, error: ProblemException) => {
    const problem = toProblem(error, req);
    if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="peppol-ap admin", charset="UTF-8"');
    sendProblem(res, problem, { challenge: problem.status !== 401 });
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = presentedKey(req, { basic: true });
    if (!key) return refuse(req, res, new ProblemException(401, 'An API key is required (X-API-Key, Bearer, or as the HTTP Basic password).'));
    keys
      .authenticate(key)
      .then((record) => {
        if (!record) return refuse(req, res, new ProblemException(401, 'The API key is not valid or has been revoked.'));
        const required = READS.has(req.method) ? 'viewer' : 'operator';
        if (!roleAllows(record.role, required)) {
          return refuse(req, res, new ProblemException(403, `This operation needs role ${required}; key ${record.id} has role ${record.role}.`));
        }
        if (READS.has(req.method)) return next();
        res.on('finish', () => {
          void audit
            .record({
              keyId: record.id,
              role: record.role,
              method: req.method,
              route: `${basePath}/*`,
              path: `${basePath}${req.path}`,
              target: 'dashboard',
              status: res.statusCode,
              before: null,
              after: null,
              correlationId: correlationIdOf(req),
            })
            .catch(() => undefined);
        });
        next();
      })
      .catch(next);
  };
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

export const CONSOLE_PATH = '/console';

/**
 * The console's pages load nothing but their own files and talk only to this server: no inline
 * script or style, no other origin, not framed.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONSOLE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Where the built console is: `dist/console-ui` beside the compiled server (`dist/admin/console/`),
 * or the project's `dist/console-ui` when the server runs from its TypeScript sources (tests).
 */
export function consoleAssetsDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../console-ui'), path.resolve(here, '../../../dist/console-ui')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the built web console at /console. Its files are public (they hold no data); every call
 * the console makes goes to the admin API with the key the user signed in with.
 */
export function mountConsole(app: INestApplication, dir: string | null = consoleAssetsDir()): void {
  const router = express.Router();
  router.use((_req: Request, res: Response, next: NextFunction) => {
    res.set(HEADERS);
    next();
  });
  if (!dir) {
    router.use((_req: Request, res: Response) => {
      res.status(503).type('text/plain').send('The console is not built: run `npm run build`.\n');
    });
  } else {
    const index = path.join(dir, 'index.html');
    router.get(['/', '/index.html'], (_req: Request, res: Response) => {
      res.set('Cache-Control', 'no-cache').sendFile(index);
    });
    router.use(
      express.static(dir, {
        index: false,
        dotfiles: 'deny',
        redirect: false,
        // File names under assets/ carry a content hash: cache them for good.
        setHeaders: (res, file) => res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      }),
    );
    router.use((_req: Request, res: Response) => {
      res.status(404).type('text/plain').send('Not found\n');
    });
  }
  app.use(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => {
    // Relative asset paths need the trailing slash.
    if (req.originalUrl === CONSOLE_PATH) return res.redirect(301, `${CONSOLE_PATH}/`);
    return router(req, res, next);
  });
}

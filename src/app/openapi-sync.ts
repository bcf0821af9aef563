import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pino } from 'pino';
import { buildOpenApiDocument, serializeOpenApi } from '../admin/docs/openapi-document.js';
import { CoreModule } from './core.module.js';
import { roleModule } from './roles.js';

/** The committed copy of the generated OpenAPI document, relative to the package root. */
export const COMMITTED_OPENAPI = 'docs/openapi.json';

/**
 * Generates the OpenAPI document from the API role's module graph without starting anything: Nest's
 * preview mode scans modules and controllers but creates no provider (no database, Redis or keys).
 */
export async function generateOpenApi(): Promise<string> {
  const module = roleModule('api', CoreModule.forRoot(pino({ level: 'silent' })));
  const app = await NestFactory.create<INestApplication>(module, { preview: true, logger: false, abortOnError: false });
  try {
    return serializeOpenApi(buildOpenApiDocument(app));
  } finally {
    await app.close().catch(() => undefined);
  }
}

/** `openapi-sync [--check] [file]`: writes the document, or with --check exits 1 when the file differs. */
async function main(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const file = path.resolve(args.find((a) => !a.startsWith('--')) ?? COMMITTED_OPENAPI);
  const generated = await generateOpenApi();
  if (check) {
    const committed = await readFile(file, 'utf8').catch(() => '');
    if (committed === generated) return 0;
    process.stderr.write(`${file} is not the generated OpenAPI document; run: npm run openapi:sync\n`);
    return 1;
  }
  await writeFile(file, generated);
  process.stdout.write(`wrote ${file}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/dist\//, '/dist/'))) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`openapi-sync: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ALL_CONFIGS } from '../../src/app/configuration.js';

// The part of the Compose specification this file uses, strictly: an unknown key is a mistake.
const healthcheck = z.strictObject({
  test: z.union([z.array(z.string()).min(2), z.string()]),
  interval: z.string().regex(/^\d+(ms|s|m)$/),
  timeout: z.string().regex(/^\d+(ms|s|m)$/),
  retries: z.number().int().positive(),
});
const service = z.strictObject({
  image: z.string().min(1).optional(),
  build: z.string().optional(),
  command: z.array(z.string()).min(1).optional(),
  environment: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  ports: z.array(z.string().regex(/^\d+:\d+$/)).optional(),
  volumes: z.array(z.string().regex(/^[a-z0-9-]+:\/[\w/-]*$/)).optional(),
  secrets: z.array(z.string()).optional(),
  depends_on: z.record(z.string(), z.strictObject({ condition: z.enum(['service_started', 'service_healthy', 'service_completed_successfully']) })).optional(),
  healthcheck: healthcheck.optional(),
  stop_grace_period: z.string().optional(),
  restart: z.enum(['no', 'always', 'on-failure', 'unless-stopped']).optional(),
  profiles: z.array(z.string()).optional(),
});
const compose = z.strictObject({
  name: z.string(),
  'x-ap-environment': z.record(z.string(), z.string()),
  services: z.record(z.string(), service),
  secrets: z.record(z.string(), z.strictObject({ file: z.string() })),
  volumes: z.record(z.string(), z.null()),
});

const file = readFileSync(path.resolve(process.cwd(), 'docker-compose.yml'), 'utf8');
const doc = compose.parse(parse(file, { merge: true }));
const known = new Set(ALL_CONFIGS.flatMap((ns) => Object.keys(ns.env)));

describe('docker-compose.yml', () => {
  it('has the services operators expect', () => {
    expect(Object.keys(doc.services).sort()).toEqual(['api', 'postgres', 'redis', 'sample-oms', 'worker']);
    expect(doc.services.api!.command).toEqual(['node', 'dist/main.js']);
    expect(doc.services.worker!.command).toEqual(['node', 'dist/worker.js']);
  });

  it('runs Redis with an append-only file and the noeviction policy BullMQ needs', () => {
    const cmd = doc.services.redis!.command!.join(' ');
    expect(cmd).toContain('--appendonly yes');
    expect(cmd).toContain('--maxmemory-policy noeviction');
  });

  it('refers only to declared services, volumes and secrets', () => {
    for (const [name, s] of Object.entries(doc.services)) {
      for (const dep of Object.keys(s.depends_on ?? {})) expect(doc.services, `${name} depends on ${dep}`).toHaveProperty(dep);
      for (const v of s.volumes ?? []) expect(doc.volumes, `${name} volume ${v}`).toHaveProperty(v.split(':')[0]!);
      for (const secret of s.secrets ?? []) expect(doc.secrets).toHaveProperty(secret);
    }
  });

  it('sets only configuration variables the access point knows', () => {
    for (const role of ['api', 'worker']) {
      for (const variable of Object.keys(doc.services[role]!.environment ?? {})) expect(known, `${role}: ${variable}`).toContain(variable);
    }
  });

  it('checks the readiness of the API and of the worker on the port each listens on', () => {
    const api = doc.services.api!;
    const worker = doc.services.worker!;
    expect(api.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${api.environment?.PORT}/health/ready`);
    expect(worker.environment?.WORKER_HTTP_PORT).toBeDefined();
    expect(worker.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${worker.environment!.WORKER_HTTP_PORT}/health/ready`);
  });

  it('shares the blob store between the API and the worker', () => {
    const data = (s: string) => doc.services[s]!.volumes!.find((v) => v.endsWith(':/data'));
    expect(data('api')).toBeDefined();
    expect(data('api')).toEqual(data('worker'));
  });
});

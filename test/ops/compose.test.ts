import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { existsSync } from 'node:fs';
import { ALL_CONFIGS } from '../../src/app/configuration.js';
import { parseEndpointUrl } from '../../src/delivery/webhook/endpoint-url.js';
import { webhookConfig } from '../../src/delivery/webhook/webhook.config.js';

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
  // Published ports, on every interface or on the host's loopback only.
  ports: z.array(z.string().regex(/^(127\.0\.0\.1:)?\d+:\d+$/)).optional(),
  // Named volumes, or a read-only file of the repository (./deploy).
  volumes: z.array(z.string().regex(/^([a-z0-9-]+:\/[\w/-]*|\.\/deploy\/[\w.-]+:\/[\w/.-]+:ro)$/)).optional(),
  secrets: z.array(z.string()).optional(),
  depends_on: z.record(z.string(), z.strictObject({ condition: z.enum(['service_started', 'service_healthy', 'service_completed_successfully']) })).optional(),
  healthcheck: healthcheck.optional(),
  stop_grace_period: z.string().optional(),
  restart: z.enum(['no', 'always', 'on-failure', 'unless-stopped']).optional(),
  profiles: z.array(z.string()).optional(),
  deploy: z.strictObject({ replicas: z.union([z.number().int().positive(), z.string().regex(/^\$\{[A-Z_]+:-\d+\}$/)]) }).optional(),
  configs: z.array(z.strictObject({ source: z.string(), target: z.string() })).optional(),
});
const compose = z.strictObject({
  name: z.string(),
  'x-ap-environment': z.record(z.string(), z.string()),
  services: z.record(z.string(), service),
  configs: z.record(z.string(), z.strictObject({ content: z.string() })).optional(),
  secrets: z.record(z.string(), z.strictObject({ file: z.string() })),
  volumes: z.record(z.string(), z.null()),
});

const file = readFileSync(path.resolve(process.cwd(), 'docker-compose.yml'), 'utf8');
const doc = compose.parse(parse(file, { merge: true }));
const known = new Set(ALL_CONFIGS.flatMap((ns) => Object.keys(ns.env)));

describe('docker-compose.yml', () => {
  it('has the services operators expect', () => {
    expect(Object.keys(doc.services).sort()).toEqual(['api', 'postgres', 'proxy', 'redis', 'sample-oms', 'worker']);
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
      for (const v of s.volumes ?? []) {
        if (v.startsWith('./')) expect(existsSync(path.resolve(process.cwd(), v.split(':')[0]!)), `${name} mounts ${v}`).toBe(true);
        else expect(doc.volumes, `${name} volume ${v}`).toHaveProperty(v.split(':')[0]!);
      }
      for (const secret of s.secrets ?? []) expect(doc.secrets).toHaveProperty(secret);
      for (const c of s.configs ?? []) expect(doc.configs ?? {}).toHaveProperty(c.source);
    }
  });

  it('sets only configuration variables the access point knows', () => {
    for (const role of ['api', 'worker']) {
      // X_FILE: the value of X read from a file (Docker secrets).
      for (const variable of Object.keys(doc.services[role]!.environment ?? {})) expect(known, `${role}: ${variable}`).toContain(variable.replace(/_FILE$/, ''));
    }
  });

  it('shares the blob store between the API and the worker replicas through PostgreSQL, no disk shared', () => {
    for (const role of ['api', 'worker']) {
      expect(doc['x-ap-environment'].STORAGE_BACKEND).toBe('postgres');
      expect(doc['x-ap-environment'].DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(doc.services[role]!.volumes ?? []).toEqual([]);
      expect(doc.services[role]!.deploy?.replicas).toBeDefined();
    }
  });

  it('checks the readiness of the API and of the worker on the port each listens on', () => {
    const api = doc.services.api!;
    const worker = doc.services.worker!;
    expect([api.healthcheck?.test ?? []].flat().join(' ')).toContain(`127.0.0.1:${api.environment?.PORT}/health/ready`);
    expect(worker.environment?.WORKER_HTTP_PORT).toBeDefined();
    expect([worker.healthcheck?.test ?? []].flat().join(' ')).toContain(`127.0.0.1:${worker.environment!.WORKER_HTTP_PORT}/health/ready`);
  });

  it('requires POSTGRES_PASSWORD instead of a default password', () => {
    expect(file).not.toContain('change-me');
    expect(doc.services.postgres!.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?.+\}$/);
    expect(doc['x-ap-environment'].DATABASE_URL).toMatch(/\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\//);
  });

  it('hands secrets over as Docker secrets read through *_FILE, never as plain variables', () => {
    for (const role of ['api', 'worker']) {
      const s = doc.services[role]!;
      for (const [variable, value] of Object.entries(s.environment ?? {})) {
        if (/(KEYS|PASSWORD|SECRET)$/.test(variable)) throw new Error(`${role}: ${variable} is set as a plain variable`);
        if (!variable.endsWith('_FILE') && !['AP_CERT', 'AP_KEY'].includes(variable)) continue;
        const secret = /^\/run\/secrets\/([\w-]+)$/.exec(String(value))?.[1];
        expect(secret, `${role}: ${variable}`).toBeDefined();
        expect(s.secrets, `${role}: ${variable}`).toContain(secret);
      }
      expect(s.environment?.ADMIN_API_KEYS_FILE).toBeDefined();
    }
  });

  it('publishes no fixed host port on the services meant to scale', () => {
    for (const role of ['api', 'worker']) expect(doc.services[role]!.ports, role).toBeUndefined();
  });

  it('terminates TLS in a reverse proxy: /as4 public, the admin port on the host loopback only', () => {
    const proxy = doc.services.proxy!;
    const api = doc.services.api!;
    expect(proxy.ports).toContain('443:443');
    const caddyfile = readFileSync(path.resolve(process.cwd(), 'deploy/Caddyfile'), 'utf8');
    expect(existsSync(path.resolve(process.cwd(), 'deploy/Caddyfile'))).toBe(true);
    expect(proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(caddyfile).toMatch(/@public path \/as4 /);
    expect(caddyfile).toContain(`dynamic a api ${api.environment?.PORT}`);
    const adminPort = String(api.environment?.ADMIN_PORT);
    expect(caddyfile).toContain(`dynamic a api ${adminPort}`);
    expect(proxy.ports).toContain(`127.0.0.1:${adminPort}:${adminPort}`);
  });

  it('lets the demo profile deliver to the sample OMS over the compose network', () => {
    const oms = doc.services['sample-oms']!;
    expect(oms.profiles).toEqual(['demo']);
    const port = oms.command![oms.command!.indexOf('--port') + 1];
    const env = Object.fromEntries(Object.entries(doc.services.api!.environment!).map(([k, v]) => [k, String(v)]));
    const webhook = webhookConfig.load(env);
    expect(webhook.allowHttp).toBe(false);
    expect(() => parseEndpointUrl(`http://sample-oms:${port}/webhooks`, webhook)).not.toThrow();
    expect(() => parseEndpointUrl('http://elsewhere.example/webhooks', webhook)).toThrow();
  });
});

import { Body, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { z } from 'zod';
import type { AdminRequest } from '../auth/admin-request.js';
import { type ApiKeyRecord, ApiKeyRepository } from '../auth/api-key-repository.js';
import { revocationProblem } from '../auth/key-policy.js';
import { RequiresRole } from '../auth/requires-role.js';
import { BACKEND_ROLE, KEY_ROLES } from '../auth/roles.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { jsonBody, jsonResponse, problemResponse } from '../http/openapi-parts.js';
import { participantParam } from '../http/params.js';
import { conflict, invalid, notFound } from '../http/problem.js';
import { ParticipantRepository } from '../../participants/participant-repository.js';

const keySchema = z
  .object({
    id: z.string(),
    role: z.enum(KEY_ROLES),
    participants: z.array(z.string()).meta({ description: 'The participants a backend key acts for; empty for the admin roles.' }),
    label: z.string(),
    source: z.enum(['config', 'api', 'cli']),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });
const keyExample = {
  id: '3f9c0a1b2c3d',
  role: 'operator',
  participants: [],
  label: 'night shift',
  source: 'api',
  createdBy: 'a1b2c3d4e5f6',
  createdAt: '2026-11-23T09:00:00.000Z',
  revokedAt: null,
  lastUsedAt: '2026-11-23T10:15:00.000Z',
};
const createBody = z
  .object({
    role: z.enum(KEY_ROLES),
    label: z.string().max(200).optional(),
    participants: z
      .array(participantParam)
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'Only with role `backend` (and required there): the served participants the key acts for, e.g. `0088:7315458756324`.' }),
  })
  .superRefine((body, ctx) => {
    if (body.role === BACKEND_ROLE && !body.participants) ctx.addIssue({ code: 'custom', path: ['participants'], message: 'a backend key needs the participants it acts for' });
    if (body.role !== BACKEND_ROLE && body.participants) ctx.addIssue({ code: 'custom', path: ['participants'], message: `a ${body.role} key acts for no participant; participants are for role backend` });
  });
const keyIdParam = z.string().regex(/^[0-9a-z]{12}$/, { message: 'expected a key id (12 characters)' });

function keyView(k: ApiKeyRecord) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return { ...k, createdAt: k.createdAt.toISOString(), revokedAt: iso(k.revokedAt), lastUsedAt: iso(k.lastUsedAt) };
}

@AdminController('keys', 'keys')
export class KeysController {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly participants: ParticipantRepository,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'The key this request was made with (any role)' })
  @ApiOkResponse(jsonResponse('Your key', keySchema, keyExample))
  me(@Req() req: AdminRequest) {
    return keyView(req.adminKey!);
  }

  @Get()
  @RequiresRole('admin')
  @ApiOperation({ summary: 'API keys (never their secrets)' })
  @ApiOkResponse(jsonResponse('The keys', z.object({ data: z.array(keySchema) }), { data: [keyExample] }))
  @ApiInvalidParameters()
  async list(@Query({ schema: z.object({ includeRevoked: z.enum(['true', 'false']).default('false').meta({ description: 'Also list revoked keys' }) }) }) query: { includeRevoked: 'true' | 'false' }) {
    return { data: (await this.keys.list({ includeRevoked: query.includeRevoked === 'true' })).map(keyView) };
  }

  @Post()
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Create a key; the secret is in this response only and never stored' })
  @ApiBody(jsonBody('Role, an optional label, and for a backend key its participants', createBody, { role: 'backend', label: 'supplier OMS', participants: ['0088:7315458756324'] }))
  @ApiCreatedResponse(jsonResponse('The new key with its secret', keySchema.extend({ key: z.string() }), { ...keyExample, lastUsedAt: null, key: 'pap_3f9c0a1b2c3d_Q2hhbmdlIG1lOiB0aGlzIGlzIGFuIGV4YW1wbGUga2V5Lg' }))
  @ApiUnprocessableEntityResponse(problemResponse('The body is invalid (e.g. a participant not served here); `errors` names the field', 422))
  async create(@Body({ schema: createBody }) body: z.output<typeof createBody>, @Req() req: AdminRequest) {
    const participants = body.participants ?? [];
    const unknown: string[] = [];
    for (const id of participants) if (!(await this.participants.get(id))) unknown.push(id);
    if (unknown.length > 0) {
      throw invalid(HttpStatus.UNPROCESSABLE_ENTITY, unknown.map((id) => ({ in: 'body' as const, field: `participants.${participants.indexOf(id)}`, message: `${id} is not a participant served here` })));
    }
    const { record, key } = await this.keys.create(body.role, { label: body.label, source: 'api', createdBy: req.adminKey!.id, participants });
    req.audit = { target: `key:${record.id}`, before: null, after: keyView(record) };
    return { ...keyView(record), key };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Revoke a key at once; the last active admin key cannot be revoked' })
  @ApiOkResponse(jsonResponse('The revoked key', keySchema, { ...keyExample, revokedAt: '2026-11-23T12:00:00.000Z' }))
  @ApiNotFoundResponse(problemResponse('No active key with that id', 404))
  @ApiConflictResponse(problemResponse('It is the last active admin key', 409))
  @ApiInvalidParameters()
  async revoke(@Param('id', { schema: keyIdParam }) id: string, @Req() req: AdminRequest) {
    req.audit = { target: `key:${id}` };
    const before = await this.keys.get(id);
    if (!before || before.revokedAt) throw notFound(`no active key ${id}`);
    req.audit.before = keyView(before);
    const problem = await revocationProblem(this.keys, before);
    if (problem) throw conflict(problem);
    const after = await this.keys.revoke(id);
    if (!after) throw notFound(`no active key ${id}`);
    req.audit.after = keyView(after);
    return keyView(after);
  }
}

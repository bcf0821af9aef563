import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import type { CatalogueVersion } from '../../workflows/catalogue/catalogue-store.js';
import { CatalogueService } from '../../workflows/catalogue/catalogue.service.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { jsonResponse } from '../http/openapi-parts.js';
import { participantParam } from '../http/params.js';

const limit = z.coerce.number().int().min(1).max(1_000).default(50).meta({ description: 'At most this many' });

const versionSchema = z
  .object({
    id: z.uuid(),
    messageId: z.uuid(),
    supplierId: z.string(),
    catalogueId: z.string().nullable(),
    versionId: z.string().nullable(),
    issueDate: z.string().nullable(),
    operation: z.string().meta({ description: 'add, replace, update or delete (the catalogue action code)' }),
    status: z.enum(['loading', 'active', 'superseded', 'deleted', 'refused']),
    lineCount: z.number(),
    createdAt: z.iso.datetime(),
    activatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CatalogueVersion' });
const lineSchema = z.object({
  catalogue: z.object({ supplierId: z.string(), catalogueId: z.string().nullable(), versionId: z.string().nullable(), storedVersion: z.string() }),
  itemKey: z.string(),
  lineId: z.string().nullable(),
  name: z.string().nullable(),
  price: z.object({ amount: z.string(), currency: z.string().nullable() }).nullable(),
  line: z.unknown().meta({ description: 'The whole catalogue line as received' }),
});

const supplier = '0088:5798009883964';
const versionExample = {
  id: '2b4d6f80-1a3c-4e5f-8a9b-0c1d2e3f4a5b',
  messageId: '0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49',
  supplierId: supplier,
  catalogueId: 'CAT-2026',
  versionId: '3',
  issueDate: '2026-11-01',
  operation: 'update',
  status: 'active',
  lineCount: 1200,
  createdAt: '2026-11-01T08:00:00.000Z',
  activatedAt: '2026-11-01T08:00:41.000Z',
};

function versionView(v: CatalogueVersion) {
  const { header: _header, catalogueKey: _key, ...rest } = v;
  return { ...rest, createdAt: v.createdAt.toISOString(), activatedAt: v.activatedAt?.toISOString() ?? null };
}

@AdminController('catalogues', 'catalogues')
export class CataloguesController {
  constructor(private readonly catalogues: CatalogueService) {}

  @Get(':supplierId/versions')
  @ApiOperation({ summary: 'Catalogue versions received from a supplier, newest first' })
  @ApiOkResponse(jsonResponse('Versions', z.object({ data: z.array(versionSchema) }), { data: [versionExample] }))
  @ApiInvalidParameters()
  async versions(@Param('supplierId', { schema: participantParam }) supplierId: string, @Query({ schema: z.object({ limit }) }) q: { limit: number }) {
    return { data: (await this.catalogues.versions(supplierId, q.limit)).map(versionView) };
  }

  @Get(':supplierId/items')
  @ApiOperation({ summary: "Lines of a supplier's active catalogues with this seller's, standard, buyer's or manufacturer's item id" })
  @ApiOkResponse(
    jsonResponse('Matching lines', z.object({ data: z.array(lineSchema) }), {
      data: [
        {
          catalogue: { supplierId: supplier, catalogueId: 'CAT-2026', versionId: '3', storedVersion: versionExample.id },
          itemKey: 'GLV-M',
          lineId: '1',
          name: 'Nitrile gloves, size M',
          price: { amount: '25.00', currency: 'NOK' },
          line: { id: '1', item: { name: 'Nitrile gloves, size M', sellersId: 'GLV-M' }, prices: [{ amount: '25.00', currency: 'NOK' }] },
        },
      ],
    }),
  )
  @ApiInvalidParameters()
  async items(
    @Param('supplierId', { schema: participantParam }) supplierId: string,
    @Query({ schema: z.object({ itemId: z.string().trim().min(1).max(200).meta({ description: 'An item identifier' }), limit }) }) q: { itemId: string; limit: number },
  ) {
    return { data: await this.catalogues.searchItems(supplierId, q.itemId, q.limit) };
  }
}

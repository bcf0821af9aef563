import { z } from 'zod';
import { cartChangeSchema } from '../../punchout/cart-changes.js';
import { MESSAGE_STATES } from '../../messages/message-states.js';

const MAX_CHANGES_CHARS = 65_536;

/** `changes`: the approve-with-changes body's list as JSON text (a GET, since nothing changes). */
export const cartPreviewQuery = z.object({
  changes: z
    .string()
    .max(MAX_CHANGES_CHARS)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'expected a JSON array of changes, e.g. [{"kind":"set-quantity","lineId":"1","quantity":"5"}]' });
        return z.NEVER;
      }
    })
    .pipe(z.array(cartChangeSchema).max(30_000))
    .optional()
    .default([])
    .meta({ description: 'JSON array of changes as in approve-with-changes, e.g. [{"kind":"remove","lineId":"3"}]' }),
});

const quantitySchema = z.object({ value: z.string(), unitCode: z.string() });

export const cartPreviewSchema = z
  .object({
    messageId: z.uuid(),
    state: z.enum(MESSAGE_STATES),
    cartId: z.string(),
    sellerName: z.string(),
    completeCart: z.boolean().meta({ description: 'ActionCode true: ordered whole or not at all' }),
    currency: z.string().nullable(),
    validUntil: z.string().nullable().meta({ description: "End of the cart's validity (date, or date T time)" }),
    allowed: z.object({ quantities: z.boolean(), removeLines: z.boolean(), prices: z.boolean() }).meta({ description: 'Which changes this cart admits' }),
    lines: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        sellersId: z.string().nullable(),
        quantity: quantitySchema,
        price: z.string().meta({ description: 'Net price per base quantity, decimal text' }),
        baseQuantity: quantitySchema.nullable(),
        orderedQuantity: quantitySchema.nullable(),
        orderedPrice: z.string().nullable(),
        removed: z.boolean(),
        lineExtension: z.string().nullable().meta({ description: 'Net line amount in the order' }),
      }),
    ),
    totals: z
      .object({
        lineExtension: z.string(),
        allowanceTotal: z.string().optional(),
        chargeTotal: z.string().optional(),
        taxExclusive: z.string(),
        taxTotal: z.string().optional(),
        taxInclusive: z.string(),
        payable: z.string(),
      })
      .nullable(),
    changeLog: z.array(z.string()),
    problem: z.object({ code: z.string(), message: z.string(), lineId: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'CartPreview' });

export const cartPreviewExample: z.output<typeof cartPreviewSchema> = {
  messageId: '0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49',
  state: 'awaiting-approval',
  cartId: 'CART-2026-0042',
  sellerName: 'ABC Supplier Ltd.',
  completeCart: false,
  currency: 'EUR',
  validUntil: '2026-12-23',
  allowed: { quantities: true, removeLines: true, prices: true },
  lines: [
    {
      id: '1',
      name: 'Copy paper A4',
      sellersId: 'SKU-00001',
      quantity: { value: '10', unitCode: 'BX' },
      price: '24.90',
      baseQuantity: { value: '1', unitCode: 'BX' },
      orderedQuantity: { value: '12', unitCode: 'BX' },
      orderedPrice: '24.90',
      removed: false,
      lineExtension: '298.80',
    },
  ],
  totals: { lineExtension: '298.80', taxExclusive: '298.80', taxTotal: '74.70', taxInclusive: '373.50', payable: '373.50' },
  changeLog: ['line 1 "Copy paper A4": quantity 10 BX → 12 BX'],
  problem: null,
};

import { z } from 'zod';
import { isDecimalText, decimalPlaces } from '../ubl/decimal.js';

/**
 * What a buyer organisation configures for its punch-out orders: everything an order needs that a
 * cart does not carry (BIS T77 → T01 mapping, sections 3.1–3.6 of the team's mapping guide).
 */

const text = (max = 200) => z.string().trim().min(1).max(max);
const code4 = z.string().regex(/^\d{4}$/, 'expected a 4-digit scheme code (EAS/ICD)');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const decimal = z.string().refine(isDecimalText, 'expected a decimal number such as "12.50"');
const amount = decimal.refine((v) => !v.startsWith('-') && decimalPlaces(v) <= 2, 'expected a non-negative amount with at most 2 decimals');
const currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code');

/** Participant identifier as `scheme:value`, e.g. `0192:987654325`. */
const participant = z.string().max(250).regex(/^\d{4}:.+$/, 'expected scheme:value, e.g. 0192:987654325');

const identifier = z.object({ value: text(), schemeId: code4 });
const identifierOptionalScheme = z.object({ value: text(), schemeId: code4.optional() });

const address = z.object({
  streetName: text().optional(),
  additionalStreetName: text().optional(),
  cityName: text().optional(),
  postalZone: text(20).optional(),
  countrySubentity: text().optional(),
  addressLine: text().optional(),
  countryCode,
});

const contact = z.object({ name: text().optional(), telephone: text(50).optional(), email: text().optional() });

const money = z.object({ amount: decimal.refine((v) => !v.startsWith('-'), 'must not be negative'), currency });

/** Seller master data for what a cart cannot say about its seller (postal address above all). */
const seller = z.object({
  /** The seller's identifiers as they appear in carts (endpoint or party id), `scheme:value`. */
  ids: z.array(participant).min(1).max(20),
  endpoint: identifier.optional(),
  partyName: text().optional(),
  postalAddress: address.optional(),
  companyId: identifier.optional(),
  contact: contact.optional(),
});

const buyerConfigSchema = z
  .object({
    /** Purchase order numbers: prefix + zero-padded sequence (the sequence itself lives in the database). */
    orderNumber: z
      .object({ prefix: z.string().max(20).regex(/^[A-Za-z0-9._/-]*$/).default('PO-'), digits: z.number().int().min(1).max(18).default(6) })
      .prefault({}),
    /** `ordering` when the seller answers with an order response (T76), else `order_only`. */
    process: z.enum(['ordering', 'order_only']).default('order_only'),
    orderTypeCode: z.enum(['105', '220', '221', '226', '227', '402']).default('220'),
    note: text(1000).optional(),
    /** Buyer reference used when the cart has no `ReceiverParty/Contact/ID`. */
    buyerReference: text().optional(),
    /** Cost centre or project (`cbc:AccountingCost`), on the order and on every line. */
    accountingCost: text().optional(),
    /** Order valid for this many days after issue, never beyond the cart's own validity. */
    validityDays: z.number().int().min(1).max(366).default(30),
    partialDeliveryAllowed: z.boolean().default(true),
    buyer: z
      .object({
        /** Used when the cart has no `ReceiverParty/EndpointID`. */
        endpoint: identifier.optional(),
        partyName: text().optional(),
        postalAddress: address.optional(),
        /** VAT number, country-prefixed (PEPPOL-T01-R026). */
        vatId: z.string().regex(/^[A-Z]{2}[A-Za-z0-9]+$/, 'VAT id must start with its ISO country code').optional(),
        companyId: identifier.optional(),
        contact: contact.optional(),
      })
      .prefault({}),
    /** The requisitioner (PEPPOL-T01-R014: name or identifier). */
    originator: z
      .object({ partyId: identifierOptionalScheme.optional(), name: text().optional(), contact: contact.optional() })
      .refine((o) => o.partyId || o.name, 'originator needs a name or an identifier')
      .optional(),
    /** The invoicee. */
    accountingCustomer: z
      .object({
        endpoint: identifier.optional(),
        partyId: identifierOptionalScheme.optional(),
        partyName: text().optional(),
        postalAddress: address,
        vatId: z.string().regex(/^[A-Z]{2}[A-Za-z0-9]+$/).optional(),
        registrationName: text(),
        companyId: identifier.optional(),
        contact: contact.optional(),
      })
      .optional(),
    delivery: z
      .object({
        locationId: identifier.optional(),
        locationName: text().optional(),
        address,
        requestedPeriod: z.object({ startDate: isoDate.optional(), endDate: isoDate.optional() }).optional(),
        party: z
          .object({ partyId: identifier.optional(), name: text(), postalAddress: address.optional(), contact: contact.optional() })
          .optional(),
      })
      .optional(),
    deliveryTerms: z.object({ id: text().optional(), specialTerms: text().optional(), locationId: text().optional() }).optional(),
    paymentTermsNote: text(1000).optional(),
    additionalDocuments: z
      .array(z.object({ id: text(), documentType: text().optional(), uri: z.url().optional() }))
      .max(50)
      .default([]),
    /** Document-level allowances/charges agreed by contract (e.g. a fixed freight charge). */
    allowanceCharges: z
      .array(
        z.object({
          chargeIndicator: z.boolean(),
          reasonCode: text(10).optional(),
          reason: text(),
          amount,
          taxCategory: z.object({ id: text(10), percent: decimal }),
        }),
      )
      .max(20)
      .default([]),
    /** Whether the order carries a computed tax total (`cac:TaxTotal`). */
    includeTaxTotal: z.boolean().default(true),
    sellers: z.array(seller).max(10_000).default([]),
    /** Used for a seller with no master data: T01 needs the seller's country. */
    sellerFallback: z.object({ countryCode: countryCode.optional() }).prefault({}),
    approval: z
      .object({
        /** Absent: every cart waits for a person. */
        autoApprove: z
          .object({
            /** Net order total (TaxExclusiveAmount) at or under this amount. */
            totalLimit: money,
            /** Sellers (`scheme:value`) whose carts may be approved automatically. */
            suppliers: z.array(participant).min(1).max(10_000),
            /** No line may have a unit price (price ÷ base quantity) above this. */
            unitPriceCeiling: money.optional(),
          })
          .optional(),
        /** Undecided carts become abandoned after this many hours. */
        abandonAfterHours: z.number().int().min(1).max(24 * 90).default(72),
      })
      .prefault({}),
  })
  .strict();

export type BuyerConfig = z.output<typeof buyerConfigSchema>;
export type BuyerConfigInput = z.input<typeof buyerConfigSchema>;
export type SellerMasterData = BuyerConfig['sellers'][number];

/** Raised for an unusable buyer configuration; the message names the first bad field. */
export class BuyerConfigError extends Error {
  override name = 'BuyerConfigError';
}

export function parseBuyerConfig(input: unknown): BuyerConfig {
  const parsed = buyerConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BuyerConfigError(`buyer configuration: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The purchase order number for a sequence value: prefix + zero-padded number. */
export function formatOrderNumber(series: BuyerConfig['orderNumber'], sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`order sequence must be a positive integer, got ${sequence}`);
  const digits = String(sequence);
  if (digits.length > series.digits) throw new RangeError(`order sequence ${sequence} exceeds ${series.digits} digits`);
  return series.prefix + digits.padStart(series.digits, '0');
}

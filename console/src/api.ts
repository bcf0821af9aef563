/** The admin API as the console uses it: the signed-in key on every call, problem+json errors. */

export type Role = 'viewer' | 'operator' | 'admin';

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Whether a key of `role` may do what needs `needed` (viewer < operator < admin). */
export function can(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && RANK[role] >= RANK[needed];
}

export interface Problem {
  title?: string;
  status?: number;
  detail?: string;
  errors?: Array<{ in?: string; field?: string; message: string }>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

// The key lives in sessionStorage: gone when the tab closes, never in a cookie or on disk for long.
const KEY_ITEM = 'peppol-ap.console.api-key';

export const session = {
  key(): string | null {
    return sessionStorage.getItem(KEY_ITEM);
  },
  signIn(key: string): void {
    sessionStorage.setItem(KEY_ITEM, key);
  },
  signOut(): void {
    sessionStorage.removeItem(KEY_ITEM);
  },
};

/** Called when the server refuses the stored key (revoked meanwhile): the app shows the sign-in again. */
let onRefused: (() => void) | null = null;
export function whenKeyRefused(handler: () => void): void {
  onRefused = handler;
}

async function send(path: string, init: { method?: string; body?: unknown; key?: string } = {}): Promise<Response> {
  const key = init.key ?? session.key();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (key) headers['X-API-Key'] = key;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!res.ok) {
    let problem: Problem = { status: res.status };
    try {
      problem = (await res.json()) as Problem;
    } catch {
      // not problem+json: keep the status
    }
    if (res.status === 401 && init.key === undefined) onRefused?.();
    throw new ApiError(res.status, problem);
  }
  return res;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; key?: string } = {}): Promise<T> {
  const res = await send(path, init);
  return (await res.json()) as T;
}

/** Query string of the set values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') q.set(name, String(value));
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** Downloads a document with the key (a plain link could not send it) and saves it under the server's file name. */
export async function download(href: string, fallbackName: string): Promise<void> {
  const res = await send(href);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// The shapes of the admin API the console reads (see /docs for the full documents).

export interface Me {
  id: string;
  role: Role;
  label: string;
}

export interface PendingApproval {
  messageId: string;
  buyerId: string;
  sellerId: string | null;
  cartId: string;
  currency: string | null;
  netTotal: string | null;
  lineCount: number;
  reasons: string[];
  deadline: string;
  createdAt: string;
}

export interface Quantity {
  value: string;
  unitCode: string;
}

export interface CartPreview {
  messageId: string;
  state: string;
  cartId: string;
  sellerName: string;
  completeCart: boolean;
  currency: string | null;
  validUntil: string | null;
  allowed: { quantities: boolean; removeLines: boolean; prices: boolean };
  lines: Array<{
    id: string;
    name: string;
    sellersId: string | null;
    quantity: Quantity;
    price: string;
    baseQuantity: Quantity | null;
    orderedQuantity: Quantity | null;
    orderedPrice: string | null;
    removed: boolean;
    lineExtension: string | null;
  }>;
  totals: {
    lineExtension: string;
    allowanceTotal?: string;
    chargeTotal?: string;
    taxExclusive: string;
    taxTotal?: string;
    taxInclusive: string;
    payable: string;
  } | null;
  changeLog: string[];
  problem: { code: string; message: string; lineId: string | null } | null;
}

export type CartChange =
  | { kind: 'set-quantity'; lineId: string; quantity: string }
  | { kind: 'set-price'; lineId: string; price: string }
  | { kind: 'remove'; lineId: string };

export interface MessageSummary {
  id: string;
  direction: 'inbound' | 'outbound' | 'internal';
  kind: string;
  state: string;
  senderId: string | null;
  receiverId: string | null;
  documentTypeId: string | null;
  processId: string | null;
  as4MessageId: string | null;
  conversationId: string | null;
  sbdhInstanceId: string | null;
  sendingAp: string | null;
  receivingAp: string | null;
  payloadSize: number | null;
  relatedMessageId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEvent {
  at: string;
  fromState: string | null;
  toState: string;
  actor: string;
  reason: string | null;
  data: unknown;
}

export interface StoredDocument {
  role: string;
  mediaType: string;
  size: number;
  sha256: string;
  href: string;
}

export interface MessageDetail extends MessageSummary {
  countryC1: string | null;
  attributes: Record<string, unknown>;
  hasValidationReport: boolean;
  failure: unknown;
  timeline: TimelineEvent[];
  documents: StoredDocument[];
}

export interface Delivery {
  id: string;
  eventId: string;
  routeId: string;
  eventType: string;
  webhookId: string;
  state: 'pending' | 'sending' | 'delivered' | 'failed';
  generation: number;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
  failedAt: string | null;
}

export interface FiredRule {
  id: string;
  flag: 'fatal' | 'warning' | 'information';
  location: string;
  text: string;
  test?: string;
}

export interface ValidationReport {
  transaction: string | null;
  valid: boolean;
  fired: FiredRule[];
  release: string;
  firedTotal?: number;
  truncated?: boolean;
}

export interface QueueView {
  name: string;
  isPaused: boolean;
  counts: { waiting: number; active: number; delayed: number; failed: number; completed: number; paused: number };
  oldestWaitingAt: string | null;
}

export interface RouteView {
  id: string;
  kind: 'webhook' | 'as4' | 'operator';
  /** The served participant (buyer or supplier) whose back end the route reaches; null for an operator (alerts) route. */
  participantId: string | null;
  /** Alias of participantId. */
  supplierId: string | null;
  documentTypeId: string | null;
  name: string;
  enabled: boolean;
  disabledReason: string | null;
  url?: string;
}

export interface CertificateView {
  subject: string;
  subjectCn: string | null;
  issuer: string;
  notAfter: string;
  daysLeft: number;
}

export interface Certificates {
  stage: string;
  certificate: CertificateView;
  expiresSoon: boolean;
  expiryWarningDays: number;
  slots: Array<{ slot: 'current' | 'next'; signing: boolean; certificate: CertificateView }>;
  rolloverAt: string | null;
}

export interface RuleRelease {
  version: string;
  origin: 'shipped' | 'installed';
  active: boolean;
  transactions: string[];
}

export interface ReportingPeriodReport {
  messageId: string;
  state: string;
  receiptSha256: string | null;
  sentAt: string | null;
  failure: { stage: string; code: string; message: string } | null;
}

export interface ReportingPeriod {
  period: string;
  state: 'open' | 'unsent' | 'invalid' | 'sending' | 'sent' | 'send-failed';
  sends: number;
  sentAt: string | null;
  counts: { incoming: number; outgoing: number; sendingEndUsers: number; receivingEndUsers: number; sendingOrReceivingEndUsers: number } | null;
  tsr: ReportingPeriodReport | null;
  eusr: ReportingPeriodReport | null;
  failure: { stage: string; code: string; message: string } | null;
}

/**
 * How the sample OMS answers a received order through the access point's back-end API
 * (`POST /api/v1/orders/{messageId}/response`), from the buttons on its page: accept, reject, or
 * change the quantity of one line. The form fields become the API's JSON body here (pure); the
 * client below sends it.
 */
export interface AnswerBody {
  code: 'accepted' | 'rejected' | 'changed';
  note?: string;
  lines?: Array<{ lineId: string; code: 'changed'; quantity: string }>;
}

export class AnswerFormError extends Error {
  override name = 'AnswerFormError';
}

const DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;

/** The API body for a submitted answer form: `action` accept | reject | change (with `lineId`, `quantity`), optional `note`. */
export function answerFromForm(form: URLSearchParams): AnswerBody {
  const action = form.get('action');
  const note = form.get('note')?.trim() || undefined;
  if (note && note.length > 2_000) throw new AnswerFormError('the note is longer than 2000 characters');
  if (action === 'accept') return { code: 'accepted', ...(note ? { note } : {}) };
  if (action === 'reject') return { code: 'rejected', ...(note ? { note } : {}) };
  if (action === 'change') {
    const lineId = form.get('lineId')?.trim();
    const quantity = form.get('quantity')?.trim();
    if (!lineId) throw new AnswerFormError('choose the line to change');
    if (!quantity || !DECIMAL.test(quantity) || Number(quantity) <= 0) throw new AnswerFormError('the new quantity must be a number above 0, e.g. 4 or 2.5');
    return { code: 'changed', ...(note ? { note } : {}), lines: [{ lineId, code: 'changed', quantity }] };
  }
  throw new AnswerFormError('unknown action: accept, reject or change');
}

/** What became of an answer: the access point's reply (status and body), kept for the page. */
export interface AnswerOutcome {
  at: string;
  request: AnswerBody;
  status: number;
  /** `responseCode` and the Order Response's `id` on success; the problem's `detail` otherwise. */
  summary: string;
}

/** Calls the access point's back-end API with a backend key (the OMS's participant). */
export class AccessPointClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  async answer(orderMessageId: string, body: AnswerBody): Promise<{ status: number; summary: string }> {
    const res = await fetch(`${this.baseUrl.replace(/\/+$/, '')}/api/v1/orders/${encodeURIComponent(orderMessageId)}/response`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const reply = (await res.json().catch(() => ({}))) as { id?: string; responseCode?: string; detail?: string };
    const summary = res.ok ? `sent ${reply.responseCode ?? ''} as order response ${reply.id ?? ''}`.trim() : `refused (${res.status}): ${reply.detail ?? res.statusText}`;
    return { status: res.status, summary: summary.slice(0, 500) };
  }
}

import { useEffect, useState } from 'preact/hooks';
import { MESSAGE_STATES } from '../../../src/messages/message-states.js';
import { qualifiedDocumentTypeId } from '../../../src/peppol/identifiers.js';
import { PEPPOL_DOCUMENT_KINDS, TRANSACTION_TABLE } from '../../../src/peppol/transactions.js';
import { api, query, type MessageSummary } from '../api.js';
import { dateTime, shortId } from '../format.js';
import { go, href } from '../router.js';
import { ErrorBox, Loading, messageOf, StateBadge } from '../ui.js';

// Document types and kinds from the server's own tables (src/peppol), not retyped here.
const DOCUMENT_TYPES = TRANSACTION_TABLE.map((t) => ({ id: qualifiedDocumentTypeId(t.documentTypeId), label: `${t.id} ${t.name}` }));
const KINDS = PEPPOL_DOCUMENT_KINDS;
const FILTERS = ['q', 'state', 'direction', 'kind', 'sender', 'receiver', 'documentType', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function filtersOf(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** A datetime-local value (the reader's zone) as ISO 8601 for the API. */
function isoOf(local: string | undefined): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Search messages by business or technical id, with filters; the search lives in the address (linkable, back button). */
export function MessagesPage({ params }: { params: URLSearchParams }) {
  const applied = filtersOf(params);
  const appliedKey = JSON.stringify(applied);
  const [form, setForm] = useState<Filters>(applied);
  const [rows, setRows] = useState<MessageSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api<{ data: MessageSummary[]; nextCursor: string | null }>(
        `/admin/messages${query({ ...applied, from: isoOf(applied.from), to: isoOf(applied.to), cursor: after, limit: 50 })}`,
      );
      setRows((before) => (after && before ? [...before, ...page.data] : page.data));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(messageOf(e));
      if (!after) setRows(null);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    setForm(applied);
    void load(null);
  }, [appliedKey]);

  const activeFilters = FILTERS.filter((name) => name !== 'q' && applied[name]).length;
  // Open on a wide screen, or when a filter is set; folded on a phone.
  const filtersOpen = activeFilters > 0 || matchMedia('(min-width: 721px)').matches;
  const set = (name: keyof Filters) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => setForm((f) => ({ ...f, [name]: e.currentTarget.value }));

  return (
    <>
      <h1>Messages</h1>
      <form class="search" role="search" onSubmit={(e) => { e.preventDefault(); go('messages', form); }}>
        <div class="field wide">
          <label for="q">Order number, cart id, SBDH instance id, AS4 message id, conversation id or message id</label>
          <input id="q" type="search" value={form.q ?? ''} onInput={set('q')} spellcheck={false} />
        </div>
        <details class="filters" open={filtersOpen}>
          <summary>Filters{activeFilters ? ` (${activeFilters} set)` : ''}</summary>
          <div class="fields">
            <div class="field">
              <label for="state">State</label>
              <select id="state" value={form.state ?? ''} onChange={set('state')}>
                <option value="">any</option>
                {MESSAGE_STATES.map((s) => <option value={s}>{s}</option>)}
              </select>
            </div>
            <div class="field">
              <label for="direction">Direction</label>
              <select id="direction" value={form.direction ?? ''} onChange={set('direction')}>
                <option value="">any</option>
                <option value="inbound">inbound</option>
                <option value="outbound">outbound</option>
                <option value="internal">internal</option>
              </select>
            </div>
            <div class="field">
              <label for="kind">Kind</label>
              <select id="kind" value={form.kind ?? ''} onChange={set('kind')}>
                <option value="">any</option>
                {KINDS.map((k) => <option value={k}>{k}</option>)}
              </select>
            </div>
            <div class="field">
              <label for="documentType">Document type</label>
              <select id="documentType" value={form.documentType ?? ''} onChange={set('documentType')}>
                <option value="">any</option>
                {DOCUMENT_TYPES.map((d) => <option value={d.id}>{d.label}</option>)}
              </select>
            </div>
            <div class="field">
              <label for="sender">Sender (C1)</label>
              <input id="sender" placeholder="0088:5798009883964" value={form.sender ?? ''} onInput={set('sender')} spellcheck={false} />
            </div>
            <div class="field">
              <label for="receiver">Receiver (C4)</label>
              <input id="receiver" placeholder="0088:7315458756324" value={form.receiver ?? ''} onInput={set('receiver')} spellcheck={false} />
            </div>
            <div class="field">
              <label for="from">From</label>
              <input id="from" type="datetime-local" value={form.from ?? ''} onInput={set('from')} />
            </div>
            <div class="field">
              <label for="to">Until</label>
              <input id="to" type="datetime-local" value={form.to ?? ''} onInput={set('to')} />
            </div>
          </div>
        </details>
        <div class="field buttons">
          <button type="submit" class="primary">Search</button>
          <button type="button" onClick={() => go('messages')}>Clear</button>
        </div>
      </form>
      <ErrorBox error={error} />
      {loading && !rows && <Loading what="messages" />}
      {rows && rows.length === 0 && <p class="empty">No message matches.</p>}
      {rows && rows.length > 0 && (
        <table class="cards" aria-label="Messages">
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Message</th>
              <th scope="col">Kind</th>
              <th scope="col">State</th>
              <th scope="col">Sender → receiver</th>
              <th scope="col">SBDH instance</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} data-message={m.id}>
                <td data-label="Created">{dateTime(m.createdAt)}</td>
                <td data-label="Message"><a href={href(`messages/${m.id}`)} class="mono">{shortId(m.id)}</a></td>
                <td data-label="Kind">{m.direction} {m.kind}</td>
                <td data-label="State"><StateBadge state={m.state} /></td>
                <td data-label="Sender → receiver" class="mono">{m.senderId ?? '—'} → {m.receiverId ?? '—'}</td>
                <td data-label="SBDH instance" class="mono">{m.sbdhInstanceId ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && <button type="button" disabled={loading} onClick={() => void load(cursor)}>More</button>}
    </>
  );
}

import { useState } from 'preact/hooks';
import { REPROCESS_STAGES } from '../../../src/admin/messages/reprocess-stages.js';
import { api, ApiError, can, download, type Delivery, type Me, type MessageDetail, type MessageSummary, type ValidationReport } from '../api.js';
import { bytes, dateTime, groupRules, shortId } from '../format.js';
import { href } from '../router.js';
import { ErrorBox, Loading, messageOf, Section, StateBadge, useLoad } from '../ui.js';

/** Attributes worth showing by name (business ids first); the rest are listed as they are. */
const NAMED_ATTRIBUTES: Record<string, string> = {
  orderNumber: 'Order number',
  cartId: 'Cart id',
  transaction: 'Transaction',
  orderMessageId: 'Order message',
  cartMessageId: 'Cart message',
};

/** The message's technical ids and parties that it has (an internal message has no AS4 ids). */
function technicalIds(m: MessageDetail): Array<[string, string]> {
  const aps = m.sendingAp || m.receivingAp ? `${m.sendingAp ?? '—'} → ${m.receivingAp ?? '—'}` : null;
  const rows: Array<[string, string | null]> = [
    ['Message id', m.id],
    ['SBDH instance id', m.sbdhInstanceId],
    ['AS4 message id', m.as4MessageId],
    ['Conversation id', m.conversationId],
    ['Sender (C1)', m.senderId],
    ['Receiver (C4)', m.receiverId],
    ['Access points', aps],
    ['Document type', m.documentTypeId],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null && row[1] !== '');
}

/** One message: identifiers, timeline, validation report, related messages and deliveries, documents, and operator actions. */
export function MessagePage({ id, me }: { id: string; me: Me }) {
  const message = useLoad(() => api<MessageDetail>(`/admin/messages/${id}`), [id]);
  const related = useLoad(() => api<{ data: MessageSummary[]; deliveries: Delivery[] }>(`/admin/messages/${id}/related`), [id]);
  const m = message.data;
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => {
    message.reload();
    related.reload();
  };

  if (message.error) return <><h1>Message</h1><ErrorBox error={message.error} /></>;
  if (!m) return <Loading what="the message" />;
  const isOperator = can(me.role, 'operator');

  return (
    <>
      <div class="page-head">
        <h1>{m.direction} {m.kind} <span class="mono">{shortId(m.id)}</span></h1>
        <StateBadge state={m.state} />
        <button type="button" onClick={reload}>Refresh</button>
      </div>
      <dl class="facts ids">
        {Object.entries(NAMED_ATTRIBUTES).map(([key, label]) => {
          const value = m.attributes[key];
          if (typeof value !== 'string') return null;
          const link = key.endsWith('MessageId') ? href(`messages/${value}`) : null;
          return <><dt>{label}</dt><dd class="mono" data-attribute={key}>{link ? <a href={link}>{value}</a> : value}</dd></>;
        })}
        {technicalIds(m).map(([label, value]) => <><dt>{label}</dt><dd class="mono">{value}</dd></>)}
        <dt>Created</dt><dd>{dateTime(m.createdAt)}</dd>
      </dl>
      {m.failure != null && <Failure failure={m.failure} />}
      {notice && <p class="notice" role="status">{notice}</p>}
      {isOperator && m.state === 'failed' && <Reprocess id={m.id} onDone={(text) => { setNotice(text); reload(); }} />}

      <Section title="Timeline" id="timeline">
        <ol class="timeline">
          {m.timeline.map((e) => (
            <li>
              <time dateTime={e.at}>{dateTime(e.at)}</time>
              <span class="transition">{e.fromState ? <><StateBadge state={e.fromState} /> → </> : null}<StateBadge state={e.toState} /></span>
              <span class="actor">{e.actor}</span>
              {e.reason && <span class="reason">{e.reason}</span>}
            </li>
          ))}
        </ol>
      </Section>

      {m.hasValidationReport && <Validation id={m.id} />}

      <Section title="Related messages" id="related">
        <ErrorBox error={related.error} />
        {related.data && related.data.data.length === 0 && <p class="empty">None.</p>}
        {related.data && related.data.data.length > 0 && (
          <ul class="related">
            {related.data.data.map((r) => (
              <li><a href={href(`messages/${r.id}`)}>{r.direction} {r.kind}</a> <StateBadge state={r.state} /> <span class="muted">{dateTime(r.createdAt)}</span></li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Deliveries" id="deliveries">
        {related.data && related.data.deliveries.length === 0 && <p class="empty">No webhook delivery for this message.</p>}
        {related.data && related.data.deliveries.length > 0 && (
          <Deliveries deliveries={related.data.deliveries} mayReplay={isOperator} onReplayed={related.reload} />
        )}
      </Section>

      <Section title="Documents" id="documents">
        {m.documents.length === 0 && <p class="empty">No stored document.</p>}
        <ul class="documents">
          {m.documents.map((d) => <DocumentLink messageId={m.id} doc={d} />)}
        </ul>
      </Section>
    </>
  );
}

function Failure({ failure }: { failure: unknown }) {
  const f = failure as { stage?: string; code?: string; message?: string };
  return (
    <p class="error" role="alert">
      Failed{f.stage ? ` at ${f.stage}` : ''}{f.code ? ` (${f.code})` : ''}: {f.message ?? JSON.stringify(failure)}
    </p>
  );
}

function Reprocess({ id, onDone }: { id: string; onDone: (result: string) => void }) {
  const [stage, setStage] = useState<string>(REPROCESS_STAGES[0]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ message: MessageSummary; job: { queue: string; jobId: string } }>(`/admin/messages/${id}/reprocess`, { method: 'POST', body: { stage } });
      onDone(`Queued on ${r.job.queue}; the message is ${r.message.state} again.`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="panel inline" onSubmit={run} aria-label="Reprocess">
      <label for="stage">Process again from</label>
      <select id="stage" value={stage} onChange={(e) => setStage(e.currentTarget.value)}>
        {REPROCESS_STAGES.map((s) => <option value={s}>{s}</option>)}
      </select>
      <button type="submit" disabled={busy}>Reprocess</button>
      <ErrorBox error={error} />
    </form>
  );
}

function Validation({ id }: { id: string }) {
  const report = useLoad(() => api<{ report: ValidationReport }>(`/admin/messages/${id}/validation`).then((r) => r.report), [id]);
  const r = report.data;
  return (
    <Section title="Validation report" id="validation">
      <ErrorBox error={report.error} />
      {r && (
        <>
          <p class={r.valid ? 'ok' : 'error'}>
            {r.valid ? 'Valid' : 'Not valid'} under the {r.transaction ?? ''} rules, release {r.release}.
            {' '}{r.fired.length === 0 ? 'No rule fired.' : `${r.firedTotal ?? r.fired.length} findings${r.truncated ? ` (the ${r.fired.length} most severe kept)` : ''}.`}
          </p>
          {r.fired.length > 0 && (
            <ul class="rules">
              {groupRules(r.fired).map((g) => (
                <li class={`flag-${g.flag}`}>
                  <span class={`flag flag-${g.flag}`}>{g.flag}</span> <strong class="mono">{g.id}</strong> {g.text}
                  <details>
                    <summary>{g.locations.length === 1 ? 'where' : `${g.locations.length} places`}</summary>
                    <ul class="mono locations">{g.locations.map((l) => <li>{l}</li>)}</ul>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Section>
  );
}

function Deliveries({ deliveries, mayReplay, onReplayed }: { deliveries: Delivery[]; mayReplay: boolean; onReplayed: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  async function replay(d: Delivery) {
    setBusy(d.id);
    setError(null);
    try {
      await api<Delivery>(`/admin/deliveries/${d.id}/replay`, { method: 'POST' });
      onReplayed();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }
  return (
    <>
      <table class="cards" aria-label="Deliveries">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">State</th>
            <th scope="col" class="num">Run</th>
            <th scope="col" class="num">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col">Updated</th>
            {mayReplay && <th scope="col"><span class="sr-only">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr data-delivery={d.id} data-state={d.state}>
              <td data-label="Event">{d.eventType}</td>
              <td data-label="State"><StateBadge state={d.state} /></td>
              <td data-label="Run" class="num">{d.generation}</td>
              <td data-label="Attempts" class="num">{d.attempts}</td>
              <td data-label="Last error">{d.lastError ?? '—'}</td>
              <td data-label="Updated">{dateTime(d.updatedAt)}</td>
              {mayReplay && (
                <td>
                  {(d.state === 'failed' || d.state === 'delivered') && (
                    <button type="button" disabled={busy === d.id} onClick={() => void replay(d)}>Replay</button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorBox error={error} />
    </>
  );
}

function DocumentLink({ messageId, doc }: { messageId: string; doc: MessageDetail['documents'][number] }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <li>
      <button type="button" class="link" onClick={() => download(doc.href, `${messageId}-${doc.role}`).catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)))}>
        {doc.role}
      </button>{' '}
      <span class="muted">{doc.mediaType.split(';')[0]}, {bytes(doc.size)}</span>
      {error && <span class="error"> {error}</span>}
    </li>
  );
}

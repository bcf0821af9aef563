import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, can, type CartChange, type CartPreview, type Delivery, type Me, type MessageDetail, type MessageSummary } from '../api.js';
import { money } from '../format.js';
import { href } from '../router.js';
import { ErrorBox, Loading, messageOf, StateBadge, useLoad } from '../ui.js';

interface LineEdit {
  quantity?: string;
  price?: string;
  removed?: boolean;
}

/** The buyer's edits as the API's change list; an edit back to the cart's own value is no change. */
function changesOf(cart: CartPreview, edits: Record<string, LineEdit>): CartChange[] {
  const changes: CartChange[] = [];
  for (const line of cart.lines) {
    const edit = edits[line.id];
    if (!edit) continue;
    if (edit.removed) {
      changes.push({ kind: 'remove', lineId: line.id });
      continue;
    }
    if (edit.quantity !== undefined && edit.quantity.trim() !== line.quantity.value) changes.push({ kind: 'set-quantity', lineId: line.id, quantity: edit.quantity.trim() });
    if (edit.price !== undefined && edit.price.trim() !== line.price) changes.push({ kind: 'set-price', lineId: line.id, price: edit.price.trim() });
  }
  return changes;
}

const DECIDABLE = 'awaiting-approval';

/** One cart: its lines, changes with recomputed totals, and the decision. */
export function ApprovalPage({ id, me }: { id: string; me: Me }) {
  const original = useLoad(() => api<CartPreview>(`/admin/approvals/${id}/cart`), [id]);
  const [edits, setEdits] = useState<Record<string, LineEdit>>({});
  // The preview for the changes named by `key` (the JSON of the change list).
  const [previewed, setPreviewed] = useState<{ key: string; preview: CartPreview | null; error: string | null }>({ key: '[]', preview: null, error: null });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [decisionError, setDecisionError] = useState<string | null>(null);
  const [decided, setDecided] = useState<string | null>(null);

  const cart = original.data;
  const changes = useMemo(() => (cart ? changesOf(cart, edits) : []), [cart, edits]);
  const changesKey = JSON.stringify(changes);

  // Totals come from the server (the code that makes the order), asked again shortly after each edit.
  useEffect(() => {
    if (!cart) return;
    if (changes.length === 0) {
      setPreviewed({ key: changesKey, preview: cart, error: null });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api<CartPreview>(`/admin/approvals/${id}/cart?changes=${encodeURIComponent(changesKey)}`).then(
        (preview) => current && setPreviewed({ key: changesKey, preview, error: null }),
        (e: unknown) => current && setPreviewed({ key: changesKey, preview: null, error: messageOf(e) }),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [cart, changesKey]);

  if (original.error) return <><h1>Cart</h1><ErrorBox error={original.error} /></>;
  if (!cart) return <Loading what="the cart" />;

  const mayDecide = can(me.role, 'operator') && cart.state === DECIDABLE && !decided;
  const upToDate = previewed.key === changesKey;
  const shown = previewed.preview ?? cart;
  const previewError = upToDate ? previewed.error : null;
  const edit = (lineId: string, patch: LineEdit) => setEdits((all) => ({ ...all, [lineId]: { ...all[lineId], ...patch } }));
  // No decision on totals not yet recomputed for the edits as they stand.
  const blocked = !upToDate || !!previewError || !!shown.problem;

  async function decide(kind: 'approve' | 'approve-with-changes' | 'reject') {
    setBusy(true);
    setDecisionError(null);
    try {
      const body = kind === 'reject' ? { reason } : kind === 'approve-with-changes' ? { changes } : undefined;
      const result = await api<MessageSummary>(`/admin/approvals/${id}/${kind}`, { method: 'POST', body });
      setDecided(result.state);
    } catch (e) {
      setDecisionError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div class="page-head">
        <h1>Cart {cart.cartId}</h1>
        <StateBadge state={decided ?? cart.state} />
      </div>
      <dl class="facts">
        <dt>Supplier</dt><dd>{cart.sellerName}</dd>
        <dt>Valid until</dt><dd>{cart.validUntil ?? '—'}</dd>
        <dt>Ordered</dt><dd>{cart.completeCart ? 'as a whole only (complete cart): lines and quantities are fixed' : 'line by line'}</dd>
        <dt>Message</dt><dd><a href={href(`messages/${cart.messageId}`)}>timeline and documents</a></dd>
      </dl>

      <table class="cards lines" aria-label="Cart lines">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Item</th>
            <th scope="col" class="num">Quantity</th>
            <th scope="col">Unit</th>
            <th scope="col" class="num">Price</th>
            <th scope="col">Per</th>
            <th scope="col" class="num">Line total</th>
            {mayDecide && cart.allowed.removeLines && <th scope="col">Remove</th>}
          </tr>
        </thead>
        <tbody>
          {shown.lines.map((line, i) => {
            const sent = cart.lines[i]!;
            const e = edits[line.id] ?? {};
            const changed = !line.removed && (line.orderedQuantity?.value !== sent.quantity.value || line.orderedPrice !== sent.price);
            return (
              <tr key={line.id} data-line={line.id} class={line.removed || e.removed ? 'removed' : changed ? 'changed' : ''}>
                <td data-label="Line">{line.id}</td>
                <td data-label="Item">{line.name} {line.sellersId && <span class="muted mono">{line.sellersId}</span>}</td>
                <td data-label="Quantity" class="num">
                  {mayDecide && cart.allowed.quantities && !e.removed ? (
                    <input class="qty" inputMode="decimal" aria-label={`Quantity of line ${line.id}`} value={e.quantity ?? sent.quantity.value} onInput={(ev) => edit(line.id, { quantity: ev.currentTarget.value })} />
                  ) : (
                    line.orderedQuantity?.value ?? sent.quantity.value
                  )}
                </td>
                <td data-label="Unit">{sent.quantity.unitCode}</td>
                <td data-label="Price" class="num">
                  {mayDecide && cart.allowed.prices && !e.removed ? (
                    <input class="price" inputMode="decimal" aria-label={`Price of line ${line.id}`} value={e.price ?? sent.price} onInput={(ev) => edit(line.id, { price: ev.currentTarget.value })} />
                  ) : (
                    money(line.orderedPrice ?? sent.price, cart.currency)
                  )}
                </td>
                <td data-label="Per">{sent.baseQuantity ? `${sent.baseQuantity.value} ${sent.baseQuantity.unitCode}` : `1 ${sent.quantity.unitCode}`}</td>
                <td data-label="Line total" class="num">{line.removed ? 'removed' : money(line.lineExtension, cart.currency)}</td>
                {mayDecide && cart.allowed.removeLines && (
                  <td data-label="Remove">
                    <input type="checkbox" aria-label={`Remove line ${line.id}`} checked={!!e.removed} onChange={(ev) => edit(line.id, { removed: ev.currentTarget.checked })} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>

      <Totals totals={shown.totals} currency={cart.currency} />
      <div aria-live="polite">
        <ErrorBox error={previewError} />
        {shown.problem && <p class="error" role="alert">Cannot be ordered like this: {shown.problem.message}</p>}
        {changes.length > 0 && shown.changeLog.length > 0 && (
          <ul class="change-log" aria-label="Changes">
            {shown.changeLog.map((c) => <li>{c}</li>)}
          </ul>
        )}
      </div>

      {!can(me.role, 'operator') && cart.state === DECIDABLE && <p class="muted">Your key can look at this cart; deciding needs an operator key.</p>}
      {mayDecide && (
        <section class="panel decide" aria-label="Decision">
          <h2>Decision</h2>
          <div class="actions">
            {changes.length === 0 ? (
              <button type="button" class="primary" disabled={busy || blocked} onClick={() => decide('approve')}>Approve</button>
            ) : (
              <button type="button" class="primary" disabled={busy || blocked} onClick={() => decide('approve-with-changes')}>Approve with changes</button>
            )}
            {changes.length > 0 && <button type="button" disabled={busy} onClick={() => setEdits({})}>Undo changes</button>}
          </div>
          <form class="reject" onSubmit={(e) => { e.preventDefault(); if (reason.trim()) void decide('reject'); }}>
            <label for="reject-reason">Reason for rejecting</label>
            <textarea id="reject-reason" rows={2} maxLength={1000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            <button type="submit" class="danger" disabled={busy || !reason.trim()}>Reject</button>
          </form>
          <ErrorBox error={decisionError} />
        </section>
      )}

      {(decided || cart.state !== DECIDABLE) && <Outcome cartMessageId={id} currency={cart.currency} />}
    </>
  );
}

function Totals({ totals, currency }: { totals: CartPreview['totals']; currency: string | null }) {
  if (!totals) return null;
  return (
    <dl class="totals" aria-label="Order totals">
      <dt>Lines</dt><dd>{money(totals.lineExtension, currency)}</dd>
      {totals.allowanceTotal && <><dt>Allowances</dt><dd>−{money(totals.allowanceTotal, currency)}</dd></>}
      {totals.chargeTotal && <><dt>Charges</dt><dd>{money(totals.chargeTotal, currency)}</dd></>}
      <dt>Net total</dt><dd>{money(totals.taxExclusive, currency)}</dd>
      {totals.taxTotal && <><dt>VAT</dt><dd>{money(totals.taxTotal, currency)}</dd></>}
      <dt class="grand">Total</dt><dd class="grand" data-total="payable">{money(totals.payable, currency)}</dd>
    </dl>
  );
}

interface OutcomeView {
  cart: MessageDetail;
  totals: CartPreview['totals'];
  order: MessageDetail | null;
  deliveries: Delivery[];
}

const SETTLED_DELIVERY = new Set(['delivered', 'failed']);

/** The changes the approver made, as recorded on the cart. */
function approvedChanges(cart: MessageDetail): CartChange[] {
  const approval = cart.attributes.approval as { changes?: CartChange[] } | undefined;
  return Array.isArray(approval?.changes) ? approval.changes : [];
}

/**
 * What became of a decided cart: its order (number, total) and the order's delivery, followed until
 * settled. The total is the server's, for the cart with the recorded changes.
 */
function Outcome({ cartMessageId, currency }: { cartMessageId: string; currency: string | null }) {
  const [view, setView] = useState<OutcomeView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = Date.now();
    const poll = async () => {
      try {
        const cart = await api<MessageDetail>(`/admin/messages/${cartMessageId}`);
        const orderId = typeof cart.attributes.orderMessageId === 'string' ? cart.attributes.orderMessageId : null;
        const order = orderId ? await api<MessageDetail>(`/admin/messages/${orderId}`) : null;
        const deliveries = orderId ? (await api<{ data: MessageSummary[]; deliveries: Delivery[] }>(`/admin/messages/${orderId}/related`)).deliveries : [];
        const ordered = cart.state === 'order-created' || cart.state === 'approved' || cart.state === 'changed';
        const totals = ordered ? (await api<CartPreview>(`/admin/approvals/${cartMessageId}/cart?changes=${encodeURIComponent(JSON.stringify(approvedChanges(cart)))}`)).totals : null;
        if (stopped) return;
        setView({ cart, totals, order, deliveries });
        const waiting = ['approved', 'changed'].includes(cart.state) || (order !== null && (deliveries.length === 0 || deliveries.some((d) => !SETTLED_DELIVERY.has(d.state))));
        if (waiting && Date.now() - started < 120_000) timer = setTimeout(poll, 1_000);
      } catch (e) {
        if (!stopped) setError(messageOf(e));
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [cartMessageId]);

  const orderNumber = view && typeof view.cart.attributes.orderNumber === 'string' ? view.cart.attributes.orderNumber : null;
  const lastEvent = view?.cart.timeline.at(-1);
  return (
    <section class="panel outcome" aria-label="Outcome" aria-live="polite">
      <h2>Outcome</h2>
      <ErrorBox error={error} />
      {!view && !error && <Loading what="the outcome" />}
      {view && (
        <dl class="facts">
          <dt>Cart</dt><dd><StateBadge state={view.cart.state} /> {lastEvent?.reason && <span class="muted">{lastEvent.reason}</span>}</dd>
          {(view.cart.state === 'approved' || view.cart.state === 'changed') && <><dt>Order</dt><dd>being made…</dd></>}
          {orderNumber && (
            <>
              <dt>Order number</dt>
              <dd data-order-number={orderNumber}>{view.order ? <a href={href(`messages/${view.order.id}`)}>{orderNumber}</a> : orderNumber}</dd>
            </>
          )}
          {orderNumber && view.totals && <><dt>Order total</dt><dd data-order-total>{money(view.totals.payable, currency)}</dd></>}
          {view.order && (
            <>
              <dt>Delivery</dt>
              <dd data-delivery>
                {view.deliveries.length === 0 ? <span>{view.order.state === 'created' ? 'waiting for delivery…' : <StateBadge state={view.order.state} />}</span> : view.deliveries.map((d) => (
                  <span class="delivery"><StateBadge state={d.state} /> {d.eventType} {d.lastError && <span class="muted">({d.lastError})</span>}</span>
                ))}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

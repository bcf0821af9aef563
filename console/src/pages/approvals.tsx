import { api, type CartPreview, type PendingApproval } from '../api.js';
import { ageOf, dateTime, money } from '../format.js';
import { href } from '../router.js';
import { ErrorBox, Loading, useLoad } from '../ui.js';

interface Row extends PendingApproval {
  cart: CartPreview | null;
}

/** Carts awaiting a decision, oldest first, with what an approver needs to pick one. */
export function ApprovalsPage() {
  const list = useLoad(async () => {
    const { data } = await api<{ data: PendingApproval[] }>('/admin/approvals?limit=100');
    // The seller's name and the cart's own validity come from the cart itself.
    const carts = await Promise.all(data.map((a) => api<CartPreview>(`/admin/approvals/${a.messageId}/cart`).catch(() => null)));
    return data.map((a, i): Row => ({ ...a, cart: carts[i] ?? null }));
  }, []);

  return (
    <>
      <div class="page-head">
        <h1>Approvals</h1>
        <button type="button" onClick={list.reload}>Refresh</button>
      </div>
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading what="carts awaiting a decision" />}
      {list.data && list.data.length === 0 && <p class="empty">No cart is waiting for a decision.</p>}
      {list.data && list.data.length > 0 && (
        <table class="cards" aria-label="Carts awaiting a decision">
          <thead>
            <tr>
              <th scope="col">Cart</th>
              <th scope="col">Supplier</th>
              <th scope="col" class="num">Total (net)</th>
              <th scope="col">Valid until</th>
              <th scope="col">Decide by</th>
              <th scope="col">Age</th>
              <th scope="col">Why it waits</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((a) => (
              <tr key={a.messageId} data-cart={a.cartId}>
                <td data-label="Cart"><a href={href(`approvals/${a.messageId}`)}>{a.cartId}</a> <span class="muted">{a.lineCount} lines</span></td>
                <td data-label="Supplier">{a.cart?.sellerName ?? '—'} <span class="muted mono">{a.sellerId ?? ''}</span></td>
                <td data-label="Total (net)" class="num">{money(a.netTotal, a.currency)}</td>
                <td data-label="Valid until">{a.cart?.validUntil ?? '—'}</td>
                <td data-label="Decide by">{dateTime(a.deadline)}</td>
                <td data-label="Age">{ageOf(a.createdAt)}</td>
                <td data-label="Why it waits">{a.reasons.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

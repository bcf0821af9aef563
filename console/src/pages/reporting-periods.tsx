import { useState } from 'preact/hooks';
import { api, can, download, type Me, type ReportingPeriod } from '../api.js';
import { dateTime } from '../format.js';
import { ErrorBox, Loading, messageOf, Section, StateBadge, useLoad } from '../ui.js';

/** Peppol Reporting: each month's TSR and EUSR, their state and receipts; an operator sends a closed month again. */
export function ReportingPeriodsPanel({ me }: { me: Me }) {
  const periods = useLoad(() => api<{ data: ReportingPeriod[] }>('/admin/reporting/periods').then((r) => r.data), []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const resend = async (period: string) => {
    setBusy(period);
    setError(null);
    try {
      await api(`/admin/reporting/periods/${period}/send`, { method: 'POST' });
      periods.reload();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const get = (period: string, report: 'tsr' | 'eusr') =>
    download(`/admin/reporting/periods/${period}/${report}`, `${report}-${period}.xml`).catch((e: unknown) => setError(messageOf(e)));

  return (
    <Section title="Reporting periods" id="reporting">
      <ErrorBox error={periods.error ?? error} />
      {!periods.data && !periods.error && <Loading what="reporting periods" />}
      {periods.data && (
        <table class="cards" aria-label="Reporting periods">
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">State</th>
              <th scope="col">Counts</th>
              <th scope="col">Sent</th>
              <th scope="col">Reports</th>
            </tr>
          </thead>
          <tbody>
            {periods.data.map((p) => (
              <tr data-period={p.period} data-state={p.state}>
                <td data-label="Period">{p.period}</td>
                <td data-label="State">
                  <span>
                    <StateBadge state={p.state} />
                    {p.failure && <span class="muted"> {p.failure.code}: {p.failure.message}</span>}
                    {!p.failure && (p.tsr?.failure ?? p.eusr?.failure) && <span class="muted"> {(p.tsr?.failure ?? p.eusr?.failure)!.code}</span>}
                  </span>
                </td>
                <td data-label="Counts">
                  {p.counts ? (
                    <span>
                      {p.counts.incoming} in / {p.counts.outgoing} out · {p.counts.sendingOrReceivingEndUsers} end users
                    </span>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
                <td data-label="Sent">{p.sentAt ? `${dateTime(p.sentAt)}${p.sends > 1 ? ` (send ${p.sends})` : ''}` : <span class="muted">—</span>}</td>
                <td data-label="Reports">
                  <span>
                    <button type="button" class="link" onClick={() => void get(p.period, 'tsr')}>TSR</button>{' '}
                    <button type="button" class="link" onClick={() => void get(p.period, 'eusr')}>EUSR</button>
                    {can(me.role, 'operator') && p.state !== 'open' && (
                      <>
                        {' '}
                        <button type="button" disabled={busy !== null} onClick={() => void resend(p.period)}>
                          {busy === p.period ? 'Sending…' : p.sends > 0 ? 'Send again' : 'Send'}
                        </button>
                      </>
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="muted small">
        Sent to OpenPeppol on the configured day of the next month (by the 15th); the latest send of a period is the one that counts.
      </p>
    </Section>
  );
}

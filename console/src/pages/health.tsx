import { api, type Certificates, type Delivery, type Me, type QueueView, type RouteView, type RuleRelease } from '../api.js';
import { ageOf, dateTime, routeOutcomes, type RouteOutcomes } from '../format.js';
import { ErrorBox, Loading, Section, StateBadge, useLoad } from '../ui.js';
import { ReportingPeriodsPanel } from './reporting-periods.js';

const RECENT_DELIVERIES = 20;

/** Queues, webhook routes, certificates, rule releases and Peppol Reporting periods at a glance. */
export function HealthPage({ me }: { me: Me }) {
  const queues = useLoad(() => api<{ data: QueueView[] }>('/admin/queues').then((r) => r.data), []);
  const routes = useLoad(async () => {
    const { data } = await api<{ data: RouteView[] }>('/admin/routes');
    const recent = await Promise.all(data.map((r) => api<{ data: Delivery[] }>(`/admin/deliveries?routeId=${r.id}&limit=${RECENT_DELIVERIES}`).then((d) => d.data)));
    return data.map((route, i) => ({ route, outcomes: routeOutcomes(recent[i] ?? []) }));
  }, []);
  const certificates = useLoad(() => api<Certificates>('/admin/certificates'), []);
  const rules = useLoad(() => api<{ data: RuleRelease[] }>('/admin/rules/releases').then((r) => r.data), []);
  const reload = () => [queues, routes, certificates, rules].forEach((l) => l.reload());

  return (
    <>
      <div class="page-head">
        <h1>Health</h1>
        <button type="button" onClick={reload}>Refresh</button>
      </div>
      <div class="grid">
        <Section title="Queues" id="queues">
          <ErrorBox error={queues.error} />
          {!queues.data && !queues.error && <Loading what="queues" />}
          {queues.data && (
            <div class="scroll">
              <table class="compact" aria-label="Queues">
                <thead>
                  <tr>
                    <th scope="col">Queue</th>
                    <th scope="col" class="num">Waiting</th>
                    <th scope="col" class="num">Active</th>
                    <th scope="col" class="num">Delayed</th>
                    <th scope="col" class="num">Failed</th>
                    <th scope="col">Oldest</th>
                  </tr>
                </thead>
                <tbody>
                  {queues.data.map((q) => (
                    <tr data-queue={q.name}>
                      <th scope="row">{q.name}{q.isPaused && <span class="state state-paused">paused</span>}</th>
                      <td class="num">{q.counts.waiting}</td>
                      <td class="num">{q.counts.active}</td>
                      <td class="num">{q.counts.delayed}</td>
                      <td class={q.counts.failed ? 'num bad' : 'num'}>{q.counts.failed}</td>
                      <td>{q.oldestWaitingAt ? ageOf(q.oldestWaitingAt) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p><a href="/admin/dashboard" target="_blank" rel="noopener noreferrer">Open Bull Board</a> <span class="muted">(asks for the API key as the password)</span></p>
        </Section>

        <Section title="Certificates" id="certificates">
          <ErrorBox error={certificates.error} />
          {certificates.data && (
            <ul class="plain">
              {certificates.data.slots.map((s) => (
                <li data-slot={s.slot}>
                  <strong>{s.slot}</strong>{s.signing && ' (signing)'}: {s.certificate.subjectCn ?? s.certificate.subject}
                  {' — '}
                  <span class={s.certificate.daysLeft < certificates.data!.expiryWarningDays ? 'bad' : 'ok'} data-days-left={s.certificate.daysLeft}>
                    {s.certificate.daysLeft} days to expiry
                  </span>{' '}
                  <span class="muted">({dateTime(s.certificate.notAfter)}, stage {certificates.data!.stage})</span>
                </li>
              ))}
              {certificates.data.rolloverAt && <li>Rollover at {dateTime(certificates.data.rolloverAt)}</li>}
            </ul>
          )}
        </Section>

        <Section title="Rule releases" id="rules">
          <ErrorBox error={rules.error} />
          {rules.data && (
            <ul class="plain">
              {rules.data.map((r) => (
                <li>
                  <strong>{r.version}</strong> {r.origin}{r.active && <span class="state state-active">active</span>}{' '}
                  <span class="muted">{r.transactions.join(', ')}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section title="Webhook routes" id="routes">
          <ErrorBox error={routes.error} />
          {routes.data && routes.data.length === 0 && <p class="empty">No route configured.</p>}
          {routes.data && routes.data.length > 0 && (
            <table class="cards" aria-label="Routes">
              <thead>
                <tr>
                  <th scope="col">Route</th>
                  <th scope="col">Participant</th>
                  <th scope="col">Last {RECENT_DELIVERIES} deliveries</th>
                  <th scope="col">Endpoint</th>
                </tr>
              </thead>
              <tbody>
                {routes.data.map(({ route, outcomes }) => (
                  <tr data-route={route.id}>
                    <td data-label="Route">{route.name} <span class="muted">{route.kind}</span>{!route.enabled && <span class="state state-failed" title={route.disabledReason ?? ''}>disabled</span>}</td>
                    <td data-label="Participant" class="mono">{route.participantId ?? 'operator alerts'}</td>
                    <td data-label={`Last ${RECENT_DELIVERIES} deliveries`}>
                      <span>
                        {outcomes.delivered} delivered, <span class={outcomes.failed ? 'bad' : ''}>{outcomes.failed} failed</span>, {outcomes.pending} pending
                        {outcomes.lastDeliveredAt && <span class="muted"> · last delivered {ageOf(outcomes.lastDeliveredAt)} ago</span>}
                      </span>
                    </td>
                    <td data-label="Endpoint"><span><Breaker outcomes={outcomes} /></span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p class="muted small">
            Each worker keeps its own circuit breaker per endpoint in memory; the endpoint column reads it from the recorded
            outcomes: failures in a row since the last delivery, and the last error.
          </p>
        </Section>

        <ReportingPeriodsPanel me={me} />
      </div>
    </>
  );
}

function Breaker({ outcomes }: { outcomes: RouteOutcomes }) {
  if (outcomes.delivered + outcomes.failed === 0) return <span class="muted">no finished delivery yet</span>;
  if (outcomes.failingInARow === 0) return <StateBadge state="healthy" />;
  return (
    <>
      <StateBadge state="failing" /> {outcomes.failingInARow} failed in a row{outcomes.lastError && <span class="muted"> · {outcomes.lastError}</span>}
    </>
  );
}

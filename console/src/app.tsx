import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, session, whenKeyRefused, type Me } from './api.js';
import { ApprovalPage } from './pages/approval.js';
import { ApprovalsPage } from './pages/approvals.js';
import { HealthPage } from './pages/health.js';
import { MessagePage } from './pages/message.js';
import { MessagesPage } from './pages/messages.js';
import { SignIn } from './pages/sign-in.js';
import { href, useRoute } from './router.js';

const SECTIONS = [
  { path: 'approvals', label: 'Approvals' },
  { path: 'messages', label: 'Messages' },
  { path: 'health', label: 'Health' },
] as const;

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [checking, setChecking] = useState(() => session.key() !== null);

  useEffect(() => {
    whenKeyRefused(() => {
      session.signOut();
      setMe(null);
      setNotice('The server no longer accepts this key. Sign in again.');
    });
    if (!session.key()) return;
    api<Me>('/admin/keys/me')
      .then(setMe)
      .catch((error: unknown) => {
        session.signOut();
        setNotice(error instanceof ApiError ? error.message : 'The server cannot be reached.');
      })
      .finally(() => setChecking(false));
  }, []);

  if (checking) return <p class="loading" role="status">Checking your key…</p>;
  if (!me) return <SignIn notice={notice} onSignedIn={(who) => { setNotice(null); setMe(who); }} />;
  return <Shell me={me} onSignOut={() => { session.signOut(); setMe(null); setNotice('Signed out.'); }} />;
}

function Shell({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  const route = useRoute();
  const [section = 'approvals', id] = route.segments;
  // After moving to another page, keyboard and screen-reader users continue in its content (not on first load).
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) document.getElementById('main')?.focus();
    moved.current = true;
  }, [section, id]);
  let page;
  if (section === 'messages' && id) page = <MessagePage key={id} id={id} me={me} />;
  else if (section === 'messages') page = <MessagesPage params={route.params} />;
  else if (section === 'health') page = <HealthPage me={me} />;
  else if (id) page = <ApprovalPage key={id} id={id} me={me} />;
  else page = <ApprovalsPage />;
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="top">
        <span class="brand">Peppol AP console</span>
        <nav aria-label="Sections">
          {SECTIONS.map((s) => (
            <a href={href(s.path)} aria-current={section === s.path ? 'page' : undefined}>{s.label}</a>
          ))}
        </nav>
        <span class="who">
          <span class={`role role-${me.role}`} data-role={me.role}>{me.role}</span>
          <span class="label">{me.label}</span>
          <button type="button" class="link" onClick={onSignOut}>Sign out</button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
    </>
  );
}

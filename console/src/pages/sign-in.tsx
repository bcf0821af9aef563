import { useState } from 'preact/hooks';
import { api, ApiError, session, type Me } from '../api.js';

/** Sign in with an admin API key; it is kept in this tab's session storage only. */
export function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: (me: Me) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const candidate = key.trim();
    if (!candidate) return setError('Enter an API key.');
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>('/admin/keys/me', { key: candidate });
      session.signIn(candidate);
      setKey('');
      onSignedIn(me);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'This key was refused: it is unknown or revoked.' : `Sign-in failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="sign-in" id="main">
      <h1>Peppol access point</h1>
      <p class="hint">Sign in with an admin API key. It stays in this browser tab only and is forgotten when the tab closes.</p>
      {notice && <p class="notice" role="status">{notice}</p>}
      <form onSubmit={submit} autocomplete="off">
        <label for="api-key">API key</label>
        <input id="api-key" name="api-key" type="password" value={key} onInput={(e) => setKey(e.currentTarget.value)} autoFocus required spellcheck={false} aria-describedby={error ? 'sign-in-error' : undefined} />
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Checking…' : 'Sign in'}</button>
      </form>
      {error && <p class="error" role="alert" id="sign-in-error">{error}</p>}
    </main>
  );
}

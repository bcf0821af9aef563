import { describe, expect, it } from 'vitest';
import { startBanner } from './banner.js';

const base = { baseUrl: 'http://localhost:8080', docs: true, console: true, noKeys: false, embedded: true };

describe('startBanner', () => {
  it('lists where everything is', () => {
    const text = startBanner(base).join('\n');
    for (const url of ['/as4', '/docs', '/console', '/metrics', '/health/ready']) expect(text).toContain(`http://localhost:8080${url}`);
  });

  it('sends admin URLs to the admin port when it is separate', () => {
    const text = startBanner({ ...base, adminBaseUrl: 'http://localhost:9080' }).join('\n');
    expect(text).toContain('http://localhost:8080/as4');
    for (const url of ['/docs', '/console', '/metrics']) expect(text).toContain(`http://localhost:9080${url}`);
  });

  it('leaves out what is turned off', () => {
    const text = startBanner({ ...base, docs: false, console: false }).join('\n');
    expect(text).not.toContain('/docs');
    expect(text).not.toContain('/console');
  });

  it('shows a first key once, on a new installation', () => {
    const text = startBanner({ ...base, firstKey: 'pap_abc_def' }).join('\n');
    expect(text).toContain('Admin API key     pap_abc_def');
    expect(text).toMatch(/shown only this once/);
  });

  it('says exactly how to get a key when there is none', () => {
    expect(startBanner({ ...base, noKeys: true }).join('\n')).toMatch(/ADMIN_API_KEYS=admin:.*stop the access point \(Ctrl-C\) and run `npx peppol-ap admin create-key --role admin`/s);
    expect(startBanner({ ...base, noKeys: true, embedded: false }).join('\n')).not.toMatch(/Ctrl-C/);
  });
});

/**
 * What `npm start` and the API print once they listen: where everything is, and how to get an admin
 * key. Pure: the caller says what is enabled and whether a first key was just made.
 */
export interface BannerFacts {
  /** Base URL as a user on this machine reaches it, e.g. http://localhost:8080. */
  baseUrl: string;
  /** Where the admin API, Swagger UI, console and metrics are when ADMIN_PORT separates them. */
  adminBaseUrl?: string;
  docs: boolean;
  console: boolean;
  /** An admin key made just now on a brand-new installation: shown here once, never again. */
  firstKey?: string;
  /** No key exists yet (and none was made): say how to make one. */
  noKeys: boolean;
  /** The embedded database is in use by this process (the CLI cannot open it while it runs). */
  embedded: boolean;
}

export function startBanner(f: BannerFacts): string[] {
  const admin = f.adminBaseUrl ?? f.baseUrl;
  const lines = [
    `AS4 endpoint      ${f.baseUrl}/as4`,
    ...(f.docs ? [`Swagger UI        ${admin}/docs`] : []),
    ...(f.console ? [`Web console       ${admin}/console`] : []),
    `Metrics           ${admin}/metrics`,
    `Health            ${f.baseUrl}/health/ready`,
  ];
  if (f.firstKey) {
    lines.push(
      `Admin API key     ${f.firstKey}`,
      '                  (made now for this new installation, shown only this once: keep it; use it as X-API-Key, in Swagger UI "Authorize" or the console)',
    );
  } else if (f.noKeys) {
    lines.push(
      'Admin API key     none yet: set ADMIN_API_KEYS=admin:<32+ characters> and restart,',
      f.embedded
        ? '                  or stop the access point (Ctrl-C) and run `npx peppol-ap admin create-key --role admin`'
        : '                  or run `npx peppol-ap admin create-key --role admin`',
    );
  } else {
    lines.push(`Admin API keys    in use; more: POST ${admin}/admin/keys with an admin key, or \`npx peppol-ap admin create-key\``);
  }
  return lines;
}

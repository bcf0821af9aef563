/** A request as it goes on the wire: the body and its Content-Type header. */
export interface WireMessage {
  readonly body: Buffer<ArrayBuffer>;
  readonly contentType: string;
}

export interface Mutant extends WireMessage {
  /** Which mutation made it (for the figures and for reproducing a failure with its seed). */
  readonly mutation: string;
}

/** Small deterministic PRNG (mulberry32): a failing case is reproduced from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, list: readonly T[]): T => list[int(r, list.length)]!;

function boundaryOf(contentType: string): string | undefined {
  return /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
}

/** Splits a multipart body at its delimiter lines: [preamble, part1, part2, ..., epilogue-with-close]. */
function splitParts(body: Buffer, boundary: string): string[] {
  return body.toString('latin1').split(`--${boundary}`);
}

const joinParts = (parts: string[], boundary: string) => Buffer.from(parts.join(`--${boundary}`), 'latin1');

/** Edits the header block of one MIME part (the text up to its first blank line). */
function editPartHeaders(message: WireMessage, r: Random, edit: (lines: string[]) => string[]): Buffer<ArrayBuffer> {
  const boundary = boundaryOf(message.contentType);
  if (!boundary) return message.body;
  const parts = splitParts(message.body, boundary);
  if (parts.length < 3) return message.body;
  const index = 1 + int(r, parts.length - 2);
  const part = parts[index]!;
  const end = part.indexOf('\r\n\r\n');
  if (end < 0) return message.body;
  const lines = part.slice(2, end).split('\r\n');
  parts[index] = `\r\n${edit(lines).join('\r\n')}${part.slice(end)}`;
  return joinParts(parts, boundary);
}

const MUTATIONS: Record<string, (m: WireMessage, r: Random) => WireMessage> = {
  'byte-flip': (m, r) => {
    const body = Buffer.from(m.body);
    for (let i = 1 + int(r, 4); i > 0; i--) body[int(r, body.length)]! ^= 1 << int(r, 8);
    return { ...m, body };
  },
  truncation: (m, r) => ({ ...m, body: m.body.subarray(0, int(r, m.body.length)) }),
  'junk-insertion': (m, r) => {
    const at = int(r, m.body.length);
    const junk = Buffer.from(Array.from({ length: 1 + int(r, 64) }, () => int(r, 256)));
    return { ...m, body: Buffer.concat([m.body.subarray(0, at), junk, m.body.subarray(at)]) };
  },
  'range-swap': (m, r) => {
    const a = int(r, m.body.length);
    const b = int(r, m.body.length);
    const [from, to] = a < b ? [a, b] : [b, a];
    const len = Math.min(1 + int(r, 256), to - from);
    const body = Buffer.from(m.body);
    m.body.copy(body, from, to - len, to);
    m.body.copy(body, to - len, from, from + len);
    return { ...m, body };
  },
  'header-shuffle': (m, r) => ({
    ...m,
    body: editPartHeaders(m, r, (lines) => {
      const out = [...lines];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(r, i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    }),
  }),
  'header-drop': (m, r) => ({ ...m, body: editPartHeaders(m, r, (lines) => lines.filter((_, i) => i !== int(r, lines.length))) }),
  'header-duplicate': (m, r) => ({
    ...m,
    body: editPartHeaders(m, r, (lines) => {
      const line = pick(r, lines);
      return [...lines, line.replace(/:\s*.*/, `: ${pick(r, ['', 'x', '<a@b>', 'application/octet-stream', '"unterminated', 'a'.repeat(2_000)])}`)];
    }),
  }),
  'header-garble': (m, r) => ({
    ...m,
    body: editPartHeaders(m, r, (lines) => lines.map((l) => (r() < 0.5 ? l : pick(r, [l.toUpperCase(), l.replace(':', ''), `${l}\0`, ` ${l}`, l.replace(/:.*/, ': =?utf-8?B?////?=')])))),
  }),
  'content-type-game': (m, r) => {
    const boundary = boundaryOf(m.contentType) ?? 'x';
    const variants = [
      m.contentType.replace(/boundary="?[^";]+"?/, ''),
      m.contentType.replace(boundary, `${boundary}x`),
      m.contentType.replace(boundary, boundary.slice(0, -1)),
      m.contentType.replace(/type="?[^";]+"?/, 'type="text/xml"'),
      m.contentType.replace(/start="?[^";]+"?/, 'start="<nobody@example>"'),
      'application/soap+xml',
      'text/plain',
      '',
      `multipart/related; boundary="${'b'.repeat(200)}"`,
      `${m.contentType}; boundary="second"`,
      m.contentType.replace('multipart/related', 'multipart/mixed'),
    ];
    return { ...m, contentType: pick(r, variants) };
  },
  'boundary-game': (m, r) => {
    const boundary = boundaryOf(m.contentType);
    if (!boundary) return m;
    const text = m.body.toString('latin1');
    const close = `--${boundary}--`;
    const variants = [
      () => text.replace(close, `--${boundary}`),
      () => text.replace(close, ''),
      () => `preamble junk --${boundary}x\r\n${text}epilogue --${boundary}--\r\n`,
      () => text.replace(`--${boundary}\r\n`, `--${boundary}   \t\r\n`),
      () => text.replaceAll('\r\n', '\n'),
      () => text.replace(close, `--${boundary}\r\n\r\n${close}`),
      () => {
        const at = text.indexOf(`--${boundary}`, 10);
        return `${text.slice(0, at)}--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\n${'A'.repeat(int(r, 5_000))}\r\n${text.slice(at)}`;
      },
      () => text.replaceAll(`--${boundary}`, `--${boundary.slice(0, 5)}`),
    ];
    return { ...m, body: Buffer.from(pick(r, variants)(), 'latin1') };
  },
};

const MUTATION_NAMES = Object.keys(MUTATIONS);

/** One mutant of `seed`, chosen and made by the PRNG (1–3 mutations stacked). */
export function mutate(seed: WireMessage, r: Random): Mutant {
  let current: WireMessage = seed;
  const applied: string[] = [];
  for (let n = 1 + (r() < 0.2 ? int(r, 3) : 0); n > 0; n--) {
    const name = pick(r, MUTATION_NAMES);
    current = MUTATIONS[name]!(current, r);
    applied.push(name);
  }
  return { ...current, mutation: applied.join('+') };
}

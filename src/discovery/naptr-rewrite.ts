const MAX_REGEXP_LENGTH = 512;

/**
 * Applies a U-NAPTR substitution expression (RFC 3402 `delim pattern delim replacement delim flags`)
 * to a string; returns undefined when the pattern does not match. Back-references `\1`…`\9` become
 * JavaScript `$1`…`$9`; the only flag is `i`.
 */
export function applyNaptrRegexp(expression: string, input: string): string | undefined {
  if (expression.length < 4 || expression.length > MAX_REGEXP_LENGTH) {
    throw new Error(`NAPTR regexp must have 4..${MAX_REGEXP_LENGTH} characters`);
  }
  const delimiter = expression[0]!;
  if (/[0-9\\i]/.test(delimiter)) throw new Error(`NAPTR regexp delimiter "${delimiter}" is not allowed`);
  const parts = splitUnescaped(expression.slice(1), delimiter);
  if (parts.length !== 3) throw new Error(`NAPTR regexp "${expression}" is not delim-pattern-delim-replacement-delim-flags`);
  const [pattern, replacement, flags] = parts as [string, string, string];
  if (flags !== '' && flags !== 'i') throw new Error(`NAPTR regexp flags "${flags}" are not supported`);
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags);
  } catch (error) {
    throw new Error(`NAPTR regexp pattern is invalid: ${(error as Error).message}`);
  }
  const match = regex.exec(input);
  if (!match) return undefined;
  const substituted = replacement
    .replace(/\$/g, '$$$$')
    .replace(/\\([1-9])/g, '$$$1')
    .replace(/\\(.)/g, '$1');
  return input.slice(0, match.index) + match[0].replace(regex, substituted) + input.slice(match.index + match[0].length);
}

function splitUnescaped(text: string, delimiter: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === delimiter) {
      current += delimiter;
      i++;
    } else if (ch === delimiter) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

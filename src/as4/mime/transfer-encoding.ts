import { decode as decodeQuotedPrintable } from 'libqp';
import { MimeHeaderError } from './part-headers.js';

/** RFC 2045 §6.1 encodings; the identity ones say only what the octets look like. */
export const TRANSFER_ENCODINGS = ['binary', '8bit', '7bit', 'base64', 'quoted-printable'] as const;
export type TransferEncoding = (typeof TRANSFER_ENCODINGS)[number];

/** The Content-Transfer-Encoding of a part (`7bit` when absent, RFC 2045 §6.1); unknown values are refused. */
export function transferEncodingOf(value: string | undefined): TransferEncoding {
  if (value === undefined) return '7bit';
  const encoding = value.trim().toLowerCase();
  if ((TRANSFER_ENCODINGS as readonly string[]).includes(encoding)) return encoding as TransferEncoding;
  throw new MimeHeaderError(`Content-Transfer-Encoding ${JSON.stringify(value.slice(0, 40))} is not one of ${TRANSFER_ENCODINGS.join(', ')}`);
}

/** Turns a part's transferred octets into its content, chunk by chunk. */
export interface TransferDecoder {
  write(encoded: Buffer): Buffer;
  /** The last octets; throws when the encoded content was cut short. */
  end(): Buffer;
}

/** A decoder for the encoding, or undefined for the identity encodings (binary, 8bit, 7bit). */
export function transferDecoder(encoding: TransferEncoding): TransferDecoder | undefined {
  if (encoding === 'base64') return new Base64Decoder();
  if (encoding === 'quoted-printable') return new QuotedPrintableDecoder();
  return undefined;
}

const EMPTY = Buffer.alloc(0);
const BASE64_WHITESPACE = /[\t\n\r ]+/g;
const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Base64 in any line length (the decoding is node's). Line breaks and spaces are skipped; any other
 * character outside the alphabet, padding before the end, or a length that is not a multiple of 4 is
 * refused rather than skipped, so the decoded octets are exactly what the sender encoded.
 */
class Base64Decoder implements TransferDecoder {
  private carry = '';
  private padded = false;

  write(encoded: Buffer): Buffer {
    const text = encoded.toString('latin1').replace(BASE64_WHITESPACE, '');
    if (text.length === 0) return EMPTY;
    if (this.padded) throw new MimeHeaderError('base64 content continues after its padding');
    const pending = this.carry + text;
    if (!BASE64_TEXT.test(pending)) throw new MimeHeaderError('base64 content has a character outside the base64 alphabet');
    const usable = pending.length - (pending.length % 4);
    this.carry = pending.slice(usable);
    if (this.carry.includes('=')) throw new MimeHeaderError('base64 content has padding before its end');
    if (pending.charCodeAt(usable - 1) === 0x3d) this.padded = true;
    return usable === 0 ? EMPTY : Buffer.from(pending.slice(0, usable), 'base64');
  }

  end(): Buffer {
    if (this.carry.length > 0) throw new MimeHeaderError('base64 content is cut short (its length is not a multiple of 4)');
    return EMPTY;
  }
}

/** RFC 2045 §6.7 limits encoded lines to 76 characters; this is the bound on what is held back. */
const MAX_QUOTED_PRINTABLE_LINE = 998;
const LF = 0x0a;

/**
 * Quoted-printable (the decoding is libqp's), fed whole lines so that soft line breaks and `=XX`
 * never straddle two chunks; only the unfinished last line is held back, and it is bounded.
 */
class QuotedPrintableDecoder implements TransferDecoder {
  private carry: Buffer = EMPTY;

  write(encoded: Buffer): Buffer {
    const pending = this.carry.length > 0 ? Buffer.concat([this.carry, encoded]) : encoded;
    const lastLineEnd = pending.lastIndexOf(LF);
    this.carry = Buffer.from(pending.subarray(lastLineEnd + 1));
    if (this.carry.length > MAX_QUOTED_PRINTABLE_LINE + 1) {
      throw new MimeHeaderError(`quoted-printable line longer than ${MAX_QUOTED_PRINTABLE_LINE} characters`);
    }
    return lastLineEnd < 0 ? EMPTY : decodeQuotedPrintable(pending.subarray(0, lastLineEnd + 1));
  }

  end(): Buffer {
    const last = this.carry;
    this.carry = EMPTY;
    return last.length === 0 ? EMPTY : decodeQuotedPrintable(last);
  }
}

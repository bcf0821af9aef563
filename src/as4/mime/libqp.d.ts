/** The part of libqp 2.x's API this project uses (the package ships no type declarations). */
declare module 'libqp' {
  /** Decodes quoted-printable text (binary-safe for a Buffer input): soft line breaks removed, `=XX` decoded. */
  export function decode(input: Buffer | string): Buffer;
}

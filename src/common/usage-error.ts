/** Raised by an operator command for a usage or I/O problem: the CLI prints it as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

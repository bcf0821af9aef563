import { parseSbdhHead, readSbdhHead } from '../../sbdh/sbdh-parse.js';
import type { XmlLimits } from '../../xml/safe-xml.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';

/** Step 8: reads the SBDH from the start of the payload only (payload not an SBD → EBMS:0004). */
export class ParseSbdhStep implements ReceiveStep {
  readonly name = 'parse-sbdh';

  constructor(
    private readonly maxHeadBytes: number,
    private readonly limits: XmlLimits,
  ) {}

  async run(ctx: ReceiveContext): Promise<void> {
    ctx.sbdh = parseSbdhHead(await readSbdhHead(ctx.payload!.content.open(), this.maxHeadBytes), this.limits);
  }
}

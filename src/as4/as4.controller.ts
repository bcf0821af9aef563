import { Controller, Inject, Optional, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { Lifecycle } from '../http/lifecycle.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { annotateActiveSpan } from '../tracing/trace-context.js';
import { ReceivePipeline } from './receive/receive-pipeline.js';

/**
 * `POST /as4`: the request body is streamed straight into the inbound pipeline (no body parser is
 * registered for this content type) and the signal is written as the synchronous reply.
 */
@ApiTags('as4')
@Controller()
export class As4Controller {
  constructor(
    private readonly pipeline: ReceivePipeline,
    private readonly lifecycle: Lifecycle,
    @Optional() private readonly metrics?: MetricsService,
    @Optional() @Inject(ROOT_LOGGER) private readonly logger?: Logger,
  ) {}

  @Post('as4')
  @ApiOperation({
    summary: 'Receive an AS4 message (Peppol AS4 profile)',
    description:
      'For other access points, not for people: a signed and encrypted ebMS 3 user message as MIME multipart/related (SOAP 1.2). The answer is the signed receipt, or an ebMS error signal. Secured by WS-Security, not by an API key.',
  })
  // The status is written with the signal (200, or an error status); @ApiOkResponse only documents it.
  @ApiOkResponse({ description: 'The signed receipt, or an ebMS error signal (multipart/related or application/soap+xml)' })
  async receive(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (this.lifecycle.isDraining) {
      res.status(503).setHeader('Retry-After', '30').setHeader('Connection', 'close').end();
      return;
    }
    const done = this.lifecycle.begin();
    try {
      const reply = await this.pipeline.handle({ contentType: req.headers['content-type'], contentLength: req.headers['content-length'], body: req });
      const outcome = reply.error?.code ?? reply.outcome;
      annotateActiveSpan({ 'peppol_ap.as4.outcome': outcome, ...(reply.messageId ? { 'peppol_ap.as4.message_id': reply.messageId } : {}) });
      this.metrics?.as4Inbound.inc({ outcome });
      for (const deviation of reply.tolerated) this.metrics?.as4InboundTolerated.inc({ deviation });
      const fields = { as4MessageId: reply.messageId, outcome, status: reply.status, detail: reply.error?.description, tolerated: reply.tolerated.length > 0 ? reply.tolerated : undefined };
      if (reply.status >= 500) {
        // Our fault, not the sender's: the cause goes to the log (never into the reply).
        this.logger?.error({ ...fields, err: reply.error?.cause ?? reply.error }, 'AS4 message not processed: internal failure');
      } else {
        this.logger?.info(fields, reply.error ? 'AS4 message rejected' : 'AS4 message accepted');
      }
      // An unread request body cannot be reused on this connection: close it after the reply.
      if (!reply.bodyConsumed) res.setHeader('Connection', 'close');
      res.status(reply.status).setHeader('Content-Type', reply.contentType);
      res.end(reply.body);
    } finally {
      done();
    }
  }
}

import { Global, Module } from '@nestjs/common';
import { TransactionRegistry, transactionRegistry } from './transaction-registry.js';

/** Provides the one TransactionRegistry to every module of the application. */
@Global()
@Module({
  providers: [{ provide: TransactionRegistry, useValue: transactionRegistry }],
  exports: [TransactionRegistry],
})
export class PeppolModule {}

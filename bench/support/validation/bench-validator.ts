import { validationConfig } from '../../../src/validation/validation.config.js';
import { Validator } from '../../../src/validation/validator.js';

/** A validator on the calling thread for one transaction: what one core does, like the Java reference. */
export function benchValidator(transaction: string): Validator {
  return new Validator({ ...validationConfig.load(), poolSize: 0, transactions: [transaction], maxDocumentBytes: 512 * 1024 * 1024 });
}

import { Module } from '@nestjs/common';
import { validationConfig } from './validation.config.js';
import { ValidationService } from './validation.service.js';

@Module({
  providers: [validationConfig.provider, ValidationService],
  exports: [ValidationService],
})
export class ValidationModule {}

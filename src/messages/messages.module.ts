import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { MessageRepository } from './message-repository.js';

@Global()
@Module({ providers: [Clock, MessageRepository], exports: [Clock, MessageRepository] })
export class MessagesModule {}

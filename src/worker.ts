import { runMain, startRole } from './app/bootstrap.js';

/** Worker role: the queue processors only. */
runMain(() => startRole('worker'));

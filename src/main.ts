import { runMain, startRole } from './app/bootstrap.js';

/** API role: AS4 endpoint, admin API, health and metrics. */
runMain(() => startRole('api'));

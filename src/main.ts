import { runApi } from './app/api-processes.js';
import { runMain } from './app/bootstrap.js';

/** API role: AS4 endpoint, admin API, health and metrics, in API_PROCESSES HTTP processes on one port. */
runMain(runApi);

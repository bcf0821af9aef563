import * as casts from './casts.js';
import * as functions from './functions.js';
import * as operators from './operators.js';
import * as paths from './paths.js';
import { xpathRegex } from './regex.js';
import * as support from './support.js';
import * as values from './values.js';

/** Everything generated rule code may call, as one object (the `R` of the generated source). */
export const runtime = {
  ...values,
  ...casts,
  ...operators,
  ...paths,
  ...functions,
  ...support,
  xpathRegex,
};


// Where the database lives unless --db says otherwise: data/ksymtrail.db in the ksymtrail checkout.
import { fileURLToPath } from 'node:url';

export const DEFAULT_DB = fileURLToPath(new URL('../../../data/ksymtrail.db', import.meta.url));

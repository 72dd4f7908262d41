import { createDb, type PressworkDb } from './schema.ts';

/** The app's one database instance. Only renderer/src/db touches Dexie tables. */
export const db: PressworkDb = createDb();

import { getMigrations } from 'better-auth/db/migration';
import { createApp, type AppOptions, type CommentsApp } from './app.ts';
import type { CommentsConfig } from './config.ts';
import { migrateComments, openDatabase, type Database } from './db.ts';

export interface Service extends CommentsApp {
  database: Database;
  /** Closes the mailer and the database. */
  close: () => Promise<void>;
}

/**
 * Opens the database of `config.databaseUrl`, creates or updates every table (better-auth's
 * and the service's own), and builds the app. Used by the node entry, the tests and the benchmark.
 */
export async function createService(config: CommentsConfig, options: AppOptions = {}): Promise<Service> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateComments(database.db);
    const built = await createApp(config, database, options);
    const { runMigrations } = await getMigrations(built.auth.options);
    await runMigrations();
    return {
      ...built,
      database,
      close: async () => {
        built.mailer.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

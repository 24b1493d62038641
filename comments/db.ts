import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { isPostgres } from './config.ts';

/** Status of a comment: only `approved` ones are shown to other readers and counted. */
export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';

/** The service's own tables (better-auth keeps `user`, `session`, `account`, `verification`). */
export interface CommentTable {
  id: string;
  article: string;
  parent_id: string | null;
  /** Null once the author deleted the account and chose to keep the comments anonymously. */
  user_id: string | null;
  /** Name shown: the author's display name at posting time, the WordPress author, or null when anonymised. */
  author_name: string | null;
  text: string;
  status: CommentStatus;
  created_at: string;
  edited_at: string | null;
  /** `wordpress:<id>` for imported comments: what makes the import idempotent. */
  import_key: string | null;
}

export interface ReportTable {
  comment_id: string;
  user_id: string;
  created_at: string;
}

/** Failed logins per e-mail address, for the per-account throttle. */
export interface LoginFailureTable {
  email: string;
  failures: number;
  first_at: string;
}

/** The part of better-auth's `user` table the service reads and writes itself. */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean | number;
  createdAt: string | Date;
  role: string | null;
  blocked: boolean | number | null;
}

export interface SessionTable {
  id: string;
  userId: string;
}

export interface Schema {
  comment: CommentTable;
  comment_report: ReportTable;
  login_failure: LoginFailureTable;
  user: UserTable;
  session: SessionTable;
}

export interface Database {
  db: Kysely<Schema>;
  type: 'sqlite' | 'postgres';
  close: () => Promise<void>;
}

/** Opens SQLite (a file path; its folder is created) or PostgreSQL (`postgres://…`). */
export function openDatabase(databaseUrl: string): Database {
  if (isPostgres(databaseUrl)) {
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 10 }) }) });
    return { db, type: 'postgres', close: () => db.destroy() };
  }
  if (databaseUrl !== ':memory:') mkdirSync(dirname(databaseUrl), { recursive: true });
  const sqlite = new SQLite(databaseUrl);
  // Readers keep reading while a comment is written.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, type: 'sqlite', close: () => db.destroy() };
}

const migrations: Record<string, Migration> = {
  '001-comments': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('comment')
        .addColumn('id', 'varchar(40)', (column) => column.primaryKey())
        .addColumn('article', 'varchar(200)', (column) => column.notNull())
        .addColumn('parent_id', 'varchar(40)')
        .addColumn('user_id', 'varchar(64)')
        .addColumn('author_name', 'varchar(200)')
        .addColumn('text', 'text', (column) => column.notNull())
        .addColumn('status', 'varchar(16)', (column) => column.notNull())
        .addColumn('created_at', 'varchar(32)', (column) => column.notNull())
        .addColumn('edited_at', 'varchar(32)')
        .addColumn('import_key', 'varchar(100)', (column) => column.unique())
        .execute();
      await db.schema.createIndex('comment_article_status').on('comment').columns(['article', 'status', 'created_at']).execute();
      await db.schema.createIndex('comment_status_created').on('comment').columns(['status', 'created_at']).execute();
      await db.schema.createIndex('comment_user').on('comment').column('user_id').execute();
      await db.schema.createIndex('comment_parent').on('comment').column('parent_id').execute();
      await db.schema
        .createTable('comment_report')
        .addColumn('comment_id', 'varchar(40)', (column) => column.notNull())
        .addColumn('user_id', 'varchar(64)', (column) => column.notNull())
        .addColumn('created_at', 'varchar(32)', (column) => column.notNull())
        .addPrimaryKeyConstraint('comment_report_pk', ['comment_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('login_failure')
        .addColumn('email', 'varchar(320)', (column) => column.primaryKey())
        .addColumn('failures', 'integer', (column) => column.notNull())
        .addColumn('first_at', 'varchar(32)', (column) => column.notNull())
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Creates or updates the service's own tables. Throws with the failing migration's error. */
export async function migrateComments(db: Kysely<Schema>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'comments_migration',
    migrationLockTableName: 'comments_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error)
    throw new Error(`Comment database migration failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, {
      cause: error,
    });
}

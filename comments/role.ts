import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { CommentsConfigError, loadConfig } from './config.ts';
import type { Schema } from './db.ts';
import { createService } from './service.ts';

export const ROLES = ['reader', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Gives the account of `email` a role. The only way to make a moderator: registration always
 * creates readers. Throws when no account has that address.
 */
export async function setRole(db: Kysely<Schema>, email: string, role: Role): Promise<void> {
  const result = await db.updateTable('user').set({ role }).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw new Error(`No account with the e-mail address ${email}: the person must register under the article first.`);
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const [email, role] = process.argv.slice(2);
  if (!email || !ROLES.includes(role as Role)) {
    console.error(`Usage: npm run comments:role -- <email> ${ROLES.join('|')}`);
    process.exit(2);
  }
  try {
    const service = await createService(loadConfig(fileURLToPath(new URL('../', import.meta.url))));
    try {
      await setRole(service.database.db, email, role as Role);
      console.log(`${email}: ${role}`);
    } finally {
      await service.close();
    }
  } catch (error) {
    console.error(error instanceof CommentsConfigError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

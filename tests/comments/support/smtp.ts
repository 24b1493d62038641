import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the catcher received, decoded. */
export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
}

/** A local SMTP server on 127.0.0.1 that keeps every message instead of delivering it. */
export interface SmtpCatcher {
  /** `smtp://127.0.0.1:<port>` for `SMTP_URL`. */
  url: string;
  messages: CaughtMail[];
  /** Waits for the next message to `to` (polling; throws after `timeoutMs`). */
  waitFor: (to: string, subject: RegExp, timeoutMs?: number) => Promise<CaughtMail>;
  close: () => Promise<void>;
}

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to.flatMap((entry) => entry.value) : (mail.to?.value ?? []);
          messages.push({ to: to.map((address) => address.address ?? '').join(','), subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(to, subject, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = messages.findIndex((message) => message.to === to && subject.test(message.subject));
        if (index >= 0) return messages.splice(index, 1)[0] as CaughtMail;
        if (Date.now() > deadline)
          throw new Error(
            `No e-mail to ${to} matching ${String(subject)} within ${timeoutMs} ms (caught: ${messages.map((m) => `${m.to}: ${m.subject}`).join('; ') || 'none'})`,
          );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first http(s) link of an e-mail's text. */
export function linkIn(mail: CaughtMail): string {
  const match = /https?:\/\/\S+/.exec(mail.text);
  if (!match) throw new Error(`No link in the e-mail "${mail.subject}": ${mail.text}`);
  return match[0];
}

import nodemailer, { type Transporter } from 'nodemailer';
import type { CommentsConfig } from './config.ts';

/** Sends the account e-mails (plain text: nothing in them can run or track). */
export interface Mailer {
  verification: (to: string, name: string, url: string) => Promise<void>;
  passwordReset: (to: string, name: string, url: string) => Promise<void>;
  close: () => void;
}

const texts = {
  pl: {
    verification: (site: string, name: string, url: string) => ({
      subject: `${site}: potwierdź adres e-mail`,
      text: `Dzień dobry, ${name}!\n\nDziękujemy za założenie konta w serwisie ${site}. Aby je aktywować, otwórz odnośnik:\n\n${url}\n\nOdnośnik jest ważny przez godzinę. Jeśli to nie Ty zakładałeś konto, zignoruj tę wiadomość.\n`,
    }),
    reset: (site: string, name: string, url: string) => ({
      subject: `${site}: ustaw nowe hasło`,
      text: `Dzień dobry, ${name}!\n\nAby ustawić nowe hasło do konta w serwisie ${site}, otwórz odnośnik:\n\n${url}\n\nOdnośnik jest ważny przez godzinę. Jeśli to nie Ty prosiłeś o zmianę hasła, zignoruj tę wiadomość.\n`,
    }),
  },
  en: {
    verification: (site: string, name: string, url: string) => ({
      subject: `${site}: confirm your e-mail address`,
      text: `Hello ${name},\n\nThank you for creating an account at ${site}. To activate it, open this link:\n\n${url}\n\nThe link is valid for one hour. If you did not create the account, ignore this message.\n`,
    }),
    reset: (site: string, name: string, url: string) => ({
      subject: `${site}: set a new password`,
      text: `Hello ${name},\n\nTo set a new password for your account at ${site}, open this link:\n\n${url}\n\nThe link is valid for one hour. If you did not ask for it, ignore this message.\n`,
    }),
  },
};

/**
 * SMTP through `SMTP_URL`. Without it (development), each message is printed to the log
 * instead of being sent, so the links still reach the developer.
 */
export function createMailer(config: CommentsConfig): Mailer {
  const transport: Transporter = config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : nodemailer.createTransport({ jsonTransport: true });
  const t = texts[config.language];
  const send = async (to: string, message: { subject: string; text: string }) => {
    await transport.sendMail({ from: config.mailFrom, to, ...message });
    if (!config.smtpUrl)
      console.log(`[comments] e-mail to ${to} (SMTP_URL is not set, so it was not sent): ${message.subject}\n${message.text}`);
  };
  return {
    verification: (to, name, url) => send(to, t.verification(config.siteName, name, url)),
    passwordReset: (to, name, url) => send(to, t.reset(config.siteName, name, url)),
    close: () => transport.close(),
  };
}

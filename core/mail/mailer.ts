import nodemailer from 'nodemailer';

export interface TMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: TMail): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

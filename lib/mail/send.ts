import nodemailer from "nodemailer";
import { db } from "@/lib/db/client";
import { logError } from "@/lib/log";

export type Mail = { to: string; subject: string; text: string };

let transport: nodemailer.Transporter | undefined;

/**
 * The one way Puente sends mail: over SMTP when SMTP_URL is set, otherwise into the outbox
 * table that admins read at /admin/outbox. Call it after the transaction has committed.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    await db.outboxEmail.create({ data: mail });
    return;
  }
  try {
    transport ??= nodemailer.createTransport(smtpUrl);
    await transport.sendMail({ from: process.env.MAIL_FROM ?? "Puente <no-reply@localhost>", ...mail });
  } catch (error) {
    // Never log the body: it may hold a personal link.
    logError("mail.send", error, { subject: mail.subject });
    throw error;
  }
}

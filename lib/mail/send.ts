import nodemailer from "nodemailer";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logError } from "@/lib/log";

/** An email: `headers` carries extra headers such as List-Unsubscribe (lib/mail/unsubscribe.ts). */
export type Mail = { to: string; subject: string; text: string; headers?: Record<string, string> };

let transport: nodemailer.Transporter | undefined;

/**
 * The transport: over SMTP when SMTP_URL is set, otherwise into the outbox table that admins
 * read at /admin/outbox. Only the mail worker calls it (lib/mail/deliver.ts), for a delivery
 * it has claimed; commands queue mail instead (lib/mail/queue.ts). `outbox` is the worker's
 * transaction, so the outbox copy and the SENT mark commit together.
 */
export async function sendMail(mail: Mail, outbox: Prisma.TransactionClient = db): Promise<void> {
  const smtpUrl = process.env.SMTP_URL;
  const headers = mail.headers ?? {};
  if (!smtpUrl) {
    await outbox.outboxEmail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, headers } });
    return;
  }
  try {
    // Bounded waits, so a batch of sends stays well inside its job's expiry (lib/jobs/definitions.ts).
    transport ??= nodemailer.createTransport(smtpUrl, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
    await transport.sendMail({ from: process.env.MAIL_FROM ?? "Puente <no-reply@localhost>", to: mail.to, subject: mail.subject, text: mail.text, headers });
  } catch (error) {
    // Never log the body: it may hold a personal link.
    logError("mail.send", error, { subject: mail.subject });
    throw error;
  }
}

import type { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit, type AuditInput } from "@/lib/audit/record";
import { AppError, notSignedIn, parseInput, rateLimited, refusalToError, type Refusal } from "@/lib/errors";
import { logError } from "@/lib/log";
import { enqueueDeliveries, queueMail } from "@/lib/mail/queue";
import type { Mail } from "@/lib/mail/send";
import { isLimited, recordHit, type RateLimitRule } from "@/lib/rate-limit/consume";
import { invalidate, type Surface } from "./invalidate";

export type Tx = Prisma.TransactionClient;

/** A run by the job queue (lib/jobs), not by a person: a symbol, so no request can carry it. */
export const SYSTEM_RUN: unique symbol = Symbol("puente.system-run");

/**
 * Where a request came from, when a command needs it (rate limits by address); `now` is for
 * tests; `system` only for runSystemCommand.
 */
export type RequestContext = { address?: string; now?: Date; system?: typeof SYSTEM_RUN };

/** What every step of a command sees: the parsed input, the actor (null for a visitor) and the time. */
export type CommandContext<I, A extends Actor | null> = { input: I; actor: A; now: Date; request: RequestContext };

/** An audit event as a command records it; the actor defaults to the one running the command. */
export type AuditRecord = AuditInput extends infer E ? (E extends AuditInput ? Omit<E, "actorId"> & { actorId?: string | null } : never) : never;

/** What a command's work may do inside the transaction, besides writing through `tx`. */
export type WorkContext<I, A extends Actor | null, L> = CommandContext<I, A> & {
  tx: Tx;
  loaded: L;
  /** Writes the event in this transaction, when the work is done. */
  record(event: AuditRecord): void;
  /**
   * Queued with the change (an EmailDelivery row in this transaction) and sent by the mail worker
   * after the commit; a failed send is retried there and never undoes the change.
   */
  mail(mail: Mail): void;
  /** Anything else that must wait for the commit (never a write the change depends on). */
  afterCommit(effect: () => Promise<void>): void;
};

/** "system": only the job queue runs it (runSystemCommand), with no actor; anyone else is refused. */
type ActorMode = "required" | "optional" | "system";
type ActorOf<M extends ActorMode> = M extends "required" ? Actor : M extends "system" ? null : Actor | null;

export type CommandDefinition<S extends z.ZodType, M extends ActorMode, L, R, Out = R> = {
  /** "capability.verb": the log context and what the command test lists. */
  name: string;
  input: S;
  /** "required": a visitor is refused before anything else; "optional": visitors too (sign-up, a personal link). */
  actor: M;
  /**
   * The named policy rule that needs only the actor and the input (a role, a term): the refusal
   * reason or null. Required, so a command without a decision cannot be written: deny by default.
   */
  allow: (ctx: CommandContext<z.output<S>, ActorOf<M>>) => Refusal | null;
  /** Rate limits checked before the work; counted on every attempt or only after a success. */
  rateLimit?: { rules: (ctx: CommandContext<z.output<S>, ActorOf<M>>) => RateLimitRule[]; count: "attempt" | "success" };
  /** Reads (and row locks) the decision needs, inside the transaction. */
  load?: (ctx: CommandContext<z.output<S>, ActorOf<M>> & { tx: Tx }) => Promise<L>;
  /** The named policy rule about what was loaded: the refusal reason or null. */
  authorize?: (ctx: CommandContext<z.output<S>, ActorOf<M>> & { loaded: L }) => Refusal | null;
  /** The change itself, in the same transaction as its audit events. */
  work: (ctx: WorkContext<z.output<S>, ActorOf<M>, L>) => Promise<R>;
  /** Public pages that show what changed, invalidated after the commit. */
  invalidates?: readonly Surface[] | ((result: R, ctx: CommandContext<z.output<S>, ActorOf<M>>) => readonly Surface[]);
  /** A database error the command knows (a unique index won a race): the expected error or a result, else undefined. */
  recover?: (error: unknown, ctx: CommandContext<z.output<S>, ActorOf<M>>) => Promise<Out | undefined> | Out | undefined;
  /**
   * The answer, once the effects ran. Mail is queued, not sent inline: `mailDelivered` says every
   * email was queued with the change (always, once it committed) and `mailSent` how many were.
   */
  respond?: (result: R, outcome: { mailDelivered: boolean; mailSent: number }) => Out;
  transaction?: { timeout?: number; maxWait?: number };
};

export const COMMAND = Symbol.for("puente.command");

/** A command as callers see it: `(actor, raw input, request?) → result`, and its name. */
export type Command<Out> = ((actor: Actor | null, raw: unknown, request?: RequestContext) => Promise<Out>) & {
  readonly [COMMAND]: string;
};

export function isCommand(value: unknown): value is Command<unknown> {
  return typeof value === "function" && typeof (value as { [COMMAND]?: unknown })[COMMAND] === "string";
}

/**
 * The one path every change takes: parse with zod → the actor → the named policy rule (deny by
 * default) → rate limits → one transaction that loads, checks again what depends on the rows,
 * does the change, writes its audit events and queues its mail → after the commit: the mail
 * jobs, other effects, cache invalidation → the result. Commands supply the pieces; none opens
 * its own transaction, writes its own audit row or sends mail inline.
 */
export function defineCommand<S extends z.ZodType, M extends ActorMode, L = undefined, R = unknown, Out = R>(
  definition: CommandDefinition<S, M, L, R, Out>,
): Command<Out> {
  const command = async (actor: Actor | null, raw: unknown, request: RequestContext = {}): Promise<Out> => {
    const input = parseInput(definition.input, raw) as z.output<S>;
    if (definition.actor === "required" && !actor) throw notSignedIn();
    if (definition.actor === "system" && (actor || request.system !== SYSTEM_RUN)) throw refusalToError({ kind: "forbidden", key: "forbidden" });
    const ctx = { input, actor: actor as ActorOf<M>, now: request.now ?? new Date(), request };
    refuseIf(definition.allow(ctx));

    const rules = definition.rateLimit?.rules(ctx) ?? [];
    if (rules.length) {
      if (await isLimited(rules, ctx.now)) throw rateLimited();
      if (definition.rateLimit?.count === "attempt") await recordHit(rules, ctx.now);
    }

    const mails: Mail[] = [];
    const deliveryIds: string[] = [];
    const effects: (() => Promise<void>)[] = [];
    let result: R;
    try {
      result = await db.$transaction(async (tx) => {
        const events: AuditRecord[] = [];
        const loaded = (definition.load ? await definition.load({ ...ctx, tx }) : undefined) as L;
        if (definition.authorize) refuseIf(definition.authorize({ ...ctx, loaded }));
        const value = await definition.work({
          ...ctx,
          tx,
          loaded,
          record: (event) => events.push(event),
          mail: (mail) => mails.push(mail),
          afterCommit: (effect) => effects.push(effect),
        });
        for (const event of events) {
          const actorId = event.actorId === undefined ? (actor?.userId ?? null) : event.actorId;
          await recordAudit(tx, { ...event, actorId } as AuditInput);
        }
        for (const mail of mails) deliveryIds.push(await queueMail(tx, mail));
        return value;
      }, definition.transaction);
    } catch (error) {
      if (!(error instanceof AppError) && definition.recover) {
        const recovered = await definition.recover(error, ctx);
        if (recovered !== undefined) return recovered;
      }
      throw error;
    }

    if (rules.length && definition.rateLimit?.count === "success") await recordHit(rules, ctx.now);
    // Queued in the transaction; the jobs that send them go out now (a lost one is swept up later).
    await enqueueDeliveries(definition.name, deliveryIds);
    const mailSent = deliveryIds.length;
    const mailDelivered = mailSent === mails.length;
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        logError(`${definition.name}.afterCommit`, error);
      }
    }
    const surfaces = typeof definition.invalidates === "function" ? definition.invalidates(result, ctx) : (definition.invalidates ?? []);
    invalidate(surfaces);
    return definition.respond ? definition.respond(result, { mailDelivered, mailSent }) : (result as unknown as Out);
  };
  return Object.assign(command, { [COMMAND]: definition.name }) as Command<Out>;
}

/** Runs a "system" command as the job queue does: no actor, nobody's request. */
export function runSystemCommand<Out>(command: Command<Out>, raw: unknown, options: { now?: Date } = {}): Promise<Out> {
  return command(null, raw, { ...options, system: SYSTEM_RUN });
}

function refuseIf(refusal: Refusal | null) {
  if (refusal) throw refusalToError(refusal);
}

/** A yes/no rule about the actor (a role, a term) as the path's `allow`: refused as forbidden. */
export const requires =
  (rule: (actor: Actor | null) => boolean, key = "forbidden") =>
  ({ actor }: { actor: Actor | null }): Refusal | null =>
    rule(actor) ? null : { kind: "forbidden", key };

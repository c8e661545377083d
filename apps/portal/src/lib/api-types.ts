import type { trpc } from "./trpc.ts";

/**
 * Types of the API answers, read off the typed client so they follow
 * `AppRouter` (packages/api/API.md) instead of being copied here.
 */
type Client = typeof trpc;
type Output<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export type Me = NonNullable<Output<Client["auth"]["me"]["query"]>>;
export type Inbox = Output<Client["portal"]["inbox"]["query"]>;
export type TaskSummary = Inbox["assigned"][number];
export type Startable = Output<Client["portal"]["startable"]["query"]>[number];
export type StartResult = Output<Client["portal"]["start"]["mutate"]>;
export type StartDraft = NonNullable<Output<Client["portal"]["startDraft"]["query"]>>;
export type TaskDetail = Output<Client["portal"]["task"]["query"]>;
export type CompleteResult = Output<Client["portal"]["complete"]["mutate"]>;
export type MyRequest = Output<Client["portal"]["myRequests"]["query"]>[number];
export type NotificationPage = Output<Client["notifications"]["list"]["query"]>;
export type NotificationView = NotificationPage["items"][number];
export type Directory = Output<Client["portal"]["directory"]["query"]>;
export type RequestDetails = Output<Client["portal"]["instance"]["query"]>;
export type CallLink = RequestDetails["children"][number];

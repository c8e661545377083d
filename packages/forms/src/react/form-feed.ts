import { deepEquals } from "@rjsf/utils";

type Data = Record<string, unknown>;

/**
 * What BatonForm hands rjsf as `formData`, and when.
 *
 * rjsf 6 re-derives its whole state (the defaults of every field, the
 * matching option of every choice) whenever one of its props differs, deeply,
 * from the render before. Handing it back each change it reported makes every
 * keystroke pay for that a second time, so BatonForm is semi-controlled:
 *
 * - rjsf reports a change (`reported`): it holds that data now; `given`, the
 *   prop, stays as it was, so rjsf sees no new props and does no more work;
 * - every render (`feedFor`) compares the data BatonForm wants shown (the page's
 *   data after the rules) with what rjsf holds. Only when they differ (rules hid
 *   a field and dropped its value, or the page loaded other data) does rjsf get
 *   it as a new `formData`;
 * - when another prop rjsf reads changes (schema, extraErrors, disabled…), rjsf
 *   re-derives its state from `formData`, so the stale `given` would undo what
 *   was typed since: it is brought up to what rjsf holds in that same render;
 * - data deeply equal to the stale `given` cannot reach rjsf as a prop change,
 *   so rjsf is first handed what it holds, and the data on the next render
 *   (`queued`, applied by `takeQueued` after the commit).
 */
export type FormFeed = {
  /** The `formData` prop rjsf was last handed. */
  given: Data;
  /** The data rjsf holds: what it last reported, or `given` once handed. */
  held: Data;
  /** rjsf's other props, as last handed (compared the way rjsf compares them: deeply, functions alike). */
  props: readonly unknown[];
  /** Data to hand rjsf on the next render, since `given` is deeply equal to it already. */
  queued?: Data;
};

export function initialFeed(data: Data, props: readonly unknown[]): FormFeed {
  return { given: data, held: data, props };
}

/** rjsf reported a change: it holds `data` now. */
export function reported(feed: FormFeed, data: Data): FormFeed {
  return feed.held === data ? feed : { ...feed, held: data };
}

/** The feed for a render that wants rjsf to show `wanted`, with these other props; `feed` itself when nothing changes. */
export function feedFor(feed: FormFeed, wanted: Data, props: readonly unknown[]): FormFeed {
  // rjsf must see `given` committed first (see `takeQueued`).
  if (feed.queued) return feed;
  const propsChanged = !deepEquals(props, feed.props);
  if (sameData(wanted, feed.held)) {
    if (!propsChanged) return feed;
    // rjsf re-derives its state from `formData` now: that must be what it holds.
    return { given: feed.held, held: feed.held, props };
  }
  if (!sameData(wanted, feed.given)) return { given: wanted, held: wanted, props };
  return { given: feed.held, held: feed.held, props, queued: wanted };
}

/** After a render that handed rjsf what it holds: the queued data, handed now. */
export function takeQueued(feed: FormFeed): FormFeed {
  return feed.queued === undefined ? feed : { given: feed.queued, held: feed.queued, props: feed.props };
}

/** Deep equality, with a quick answer for the usual case: the same values under the same keys. */
function sameData(a: Data, b: Data): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k])) return true;
  return deepEquals(a, b);
}

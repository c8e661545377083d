import { describe, expect, it } from "vitest";
import { feedFor, initialFeed, reported, takeQueued } from "./form-feed.ts";

const schema = { type: "object" };
const props = [schema, false];

describe("form feed", () => {
  it("hands rjsf nothing new while it shows the data wanted, though the page copies it", () => {
    const loaded = { name: "Ada" };
    const typed = { name: "Adam" };
    const feed = reported(initialFeed(loaded, props), typed);
    expect(feedFor(feed, { ...typed }, [schema, false])).toBe(feed);
    expect(feed.given).toBe(loaded);
  });

  it("hands rjsf data that differs from what it reported (a rule dropped a value, the page loaded other data)", () => {
    const feed = reported(initialFeed({}, props), { category: "standard", benefits: ["lounge"] });
    const wanted = { category: "standard" };
    expect(feedFor(feed, wanted, props)).toEqual({ given: wanted, held: wanted, props });
  });

  it("brings the prop up to what rjsf holds when another prop changes, since rjsf then re-derives from it", () => {
    const typed = { name: "Adam" };
    const feed = reported(initialFeed({ name: "Ada" }, props), typed);
    const errors = [schema, true];
    expect(feedFor(feed, { name: "Adam" }, errors)).toEqual({ given: typed, held: typed, props: errors });
  });

  it("reaches rjsf in two renders with data equal to the stale prop: first what it holds, then the data", () => {
    const loaded = { name: "Ada" };
    const typed = { name: "Adam" };
    const feed = feedFor(reported(initialFeed(loaded, props), typed), { name: "Ada" }, props);
    expect(feed).toEqual({ given: typed, held: typed, props, queued: { name: "Ada" } });
    expect(feedFor(feed, { name: "Ada" }, props)).toBe(feed);
    expect(takeQueued(feed)).toEqual({ given: { name: "Ada" }, held: { name: "Ada" }, props });
  });
});

/**
 * XML ids for an export. Every id in a BPMN file must be unique and an XML
 * name; Baton's step ids always are, but connection ids may be any text, and
 * nothing stops a connection and a step sharing an id in a draft. The
 * allocator hands out the wanted id when it can and a fresh one otherwise;
 * the caller then records the original in the Baton payload.
 */
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export class IdAllocator {
  private readonly used = new Set<string>();

  claim(wanted: string, prefix: string): string {
    if (XML_NAME.test(wanted) && !this.used.has(wanted)) {
      this.used.add(wanted);
      return wanted;
    }
    const base = wanted.replace(/[^A-Za-z0-9_.-]/g, "_").replace(/^[^A-Za-z_]+/, "") || prefix;
    if (!this.used.has(base)) {
      this.used.add(base);
      return base;
    }
    for (let n = 2; ; n++) {
      const candidate = `${base}_${n}`;
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
  }
}

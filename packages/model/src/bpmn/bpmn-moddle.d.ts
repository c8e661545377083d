/**
 * The slice of bpmn-moddle 10's API Baton uses. The package ships types only
 * under `bpmn-moddle/types` (which need `moddle`'s, not installed), so the
 * entry point is declared here. Elements are read loosely: BPMN files from
 * other tools carry anything, and every property is checked where it is read.
 */
declare module "bpmn-moddle" {
  export interface ModdleDescriptor {
    name: string;
    isGeneric?: boolean;
    ns: { prefix: string; localName: string; uri?: string };
  }

  export interface ModdleElement {
    readonly $type: string;
    $attrs?: Record<string, string>;
    $parent?: ModdleElement;
    $descriptor?: ModdleDescriptor;
    $instanceOf?(type: string): boolean;
    [property: string]: unknown;
  }

  export interface ModdleWarning extends Error {
    line?: number;
    column?: number;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: ModdleWarning[];
    elementsById: Record<string, ModdleElement>;
    references: unknown[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, object>, options?: object);
    fromXML(xml: string, options?: { lax?: boolean }): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
    create(type: string, properties?: Record<string, unknown>): ModdleElement;
  }
}

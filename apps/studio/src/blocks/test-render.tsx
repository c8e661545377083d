import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { BlocksApi } from "./blocks-api.ts";
import { BlocksApiContext } from "./blocks-api-context.ts";

/** Renders a block component against the given library, with a fresh query cache. */
export function renderWithBlocks(ui: ReactElement, api: BlocksApi) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <BlocksApiContext.Provider value={api}>{ui}</BlocksApiContext.Provider>
    </QueryClientProvider>,
  );
}

import { createContext, useContext } from "react";
import { blocksApi, type BlocksApi } from "./blocks-api.ts";

/**
 * Where the block components send their calls: the server, unless a
 * provider says otherwise (component tests give an in-memory library).
 */
export const BlocksApiContext = createContext<BlocksApi>(blocksApi);

export const useBlocksApi = (): BlocksApi => useContext(BlocksApiContext);

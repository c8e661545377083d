import { createContext, useContext } from "react";
import { adminApi, type AdminApi } from "./admin-api.ts";

/**
 * Where the admin console sends its calls: the server, unless a provider
 * says otherwise (component tests give their own answers).
 */
export const AdminApiContext = createContext<AdminApi>(adminApi);

export const useAdminApi = (): AdminApi => useContext(AdminApiContext);

import { createContext, useContext } from 'react';
import type { TAdminMe } from '../../../../server/contracts/admin-vpn.ts';
import type { TApiRequest } from '../../api/client.ts';

type TAdminContext = {
  admin: TAdminMe;
  /** The API client signed with the admin bot's initData. */
  request: TApiRequest;
};

export const AdminContext = createContext<TAdminContext | undefined>(undefined);

/** The signed-in staff member; only rendered below the point where /api/admin/me has answered. */
export function useAdmin(): TAdminContext {
  const value = useContext(AdminContext);
  if (!value) throw new Error('useAdmin outside AdminContext');
  return value;
}

import type { TCategory } from '../../../../server/contracts/catalog.ts';
import type { TRoutePath } from '../../router.tsx';

// The router carries paths only; a page that sends the user to one shelf of the shop (the VPN page's
// "short — top up") leaves it here for the buy page it opens to start on.
let asked: TCategory | null = null;

export function openBuyShelf(navigate: (path: TRoutePath) => void, shelf: TCategory): void {
  asked = shelf;
  navigate('/buy');
}

/** The shelf the buy page opens on; read as its initial state, then forgotten (forgetAskedShelf). */
export const askedShelf = (): TCategory | null => asked;
export const forgetAskedShelf = (): void => {
  asked = null;
};

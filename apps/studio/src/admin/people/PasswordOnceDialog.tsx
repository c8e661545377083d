import { Button } from "../../ui/Button.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import type { OneTimePassword } from "../admin-api.ts";
import { SecretCopy } from "./SecretCopy.tsx";

/**
 * The one time a password is shown: Baton keeps only its hash, so closing
 * this dialog forgets it (nothing is logged or cached).
 */
export function PasswordOnceDialog({ result, title, onClose }: { result: OneTimePassword; title: string; onClose: () => void }) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <Button variant="primary" onClick={onClose} data-autofocus>
          Done
        </Button>
      }
    >
      <p>
        The password for <strong>{result.username}</strong> is shown only now. Hand it over in person or through a channel you trust; it cannot be
        shown again (reset it once more if it gets lost).
      </p>
      <SecretCopy label="Password" value={result.password} />
    </Dialog>
  );
}

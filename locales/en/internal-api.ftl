internal-api-unauthorized = The Authorization header must be the admin API token.
internal-api-invalid-input = The request body is not valid: it needs a userID and a status (activated, new or blocked), or a userID and a non-zero whole diff.
internal-api-user-not-found = There is no user with this userID.
internal-api-forbidden = A super admin cannot be blocked; revoke the role first.
internal-api-insufficient-funds = The balance is { $balance } tokens ({ $available } available); a debit cannot take it below zero.
internal-api-internal = Something went wrong on our side. Check the state before retrying.

package org.huimin.account;

import java.util.Optional;
import java.util.UUID;

/**
 * Lets residents log in with their ID number instead of a username: the identity module answers which resident an
 * ID number belongs to (through its blind index), and the account bound to that resident is used.
 */
public interface LoginAliases {

    Optional<UUID> residentByIdNumber(String idNumber);
}

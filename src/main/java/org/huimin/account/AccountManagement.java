package org.huimin.account;

import java.util.Optional;
import java.util.UUID;

import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;

/** The account module's API for other modules (demo data, resident registration) and for administrators. */
public interface AccountManagement {

    /** Opens an account; fails with a 409 problem when the username is taken. */
    UUID open(NewAccount account);

    Optional<AccountSummary> find(UUID id);

    /** The account bound to a resident, if they have one. */
    Optional<AccountSummary> findByResident(UUID residentId);

    /** Only the id of the account bound to a resident (a message's addressee): no personal data is read. */
    Optional<UUID> accountIdOfResident(UUID residentId);

    /** Replaces the password and phone of an account that has not been confirmed yet (a restarted registration). */
    void resetCredentials(UUID id, String rawPassword, String phone);

    PageResult<AccountSummary> search(String query, PageRequest page);

    /** Lifts a lockout and clears the failure count. */
    void unlock(UUID id);

    /** Enables or disables an account; a disabled account cannot log in. */
    void setEnabled(UUID id, boolean enabled);
}

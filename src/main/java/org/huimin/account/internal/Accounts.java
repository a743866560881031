package org.huimin.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.huimin.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Account rows on JDBC. */
@Repository
class Accounts {

    private static final String SELECT = """
            select a.id, a.username, a.password_hash, a.display_name, a.enabled, a.organization_id, a.practitioner_id,
                a.resident_id, a.phone_enc, a.locale, a.failed_attempts, a.first_failed_at, a.locked_until,
                a.last_login_at,
                (select string_agg(r.role, ',' order by r.role) from account_role r where r.account_id = a.id) as roles
            from account a""";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountRecord> byUsername(String username) {
        return jdbc.sql(SELECT + " where a.username = :u").param("u", username).query(Accounts::map).optional();
    }

    Optional<AccountRecord> byResident(UUID residentId) {
        return jdbc.sql(SELECT + " where a.resident_id = :r order by a.created_at limit 1").param("r", residentId)
                .query(Accounts::map).optional();
    }

    Optional<UUID> idOfResident(UUID residentId) {
        return jdbc.sql("select id from account where resident_id = :r order by created_at limit 1")
                .param("r", residentId).query(UUID.class).optional();
    }

    /** Resident accounts whose phone has this blind index (a phone number identifies at most one for login). */
    List<AccountRecord> residentsByPhoneIndex(String phoneIdx) {
        return jdbc.sql(SELECT + " where a.phone_idx = :p and a.resident_id is not null").param("p", phoneIdx)
                .query(Accounts::map).list();
    }

    int resetCredentials(UUID id, String passwordHash, String phoneEnc, String phoneIdx) {
        return jdbc.sql("update account set password_hash = :h, phone_enc = :pe, phone_idx = :pi, failed_attempts = 0, "
                + "first_failed_at = null, locked_until = null where id = :id and enabled = false")
                .param("h", passwordHash).param("pe", phoneEnc).param("pi", phoneIdx).param("id", id).update();
    }

    Optional<AccountRecord> byId(UUID id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(Accounts::map).optional();
    }

    /** Accounts whose username or display name contains {@code q}, ordered by username. */
    List<AccountRecord> search(String q, PageRequest page) {
        return jdbc.sql(SELECT + where(q) + " order by a.username limit :limit offset :offset")
                .params(params(q)).param("limit", page.size()).param("offset", page.offset())
                .query(Accounts::map).list();
    }

    long count(String q) {
        return jdbc.sql("select count(*) from account a" + where(q)).params(params(q)).query(Long.class).single();
    }

    private static String where(String q) {
        return q == null || q.isBlank() ? "" : " where lower(a.username) like :q or lower(a.display_name) like :q";
    }

    private static java.util.Map<String, Object> params(String q) {
        return q == null || q.isBlank() ? java.util.Map.of()
                : java.util.Map.of("q", "%" + q.strip().toLowerCase(java.util.Locale.ROOT) + "%");
    }

    void insert(AccountRecord a, Instant now, String phoneIdx) {
        jdbc.sql("""
                insert into account (id, username, password_hash, display_name, enabled, organization_id,
                    practitioner_id, resident_id, phone_enc, phone_idx, locale, failed_attempts, created_at)
                values (:id, :username, :hash, :name, :enabled, :org, :pid, :rid, :phone, :phoneIdx, :locale, 0, :now)""")
                .param("id", a.id()).param("username", a.username()).param("hash", a.passwordHash())
                .param("name", a.displayName()).param("enabled", a.enabled()).param("org", a.organizationId())
                .param("pid", a.practitionerId()).param("rid", a.residentId()).param("phone", a.phoneEnc())
                .param("phoneIdx", phoneIdx).param("locale", a.locale()).param("now", utc(now))
                .update();
        for (String role : a.roles()) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :role)")
                    .param("id", a.id()).param("role", role).update();
        }
    }

    /** The failure state of an account, read under a row lock so that concurrent attempts count one by one. */
    record FailureState(int attempts, Instant firstFailedAt, Instant lockedUntil) {
    }

    FailureState lockFailureState(UUID id) {
        return jdbc.sql("select failed_attempts, first_failed_at, locked_until from account where id = :id for update")
                .param("id", id)
                .query((rs, n) -> new FailureState(rs.getInt(1), instant(rs, "first_failed_at"),
                        instant(rs, "locked_until")))
                .single();
    }

    /** Records the failure state after a wrong password. */
    void recordFailure(UUID id, int attempts, Instant firstFailedAt, Instant lockedUntil) {
        jdbc.sql("update account set failed_attempts = :n, first_failed_at = :first, locked_until = :until where id = :id")
                .param("n", attempts).param("first", utc(firstFailedAt)).param("until", utc(lockedUntil))
                .param("id", id).update();
    }

    void recordSuccess(UUID id, Instant now) {
        jdbc.sql("update account set failed_attempts = 0, first_failed_at = null, locked_until = null, "
                + "last_login_at = :now where id = :id").param("now", utc(now)).param("id", id).update();
    }

    int unlock(UUID id) {
        return jdbc.sql("update account set failed_attempts = 0, first_failed_at = null, locked_until = null "
                + "where id = :id").param("id", id).update();
    }

    int setEnabled(UUID id, boolean enabled) {
        return jdbc.sql("update account set enabled = :e where id = :id").param("e", enabled).param("id", id).update();
    }

    void revoke(String jti, Instant expiresAt) {
        if (jdbc.sql("select count(*) from account_revoked_token where jti = :jti").param("jti", jti)
                .query(Long.class).single() == 0) {
            jdbc.sql("insert into account_revoked_token (jti, expires_at) values (:jti, :exp)")
                    .param("jti", jti).param("exp", utc(expiresAt)).update();
        }
    }

    boolean revoked(String jti) {
        return jdbc.sql("select count(*) from account_revoked_token where jti = :jti").param("jti", jti)
                .query(Long.class).single() > 0;
    }

    int purgeRevokedBefore(Instant now) {
        return jdbc.sql("delete from account_revoked_token where expires_at < :now").param("now", utc(now)).update();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static AccountRecord map(ResultSet rs, int n) throws SQLException {
        String roles = rs.getString("roles");
        return new AccountRecord(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("password_hash"), rs.getString("display_name"), rs.getBoolean("enabled"),
                rs.getObject("organization_id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                rs.getObject("resident_id", UUID.class), rs.getString("phone_enc"), rs.getString("locale"),
                rs.getInt("failed_attempts"), instant(rs, "first_failed_at"), instant(rs, "locked_until"),
                instant(rs, "last_login_at"),
                roles == null || roles.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(roles.split(","))));
    }
}

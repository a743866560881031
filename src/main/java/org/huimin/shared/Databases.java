package org.huimin.shared;

import java.sql.SQLException;

import javax.sql.DataSource;

/** Facts about the database Huimin runs on, for the few places that use a PostgreSQL-only feature. */
public final class Databases {

    private Databases() {
    }

    /** True when {@code dataSource} is PostgreSQL (production); false for the embedded H2 or when unreachable. */
    public static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
    }
}

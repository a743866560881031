package org.huimin.directory.fhir;

import org.huimin.shared.fhir.PagedBundle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;

/** Small helpers shared by the directory's FHIR providers. */
final class DirectoryFhirSearch {

    private DirectoryFhirSearch() {
    }

    /** FHIR string search: starts-with by default, {@code :contains} and {@code :exact} as the spec defines them. */
    record Text(String prefix, String contains, String exact) {
        static Text of(StringParam param) {
            if (param == null || param.getValue() == null || param.getValue().isBlank()) {
                return new Text(null, null, null);
            }
            if (param.isExact()) {
                return new Text(null, null, param.getValue());
            }
            return param.isContains() ? new Text(null, param.getValue(), null) : new Text(param.getValue(), null, null);
        }
    }

    /** The token's code, or {@code null} when there is no token. */
    static String tokenCode(TokenParam token) {
        return token == null ? null : token.getValue();
    }

    /** False when the token names a system other than {@code expected}: such a search matches nothing. */
    static boolean systemMatches(TokenParam token, String expected) {
        return token == null || token.getSystem() == null || token.getSystem().isEmpty()
                || token.getSystem().equals(expected);
    }

    static final PagedBundle<Object> EMPTY = PagedBundle.empty();

    static <E extends Enum<E>> E enumCode(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown code " + code + " for " + type.getSimpleName());
        }
    }
}

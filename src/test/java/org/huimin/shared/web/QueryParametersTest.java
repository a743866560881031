package org.huimin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.huimin.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class QueryParametersTest {

    private static QueryParameters with(String... nameValues) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/slots");
        for (int i = 0; i < nameValues.length; i += 2) {
            request.setParameter(nameValues[i], nameValues[i + 1]);
        }
        return new QueryParameters(request);
    }

    @Test
    void parsesPresentValuesAndTreatsBlankAsAbsent() {
        QueryParameters q = with("date", "2026-12-07", "org", " 6f1c1a52-7c1e-4c0e-9d6e-2b8f4f0c9a11 ", "blank", " ");
        LocalDate date = q.required("date", LocalDate::parse);
        UUID org = q.optional("org", UUID::fromString);
        UUID blank = q.optional("blank", UUID::fromString);
        UUID absent = q.optional("absent", UUID::fromString);
        assertThat(date).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(org).isEqualTo(UUID.fromString("6f1c1a52-7c1e-4c0e-9d6e-2b8f4f0c9a11"));
        assertThat(blank).isNull();
        assertThat(absent).isNull();
    }

    @Test
    void aValueThatDoesNotParseIsAFieldErrorAndAMissingRequiredOneToo() {
        assertThatThrownBy(() -> with("date", "2026-13-01").required("date", LocalDate::parse))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.fieldErrors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("date");
                        assertThat(f.messageCode()).isEqualTo("validation.type");
                    });
                });
        assertThatThrownBy(() -> with().required("date", LocalDate::parse))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldErrors()).singleElement()
                        .satisfies(f -> assertThat(f.messageCode()).isEqualTo("validation.required")));
    }

    @Test
    void booleansAsSpringBindsThem() {
        for (String yes : new String[] {"true", "TRUE", "on", "yes", "1"}) {
            Boolean parsed = with("b", yes).optional("b", QueryParameters::bool);
            assertThat(parsed).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "Off", "no", "0"}) {
            Boolean parsed = with("b", no).optional("b", QueryParameters::bool);
            assertThat(parsed).as(no).isFalse();
        }
        assertThatThrownBy(() -> with("b", "maybe").optional("b", QueryParameters::bool))
                .isInstanceOf(ProblemException.class);
    }
}

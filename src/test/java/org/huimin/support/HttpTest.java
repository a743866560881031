package org.huimin.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the integration tests that talk to the whole application over HTTP on loopback. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpTest {

    @LocalServerPort
    protected int port;
    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }
}

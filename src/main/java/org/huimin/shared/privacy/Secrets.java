package org.huimin.shared.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keys the platform needs (token signing, field encryption, blind index). A configured value wins; otherwise a
 * random 256-bit key is generated once into {@code ${huimin.data-dir}/secrets/<name>.key} so that the embedded
 * default runs with nothing to set up and keeps its keys across restarts. Production sets them from a secret store.
 */
@Component
public class Secrets {

    private static final Logger log = LoggerFactory.getLogger(Secrets.class);
    private final Path folder;
    private final SecureRandom random = new SecureRandom();

    public Secrets(@Value("${huimin.data-path}") String dataDir) {
        this.folder = Path.of(dataDir, "secrets");
    }

    /** The 32-byte key named {@code name}: {@code configured} (base64) when set, else the generated one. */
    public synchronized byte[] key(String name, String configured) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length < 32) {
                throw new IllegalStateException("key " + name + " must be at least 32 bytes (base64)");
            }
            return key;
        }
        Path file = folder.resolve(name + ".key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(folder);
            byte[] key = new byte[32];
            random.nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.info("Generated key '{}' in {} (set it from a secret store in production)", name, folder);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create key " + file, e);
        }
    }
}

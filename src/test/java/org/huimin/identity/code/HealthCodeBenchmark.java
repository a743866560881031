package org.huimin.identity.code;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Health-code issue and verify against the yardstick of a raw BouncyCastle Ed25519 verification of a message of the
 * same length, in the same run: the target is token verification at ≥ 80% of the raw rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HealthCodeBenchmark {

    private Ed25519PrivateKeyParameters privateKey;
    private Ed25519PublicKeyParameters publicKey;
    private Map<String, Optional<KeyRing.VerificationKey>> keys;
    private String token;
    private byte[] message;
    private byte[] signature;
    private HealthCodeToken template;
    private Instant now;

    @Setup
    public void setUp() {
        privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
        publicKey = privateKey.generatePublicKey();
        now = Instant.now();
        template = new HealthCodeToken("530325-bench01", HealthCodeToken.CodeType.DYNAMIC, 530325, UUID.randomUUID(),
                now, now.plusSeconds(3600), 123456789L);
        token = template.withSignature(sign(template.signingInput().getBytes(StandardCharsets.US_ASCII)));
        message = template.signingInput().getBytes(StandardCharsets.US_ASCII);
        signature = sign(message);
        keys = Map.of("530325-bench01", Optional.of(new KeyRing.VerificationKey("530325-bench01", "530325",
                KeyRing.Status.ACTIVE, publicKey)));
    }

    private byte[] sign(byte[] input) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(input, 0, input.length);
        return signer.generateSignature();
    }

    /** The yardstick: BouncyCastle's lightweight Ed25519 verification of the token's signing input. */
    @Benchmark
    public boolean rawEd25519Verify() {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /** Parse, key lookup, signature, region, issue time and expiry: what an offline terminal does. */
    @Benchmark
    public boolean tokenVerify() {
        return TokenVerifier.verify(token, kid -> keys.getOrDefault(kid, Optional.empty()), now, Duration.ofSeconds(30))
                .accepted();
    }

    /** Building and signing a token (the QR image is rendered separately). */
    @Benchmark
    public String tokenIssue() {
        HealthCodeToken t = new HealthCodeToken(template.kid(), template.type(), template.region(),
                template.residentId(), now, now.plusSeconds(60), System.nanoTime());
        return t.withSignature(sign(t.signingInput().getBytes(StandardCharsets.US_ASCII)));
    }
}

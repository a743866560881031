package org.huimin.shared.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal identifiers (ID numbers, phone numbers) at rest with AES-256-GCM and derives an HMAC-SHA256
 * blind index so that they can be looked up by equality without being stored in clear. The ciphertext format is
 * {@code v1:<base64(iv || ciphertext+tag)>}; the version prefix leaves room for key rotation or SM4.
 */
@Component
public class PersonalDataCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();
    /*
     * Cipher.getInstance and Mac.getInstance look the algorithm up among the security providers on every call: in the
     * health-code verification profile that lookup was nearly all of a decryption. Instances are not thread-safe but
     * can be used again, so each call borrows one and gives it back (a cipher is initialised with its IV every
     * time; a MAC keeps its key and is reset by doFinal). A failed instance is not given back.
     */
    private static final int POOLED = 64;
    private final ConcurrentLinkedDeque<Cipher> ciphers = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Mac> macs = new ConcurrentLinkedDeque<>();
    private final AtomicInteger pooledCiphers = new AtomicInteger();
    private final AtomicInteger pooledMacs = new AtomicInteger();

    public PersonalDataCipher(Secrets secrets, @Value("${huimin.privacy.encryption-key:}") String encryptionKey,
            @Value("${huimin.privacy.blind-index-key:}") String blindIndexKey) {
        this.encryptionKey = new SecretKeySpec(secrets.key("pii-encryption", encryptionKey), 0, 32, "AES");
        this.indexKey = new SecretKeySpec(secrets.key("pii-blind-index", blindIndexKey), "HmacSHA256");
    }

    /** Encrypts {@code plain}; {@code null} stays {@code null}. Each call uses a fresh IV. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            giveBack(cipher);
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Decrypts what {@link #encrypt} produced; fails loudly on tampering or a wrong key. */
    public String decrypt(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("unknown ciphertext format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = cipher();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            String plain = new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
            giveBack(cipher);
            return plain;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (tampered value or wrong key)", e);
        }
    }

    /** Keyed hash for equality lookup: the same input always gives the same 64 hex characters. */
    public String blindIndex(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            Mac mac = macs.pollFirst();
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(indexKey);
            } else {
                pooledMacs.decrementAndGet();
            }
            String index = HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
            if (pooledMacs.incrementAndGet() <= POOLED) {
                macs.offerFirst(mac);
            } else {
                pooledMacs.decrementAndGet();
            }
            return index;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }

    private Cipher cipher() throws GeneralSecurityException {
        Cipher cipher = ciphers.pollFirst();
        if (cipher == null) {
            return Cipher.getInstance("AES/GCM/NoPadding");
        }
        pooledCiphers.decrementAndGet();
        return cipher;
    }

    private void giveBack(Cipher cipher) {
        if (pooledCiphers.incrementAndGet() <= POOLED) {
            ciphers.offerFirst(cipher);
        } else {
            pooledCiphers.decrementAndGet();
        }
    }
}

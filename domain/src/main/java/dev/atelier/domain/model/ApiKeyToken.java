package dev.atelier.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** The bearer form of an API key, {@code atl_<keyId>_<secret>}, and the hashing of its secret. */
public record ApiKeyToken(String keyId, String secret) {
    private static final String PREFIX = "atl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh token with a random 24-hex-digit id and a 256-bit secret. */
    public static ApiKeyToken generate() {
        return new ApiKeyToken(randomHex(12), randomHex(32));
    }

    /** Parses a presented token; empty when it does not have the expected shape. */
    public static Optional<ApiKeyToken> parse(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String rest = token.substring(PREFIX.length());
        int sep = rest.indexOf('_');
        if (sep <= 0 || sep == rest.length() - 1) {
            return Optional.empty();
        }
        String id = rest.substring(0, sep);
        String secret = rest.substring(sep + 1);
        if (!Ids.isValid(id) || !Ids.isValid(secret.replace('_', '-'))) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyToken(id, secret));
    }

    /**
     * The key a presented bearer token refers to. Tokens Atelier generated are parsed; any other
     * string (an operator-chosen bootstrap token, say) maps to a key whose id is derived from the
     * token's hash and whose secret is the whole token, so both kinds are looked up the same way.
     */
    public static ApiKeyToken fromPresented(String token) {
        return parse(token)
                .orElseGet(() -> new ApiKeyToken("h" + sha256Hex(token).substring(0, 23), token));
    }

    public String value() {
        return PREFIX + keyId + "_" + secret;
    }

    public String secretHash() {
        return sha256Hex(secret);
    }

    /** Constant-time comparison of this token's secret with a stored hash. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(
                secretHash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public String toString() {
        return "ApiKeyToken[" + keyId + "]";
    }
}

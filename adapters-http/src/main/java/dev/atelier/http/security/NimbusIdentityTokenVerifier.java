package dev.atelier.http.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.atelier.domain.error.DependencyUnavailableException;
import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.port.IdentityTokenVerifier;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * {@link IdentityTokenVerifier} for signed JWTs with Nimbus JOSE+JWT: HS256 with a shared secret,
 * or the asymmetric algorithms of an identity provider's JWKS URL. Unsigned ({@code alg: none})
 * tokens, other algorithms, bad signatures, missing or past {@code exp}, and a wrong issuer or
 * audience (when configured) are refused. A JWKS URL that cannot be fetched is a 503, not a 401.
 */
public final class NimbusIdentityTokenVerifier implements IdentityTokenVerifier {
    /** The shortest HS256 secret accepted (RFC 7518: at least the hash size, 256 bits). */
    public static final int MIN_SECRET_BYTES = 32;

    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    private static final String REFUSED = "missing or invalid credentials";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String userClaim;

    private NimbusIdentityTokenVerifier(
            JWSVerificationKeySelector<SecurityContext> keys, String issuer, String audience, String userClaim) {
        if (userClaim == null || userClaim.isBlank()) {
            throw new IllegalArgumentException("atelier.auth.jwt.user-claim must name a claim");
        }
        this.userClaim = userClaim;
        Set<String> required = new HashSet<>(Set.of("exp", userClaim));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (issuer != null && !issuer.isBlank()) {
            exact.issuer(issuer);
            required.add("iss");
        }
        Set<String> audiences = null;
        if (audience != null && !audience.isBlank()) {
            audiences = new HashSet<>(Set.of(audience));
            required.add("aud");
        }
        processor.setJWSKeySelector(keys);
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audiences, exact.build(), required, null));
    }

    /** Tokens signed with HS256 and {@code secret} (at least {@value #MIN_SECRET_BYTES} bytes). */
    public static NimbusIdentityTokenVerifier hs256(String secret, String issuer, String audience, String userClaim) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "atelier.auth.jwt.secret must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
        }
        return new NimbusIdentityTokenVerifier(
                new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(bytes)),
                issuer,
                audience,
                userClaim);
    }

    /** Tokens signed with a key of the identity provider's JWKS document (fetched and cached). */
    public static NimbusIdentityTokenVerifier jwks(String jwksUrl, String issuer, String audience, String userClaim) {
        URL url;
        try {
            url = URI.create(jwksUrl).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IllegalArgumentException("atelier.auth.jwt.jwks-url is not a URL: " + jwksUrl, e);
        }
        JWKSource<SecurityContext> source =
                JWKSourceBuilder.create(url).retrying(true).build();
        return new NimbusIdentityTokenVerifier(
                new JWSVerificationKeySelector<>(ASYMMETRIC, source), issuer, audience, userClaim);
    }

    @Override
    public boolean handles(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    @Override
    public VerifiedIdentity verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (KeySourceException unreachable) {
            throw new DependencyUnavailableException("the identity provider's keys could not be fetched");
        } catch (ParseException | BadJOSEException | JOSEException refused) {
            throw new UnauthenticatedException(REFUSED);
        }
        Object value = claims.getClaim(userClaim);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new UnauthenticatedException(REFUSED);
        }
        return new VerifiedIdentity(claims.getSubject(), text);
    }
}

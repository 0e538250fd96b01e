package org.noticeboard.app;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.member.SignInPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's settings; each can be given as an environment variable
 * ({@code NOTICEBOARD_MODE}, {@code NOTICEBOARD_DATABASE_URL}, {@code NOTICEBOARD_OIDC_ISSUER_URI}...).
 */
@ConfigurationProperties("noticeboard")
public record NoticeboardProperties(
        @DefaultValue("demo") Mode mode,
        @Nullable Path dataDir,
        @DefaultValue Database database,
        @DefaultValue Demo demo,
        @DefaultValue Oidc oidc,
        @DefaultValue SignIn signIn) {

    public enum Mode {
        /** seeded demo users sign in with a form; X is the in-process sandbox */
        DEMO,
        /** members sign in through the organisation's OpenID Connect provider; X is api.x.com */
        LIVE
    }

    /** Blank URL: the portal runs its own embedded PostgreSQL with data in {@code dataDir/pgdata}. */
    public record Database(@Nullable String url, @DefaultValue("postgres") String username, @Nullable String password) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * {@code allowExternalDatabase}: demo mode may run on the database {@code noticeboard.database.url}
     * names (checked before start by {@link SafeStart}; without it only on the embedded PostgreSQL).
     */
    public record Demo(@DefaultValue("demo") String password, @DefaultValue("true") boolean seed,
            @DefaultValue("false") boolean allowExternalDatabase) {}

    public record Oidc(
            @Nullable String issuerUri,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @DefaultValue("openid,profile,email") String scopes,
            /** short name of the organisation whose members sign in here (created at start if missing) */
            @Nullable String organisation,
            @Nullable String organisationName,
            /** whoever first signs in with this verified e-mail address becomes organisation admin */
            @Nullable String firstAdminEmail) {}

    /**
     * Live mode: who may become a member by signing in (anyone the identity provider lets in, when neither is set).
     * {@code allowedEmailDomains}: the domains of the verified e-mail addresses a first sign-in must have
     * (e.g. {@code nhs.net,northshire.nhs.uk}); {@code requiredGroup}: a group the identity provider must list the
     * person in, in the ID token or user-info claim {@code groupClaim}. Checked before a member is made at a first
     * sign-in; members already known, or added ahead by an organisation admin, are not asked again.
     */
    public record SignIn(@DefaultValue List<String> allowedEmailDomains, @Nullable String requiredGroup,
            @DefaultValue("groups") String groupClaim) {

        public SignInPolicy policy() {
            return new SignInPolicy(allowedEmailDomains, requiredGroup);
        }
    }

    /**
     * Where the embedded PostgreSQL keeps its data: {@code noticeboard.data-dir} if set, else
     * {@code .noticeboard} in the home directory of whoever runs the portal. Resolved here because
     * Spring does not resolve placeholders in a {@code @DefaultValue}: a default of
     * {@code "${user.home}/.noticeboard"} became a folder literally named {@code ${user.home}}.
     */
    @Override
    public Path dataDir() {
        return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".noticeboard");
    }

    public boolean demoMode() {
        return mode == Mode.DEMO;
    }
}

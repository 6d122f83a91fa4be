package org.civicgrid.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * 接口认证 — HTTP Basic for scripts, and only on {@code /api/**} (and the admin-only {@code /q/} operations endpoints): a page never accepts a Basic header, so a browser
 * that once answered a Basic prompt cannot be driven from another site to post page forms (people sign in with the
 * form and its session cookie). An unauthenticated API request is answered 401 with a Basic challenge instead of the
 * login page redirect. (The built-in Basic mechanism is off: {@code quarkus.http.auth.basic=false}.)
 */
@ApplicationScoped
class ApiChallengeMechanism implements HttpAuthenticationMechanism {

    static final String API_PREFIX = "/api/";

    private final BasicAuthenticationMechanism basic = new BasicAuthenticationMechanism("civicgrid", false);

    static final String OPS_PREFIX = "/q/";

    /** The API and the operations endpoints (metrics, OpenAPI): scripts' ground, where Basic is accepted. */
    static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.startsWith(API_PREFIX) || path.startsWith(OPS_PREFIX);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!isApi(context)) {
            return Uni.createFrom().nullItem();
        }
        return basic.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"civicgrid\", charset=\"UTF-8\""));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return basic.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}

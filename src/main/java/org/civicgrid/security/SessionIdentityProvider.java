package org.civicgrid.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * 会话恢复 — turns the user named by a valid session cookie back into an identity with current roles, provided the
 * session is still open on the server ({@link Sessions}: not signed out, account not changed since).
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final SignIn signIn;
    private final Sessions sessions;

    SessionIdentityProvider(SignIn signIn, Sessions sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!sessions.isOpen(http, request.getPrincipal())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("session ended"));
        }
        return signIn.restoreFromCache(request.getPrincipal())
                .map(identity -> Uni.createFrom().item(identity))
                .orElseGet(() -> context.runBlocking(() -> signIn.restore(request.getPrincipal())));
    }
}

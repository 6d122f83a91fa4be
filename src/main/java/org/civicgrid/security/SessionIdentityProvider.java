package org.civicgrid.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** 会话恢复 — turns the user named by a valid session cookie back into an identity with current roles. */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final SignIn signIn;

    SessionIdentityProvider(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return signIn.restoreFromCache(request.getPrincipal())
                .map(identity -> Uni.createFrom().item(identity))
                .orElseGet(() -> context.runBlocking(() -> signIn.restore(request.getPrincipal())));
    }
}

package org.civicgrid.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** 口令登录 — username and password from the login form or an HTTP Basic header, checked off the event loop. */
@ApplicationScoped
class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String FORM_POST_PATH = "/j_security_check";

    private final SignIn signIn;
    private final Sessions sessions;

    PasswordIdentityProvider(SignIn signIn, Sessions sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        SocketAddress remote = http == null ? null : http.request().remoteAddress();
        String address = remote == null ? null : remote.hostAddress();
        boolean interactive = http != null && FORM_POST_PATH.equals(http.normalizedPath());
        String password = new String(request.getPassword().getPassword());
        Uni<SecurityIdentity> identity = signIn.verifyFromCache(request.getUsername(), password, address, interactive)
                .map(known -> Uni.createFrom().item(known))
                .orElseGet(() -> context.runBlocking(() -> signIn.verify(request.getUsername(), password, address, interactive)));
        // a form sign-in opens a server-side session (Basic requests carry the password each time and open none)
        return interactive ? identity.invoke(signedIn -> sessions.open(http, signedIn.getPrincipal().getName())) : identity;
    }
}

package org.civicgrid.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Set;

/**
 * 接口认证 — HTTP Basic for scripts, and only on {@code /api/**} (and the admin-only {@code /q/} operations endpoints): a page never accepts a Basic header, so a browser
 * that once answered a Basic prompt cannot be driven from another site to post page forms (people sign in with the
 * form and its session cookie). An unauthenticated API request is answered 401 with a Basic challenge instead of the
 * login page redirect. (The built-in Basic mechanism is off: {@code quarkus.http.auth.basic=false}.)
 *
 * <p>It also answers the challenge of a page: the form mechanism's redirect to the login page (which remembers the page
 * asked for). A hub takes client certificates ({@code %hub.quarkus.http.ssl.client-auth=request}, for
 * {@code hub.SiteCertificates}), and Quarkus then adds its mutual-TLS mechanism, whose challenge is a bare 401 and ranks
 * before the form's: without this a person opening the hub in a browser got an empty 401 instead of the sign-in page.
 * This mechanism ranks before both.
 */
@ApplicationScoped
class ApiChallengeMechanism implements HttpAuthenticationMechanism {

    static final String API_PREFIX = "/api/";

    private final BasicAuthenticationMechanism basic = new BasicAuthenticationMechanism("civicgrid", false);

    private final Instance<HttpAuthenticationMechanism> mechanisms;

    private volatile HttpAuthenticationMechanism form;

    ApiChallengeMechanism(@Any Instance<HttpAuthenticationMechanism> mechanisms) {
        this.mechanisms = mechanisms;
    }

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
        HttpAuthenticationMechanism form = form();
        return form != null ? form.getChallenge(context) : Uni.createFrom().nullItem();
    }

    /** The form mechanism (a singleton without a client proxy), looked up on first use: it is one of this bean's peers. */
    private HttpAuthenticationMechanism form() {
        HttpAuthenticationMechanism found = form;
        if (found == null) {
            for (HttpAuthenticationMechanism m : mechanisms) {
                if (m instanceof FormAuthenticationMechanism) {
                    form = found = m;
                }
            }
        }
        return found;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return basic.getCredentialTransport(context);
    }

    /** Before the mutual-TLS mechanism (at most {@code DEFAULT_PRIORITY + 2000}) and the form (DEFAULT_PRIORITY). */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 5000;
    }
}

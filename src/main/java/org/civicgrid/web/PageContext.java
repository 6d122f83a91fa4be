package org.civicgrid.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;

/**
 * 页面上下文 — gives every page the same surroundings: the language chosen with the switch (Chinese unless the
 * cookie says English), the signed-in user, the navigation they may see and the current path. (The form token is a
 * template extension: {@code {csrf:token}}, security.csrf.CsrfTokens#current.)
 */
@ApplicationScoped
public class PageContext implements TemplateInstance.Initializer {

    public static final String LANG_COOKIE = "civicgrid-lang";
    static final Locale CHINESE = Locale.forLanguageTag("zh");

    private final Instance<NavContribution> contributions;
    private final ApplianceConfig appliance;
    private final Map<Set<Role>, List<NavItem>> navByRoles = new ConcurrentHashMap<>();

    PageContext(Instance<NavContribution> contributions, ApplianceConfig appliance) {
        this.contributions = contributions;
        this.appliance = appliance;
    }

    /** Registers this initializer with the Qute engine (beans implementing it are not picked up by themselves). */
    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance instance) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        RoutingContext http = Arc.container().instance(RoutingContext.class).get();
        CurrentUser user = Arc.container().instance(CurrentUser.class).get();
        String path = http == null ? "/" : http.normalizedPath();
        instance.setLocale(locale(http));
        instance.data("user", new Viewer(user.signedIn(), user.username(), user.displayName(), List.copyOf(user.roles())));
        instance.data("nav", user.signedIn() ? visibleNav(user, path) : List.of());
        instance.data("currentPath", path);
        instance.data("demoMode", appliance.demo());
    }

    /** The language of this request: {@code en} when the switch chose English, Chinese otherwise. */
    public static Locale locale(RoutingContext http) {
        Cookie cookie = http == null ? null : http.request().getCookie(LANG_COOKIE);
        return locale(cookie == null ? null : cookie.getValue());
    }

    /** The language for the value of the language cookie (null when there is none). */
    public static Locale locale(String cookieValue) {
        return "en".equals(cookieValue) ? Locale.ENGLISH : CHINESE;
    }

    private List<NavLink> visibleNav(CurrentUser user, String path) {
        return navFor(user.roles()).stream().map(item -> new NavLink(item.path(), item.labelKey(), isCurrent(item.path(), path)))
                .toList();
    }

    /**
     * The items these roles see, in order: the contributions are fixed while the application runs, so this is
     * worked out once per set of roles (the labels are looked up in the page's language by the template).
     */
    List<NavItem> navFor(Set<Role> held) {
        return navByRoles.computeIfAbsent(held.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(held),
                roles -> contributions.stream()
                        .flatMap(c -> c.navItems().stream())
                        .filter(item -> item.visibleTo(roles))
                        .sorted(Comparator.comparingInt(NavItem::order))
                        .toList());
    }

    private static boolean isCurrent(String itemPath, String path) {
        return itemPath.equals(path) || (!"/".equals(itemPath) && path.startsWith(itemPath));
    }
}

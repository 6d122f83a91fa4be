package org.civicgrid.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestQuery;

/** 语言切换 — remembers Chinese or English in a cookie and goes back to the page the user was on. */
@Path("/lang")
@PermitAll
public class LanguageSwitch {

    @GET
    @Path("{lang}")
    public Response choose(@PathParam("lang") String lang, @RestQuery String back) {
        String value = "en".equals(lang) ? "en" : "zh";
        NewCookie cookie = new NewCookie.Builder(PageContext.LANG_COOKIE).value(value).path("/")
                .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(safeLocalPath(back))).cookie(cookie).build();
    }

    /** Only paths on this box: never redirect to another site. */
    static String safeLocalPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return "/"; // also a path with a tab or space in it (/%09/evil.com): browsers drop those and go elsewhere
        }
        try {
            return URI.create(back).getRawAuthority() == null ? back : "/";
        } catch (IllegalArgumentException notAUri) {
            return "/";
        }
    }
}
